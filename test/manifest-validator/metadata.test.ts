import * as assert from "node:assert/strict";
import { validateManifest } from "../../manifest-validator";
import { assertErrors, assertValid } from "./helpers";
import { widgetRegistry } from "./synthetic";

const reg = widgetRegistry({ type: "object" });

function w(metadata: unknown): Record<string, unknown> {
    return { apiVersion: "test.paved.dev/v1", kind: "Widget", metadata, spec: {} };
}

describe("manifest-validator: metadata", () => {
    it("needs a name or a generateName", () => {
        assertErrors(reg, w({}), ["metadata.name: is required"]);
        assertErrors(reg, { apiVersion: "test.paved.dev/v1", kind: "Widget" }, ["metadata.name: is required"]);
        assertValid(reg, w({ generateName: "claims-db-" }));
    });

    it("the name is a DNS subdomain", () => {
        assertValid(reg, w({ name: "claims-service.db-1" }));
        const subdomain =
            "must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric";
        assertErrors(reg, w({ name: "Claims_DB" }), [`metadata.name: ${subdomain}`]);
        assertErrors(reg, w({ name: "a".repeat(254) }), ["metadata.name: must be no more than 253 characters"]);
        assertErrors(reg, w({ name: 5n }), ["metadata.name: must be string"]);
    });

    it("labels and annotations: string maps with qualified keys and valid label values", () => {
        assertValid(reg, w({ name: "a", labels: { "app.kubernetes.io/name": "db", tier: "" }, annotations: { "paved.dev/note": "free text ✓" } }));
        assertErrors(reg, w({ name: "a", labels: { "bad key!": "x", ok: "not valid!" } }), [
            "metadata.labels[bad key!]: key name part must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
            "metadata.labels[ok]: value must be empty or consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        ]);
        assertErrors(reg, w({ name: "a", labels: { n: 1n } }), ["metadata.labels[n]: must be string"]);
    });

    it("a namespace must be a DNS label; on a cluster-scoped kind it is only a warning (the API server clears it)", () => {
        assertErrors(reg, w({ name: "a", namespace: "Bad.NS" }), [
            "metadata.namespace: must be a lowercase RFC 1123 label: lowercase alphanumerics or '-', starting and ending with an alphanumeric",
        ]);
        const cluster = widgetRegistry({ type: "object" }, { scope: "Cluster" });
        const problems = validateManifest(cluster, w({ name: "a", namespace: "team-a" }));
        assert.deepEqual(
            problems.map((p) => [p.path, p.severity]),
            [["metadata.namespace", "warning"]],
        );
    });

    it("the schema's own metadata.name rules apply (Crossplane caps names at 63)", () => {
        const capped = widgetRegistry({ type: "object" });
        const root = capped.entries()[0].schema as { properties: Record<string, unknown> };
        root.properties.metadata = { type: "object", properties: { name: { type: "string", maxLength: 63 } } };
        assertErrors(capped, w({ name: "a".repeat(64) }), ["metadata.name: must be at most 63 characters"]);
    });
});
