/** Shared by the catalog suites: the catalog, an EnvironmentConfig, and schemas to validate renders against. */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadCatalog } from "../../../catalog";
import type { JsonObject, RenderOutput } from "../../../composition-renderer";
import { SchemaRegistry, loadCrdDirectory, mergeRegistries, parseManifests, type JsonSchemaProps } from "../../../manifest-validator";
import { crdDirectory } from "../../helpers/crds";

export const catalog = loadCatalog();

export function fixture(name: string): JsonObject {
    return parseManifests(fs.readFileSync(path.join(__dirname, "..", "fixtures", name), "utf8"), name)[0] as JsonObject;
}

/** The EnvironmentConfig platform-aws-defaults of a dev stack (test/catalog/fixtures/environment.yaml). */
export const environment = fixture("environment.yaml");
export const env = environment.data as any;

export function example(file: string): JsonObject {
    for (const api of catalog.apis) {
        const found = api.examples.find((e) => e.file === file);
        if (found) return found.object;
    }
    throw new Error(`no example ${file}`);
}

export function byName(out: RenderOutput, name: string): any {
    const r = out.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no composed resource "${name}"; have ${out.resources.map((x) => x.name).join(", ")}`);
    return r.resource;
}

export const ofKind = (out: RenderOutput, kind: string): any[] => out.resources.filter((r) => r.resource.kind === kind).map((r) => r.resource);

const labelSelector: JsonSchemaProps = {
    type: "object",
    properties: {
        matchLabels: { type: "object", additionalProperties: { type: "string" } },
        matchExpressions: {
            type: "array",
            items: {
                type: "object",
                required: ["key", "operator"],
                properties: { key: { type: "string" }, operator: { type: "string", enum: ["In", "NotIn", "Exists", "DoesNotExist"] }, values: { type: "array", items: { type: "string" } } },
            },
        },
    },
};
const peer: JsonSchemaProps = {
    type: "object",
    properties: {
        podSelector: labelSelector,
        namespaceSelector: labelSelector,
        ipBlock: { type: "object", required: ["cidr"], properties: { cidr: { type: "string", format: "cidr" }, except: { type: "array", items: { type: "string", format: "cidr" } } } },
    },
};
const port: JsonSchemaProps = {
    type: "object",
    properties: {
        protocol: { type: "string", enum: ["TCP", "UDP", "SCTP"] },
        port: { "x-kubernetes-int-or-string": true, minimum: 1, maximum: 65535 },
        endPort: { type: "integer", format: "int32" },
    },
};

/**
 * networking.k8s.io/v1 NetworkPolicy is built into Kubernetes (no CRD to read): its schema,
 * transcribed from the API types (k8s.io/api networking/v1), so composed NetworkPolicies are checked too.
 */
export const builtinSchemas = new SchemaRegistry("Kubernetes built-in kinds (transcribed)", [
    {
        group: "networking.k8s.io",
        version: "v1",
        kind: "NetworkPolicy",
        plural: "networkpolicies",
        scope: "Namespaced",
        source: "networking.k8s.io/v1 NetworkPolicy (k8s.io/api networking/v1 types)",
        schema: {
            type: "object",
            properties: {
                apiVersion: { type: "string" },
                kind: { type: "string" },
                metadata: { type: "object" },
                spec: {
                    type: "object",
                    properties: {
                        podSelector: labelSelector,
                        policyTypes: { type: "array", items: { type: "string", enum: ["Ingress", "Egress"] } },
                        ingress: { type: "array", items: { type: "object", properties: { from: { type: "array", items: peer }, ports: { type: "array", items: port } } } },
                        egress: { type: "array", items: { type: "object", properties: { to: { type: "array", items: peer }, ports: { type: "array", items: port } } } },
                    },
                },
            },
        },
    },
]);

let registry: SchemaRegistry | undefined;

/** Upstream CRDs from PAVED_CRD_DIR plus the built-in kinds above (only inside describeWithCrds). */
export function upstreamSchemas(): SchemaRegistry {
    registry ??= mergeRegistries(loadCrdDirectory(crdDirectory()!), builtinSchemas);
    return registry;
}
