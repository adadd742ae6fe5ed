import * as assert from "node:assert/strict";
import { validateAndDefault } from "../../manifest-validator";
import { assertErrors, assertValid } from "./helpers";
import { widget, widgetRegistry } from "./synthetic";

describe("manifest-validator: pruning, defaults, list types, embedded resources", () => {
    it("unknown fields are errors in strict mode (the default) and warnings otherwise", () => {
        const reg = widgetRegistry({ type: "object", properties: { a: { type: "object", properties: { b: { type: "string" } } } } });
        assertErrors(reg, widget({ a: { b: "x", c: 1n }, z: true }), ["spec.a.c: unknown field", "spec.z: unknown field"]);
        const lax = assertValid(reg, widget({ z: true }), { strict: false });
        assert.deepEqual(lax, [{ path: "spec.z", rule: "unknown field", type: "UnknownField", severity: "warning" }]);
    });

    it("unknown top-level and metadata fields are unknown; apiVersion, kind and ObjectMeta fields are not", () => {
        const reg = widgetRegistry({ type: "object" });
        const w = { ...widget({}), extra: 1n, metadata: { name: "a", labels: { app: "x" }, annotations: { note: "y" }, bogus: "z" } };
        assertErrors(reg, w, ["extra: unknown field", "metadata.bogus: unknown field"]);
    });

    it("under x-kubernetes-preserve-unknown-fields unknown fields stay, declared ones are still checked", () => {
        const reg = widgetRegistry({
            type: "object",
            "x-kubernetes-preserve-unknown-fields": true,
            properties: { known: { type: "object", properties: { n: { type: "integer" } } } },
        });
        const r = validateAndDefault(reg, widget({ anything: { goes: [1n] }, known: { n: "x", extra: 1n } }));
        assert.deepEqual(
            r.problems.map((p) => `${p.path}: ${p.rule}`),
            ["spec.known.extra: unknown field", "spec.known.n: must be integer"],
        );
        assert.deepEqual((r.object?.spec as Record<string, unknown>).anything, { goes: [1n] });
    });

    it("a root with x-kubernetes-preserve-unknown-fields keeps unknown top-level fields", () => {
        const reg = widgetRegistry({ type: "object" });
        const root = reg.entries()[0].schema as Record<string, unknown>;
        root["x-kubernetes-preserve-unknown-fields"] = true;
        assertValid(reg, { ...widget({}), data: { free: "form" } });
        assertErrors(reg, { ...widget({}), metadata: { name: "a", bogus: 1n } }, ["metadata.bogus: unknown field"]);
    });

    it("with a status subresource, status is dropped on create (unknown fields still reported), with a warning", () => {
        const reg = widgetRegistry({ type: "object" }, { statusSubresource: true });
        const root = reg.entries()[0].schema as { properties: Record<string, unknown> };
        root.properties.status = { type: "object", properties: { ready: { type: "boolean" } } };
        const problems = assertErrors(reg, { ...widget({}), status: { ready: "yes", extra: 1n } }, ["status.extra: unknown field"]);
        assert.ok(problems.some((p) => p.path === "status" && p.severity === "warning"));
        const without = widgetRegistry({ type: "object" });
        (without.entries()[0].schema as { properties: Record<string, unknown> }).properties.status = root.properties.status;
        assertErrors(without, { ...widget({}), status: { ready: "yes" } }, ["status.ready: must be boolean"]);
    });

    it("defaults fill absent fields (nested, from the outside in), as the API server does before validation", () => {
        const reg = widgetRegistry({
            type: "object",
            required: ["policy"],
            properties: {
                policy: { type: "string", default: "Delete", enum: ["Delete", "Orphan"] },
                ref: { type: "object", default: {}, properties: { name: { type: "string", default: "default" } } },
                list: { type: "array", items: { type: "object", properties: { w: { type: "integer", default: 1n } } } },
            },
        });
        const r = validateAndDefault(reg, widget({ list: [{}, { w: 5n }] }));
        assert.deepEqual(r.problems, []);
        assert.deepEqual(r.object?.spec, { policy: "Delete", ref: { name: "default" }, list: [{ w: 1n }, { w: 5n }] });
        assertErrors(reg, widget({}), ["spec.policy: is required"], { applyDefaults: false });
    });

    it("x-kubernetes-list-type set and map report duplicates", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                s: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } },
                m: {
                    type: "array",
                    "x-kubernetes-list-type": "map",
                    "x-kubernetes-list-map-keys": ["name"],
                    items: { type: "object", required: ["name"], properties: { name: { type: "string" }, v: { type: "string" } } },
                },
            },
        });
        assertValid(reg, widget({ s: ["a", "b"], m: [{ name: "a" }, { name: "b" }] }));
        assertErrors(reg, widget({ s: ["a", "b", "a"], m: [{ name: "a", v: "1" }, { name: "a", v: "2" }] }), [
            "spec.s[2]: duplicate of [0]",
            'spec.m[1]: duplicate key {"name":"a"} of [0]',
        ]);
    });

    it("x-kubernetes-embedded-resource needs apiVersion and kind and validates its metadata", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: { input: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true } },
        });
        assertValid(reg, widget({ input: { apiVersion: "pt.fn.crossplane.io/v1beta1", kind: "Resources", resources: [] } }));
        assertErrors(reg, widget({ input: { resources: [] } }), ["spec.input.apiVersion: is required", "spec.input.kind: is required"]);
        assertErrors(reg, widget({ input: { apiVersion: "a/b/c", kind: "Bad_Kind", metadata: { name: "Upper", nope: 1n } } }), [
            "spec.input.apiVersion: must be 'group/version' or 'version'",
            "spec.input.kind: may have mixed case, but should otherwise be a DNS-1035 label",
            "spec.input.metadata.name: must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric",
            "spec.input.metadata.nope: unknown field",
        ]);
    });
});
