import { UserInputError } from "../cli/errors";
import { SchemaRegistry } from "./registry";
import type { JsonSchemaProps, KindSchema } from "./types";
import { isPlainObject, type JsonObject } from "./values";
import { claimSpecProps, compositeSpecProps, compositeStatusProps, type XrdScope } from "./xrd-props";

export function isXrd(doc: unknown): doc is JsonObject {
    return (
        isPlainObject(doc) &&
        (doc.apiVersion === "apiextensions.crossplane.io/v1" || doc.apiVersion === "apiextensions.crossplane.io/v2") &&
        doc.kind === "CompositeResourceDefinition"
    );
}

type Mutable = { -readonly [K in keyof JsonSchemaProps]: JsonSchemaProps[K] };

interface Names {
    kind: string;
    plural: string;
    singular?: string;
    listKind?: string;
}

function stringOr<T>(v: unknown, fallback: T): string | T {
    return typeof v === "string" ? v : fallback;
}

function fail(where: string, rule: string): never {
    throw new UserInputError(`${where}: ${rule}`);
}

function names(o: unknown, where: string): Names {
    if (!isPlainObject(o)) fail(where, "is required");
    for (const f of ["kind", "plural"]) if (typeof o[f] !== "string" || o[f] === "") fail(`${where}.${f}`, "is required");
    return o as unknown as Names;
}

/** The schema of one XRD version as Crossplane turns it into a CRD version (xcrd genCrdVersion). */
function versionSchema(user: JsonSchemaProps, maxNameLength: number): Mutable {
    const nameMax = user.properties?.metadata?.properties?.name?.maxLength;
    const maxLength = nameMax !== undefined && Number(nameMax) < maxNameLength ? Number(nameMax) : maxNameLength;
    const xSpec = user.properties?.spec ?? {};
    const xStatus = user.properties?.status ?? {};
    const spec: Mutable = {
        type: "object",
        description: xSpec.description,
        required: xSpec.required,
        properties: { ...xSpec.properties },
        "x-kubernetes-preserve-unknown-fields": xSpec["x-kubernetes-preserve-unknown-fields"],
        "x-kubernetes-validations": xSpec["x-kubernetes-validations"],
        oneOf: xSpec.oneOf,
    };
    const status: Mutable = {
        type: "object",
        description: xStatus.description,
        required: xStatus.required,
        properties: { ...xStatus.properties },
        "x-kubernetes-validations": xStatus["x-kubernetes-validations"],
        oneOf: xStatus.oneOf,
    };
    return {
        type: "object",
        description: user.description,
        required: ["spec"],
        "x-kubernetes-validations": user["x-kubernetes-validations"],
        properties: {
            apiVersion: { type: "string" },
            kind: { type: "string" },
            metadata: { type: "object", properties: { name: { type: "string", maxLength } } },
            spec,
            status,
        },
    };
}

function withProps(schema: Mutable, spec: Record<string, JsonSchemaProps>, status: Record<string, JsonSchemaProps>): JsonSchemaProps {
    const p = schema.properties as Record<string, Mutable>;
    p.spec = { ...p.spec, properties: { ...p.spec.properties, ...spec } };
    p.status = { ...p.status, properties: { ...p.status.properties, ...status } };
    return schema;
}

/**
 * The composite (XR) and claim kinds an `apiextensions.crossplane.io` CompositeResourceDefinition
 * defines, with the fields Crossplane injects (served versions only).
 */
export function kindSchemasFromXrd(xrd: JsonObject, source: string): KindSchema[] {
    const v1 = xrd.apiVersion === "apiextensions.crossplane.io/v1";
    const where = `${source}: CompositeResourceDefinition spec`;
    const spec = xrd.spec;
    if (!isPlainObject(spec)) fail(where, "is required");
    if (typeof spec.group !== "string" || spec.group === "") fail(`${where}.group`, "is required");
    const group = spec.group;
    const xrNames = names(spec.names, `${where}.names`);
    const scope = (typeof spec.scope === "string" ? spec.scope : v1 ? "LegacyCluster" : "Namespaced") as XrdScope;
    if (!["LegacyCluster", "Cluster", "Namespaced"].includes(scope)) {
        fail(`${where}.scope`, 'must be one of ["Namespaced", "Cluster", "LegacyCluster"]');
    }
    const claim = spec.claimNames === undefined ? undefined : names(spec.claimNames, `${where}.claimNames`);
    if (claim && scope !== "LegacyCluster") fail(`${where}.claimNames`, "Only LegacyCluster composite resources can offer claims");
    if (claim) {
        for (const f of ["kind", "plural", "singular", "listKind"] as const) {
            if (claim[f] && claim[f] === xrNames[f]) {
                fail(`${where}.claimNames.${f}`, `"${claim[f]}" conflicts with composite resource name`);
            }
        }
    }
    // The XRD CRD defaults these (v2 has no default delete policy).
    const updatePolicy = stringOr(spec.defaultCompositionUpdatePolicy, "Automatic");
    const deletePolicy = stringOr(spec.defaultCompositeDeletePolicy, v1 ? "Background" : undefined);
    if (!Array.isArray(spec.versions) || spec.versions.length === 0) fail(`${where}.versions`, "must have at least 1 item");
    const out: KindSchema[] = [];
    spec.versions.forEach((v: unknown, i: number) => {
        const vWhere = `${where}.versions[${i}]`;
        if (!isPlainObject(v)) fail(vWhere, "must be object");
        if (typeof v.name !== "string" || v.name === "") fail(`${vWhere}.name`, "is required");
        if (v.served !== true) return;
        const user = isPlainObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
        if (!isPlainObject(user)) fail(`${vWhere}.schema.openAPIV3Schema`, "is required");
        const common = {
            group,
            version: v.name,
            source: `${source} (XRD ${xrNames.plural}.${group})`,
            deprecated: v.deprecated === true,
            deprecationWarning: typeof v.deprecationWarning === "string" ? v.deprecationWarning : undefined,
            statusSubresource: true,
        };
        out.push({
            ...common,
            kind: xrNames.kind,
            plural: xrNames.plural,
            scope: scope === "Namespaced" ? "Namespaced" : "Cluster",
            schema: withProps(versionSchema(user, 63), compositeSpecProps(scope, updatePolicy), compositeStatusProps(scope)),
        });
        if (claim) {
            out.push({
                ...common,
                kind: claim.kind,
                plural: claim.plural,
                scope: "Namespaced",
                schema: withProps(versionSchema(user, 63), claimSpecProps(deletePolicy), compositeStatusProps("LegacyCluster")),
            });
        }
    });
    return out;
}

/** A registry of the XR and claim kinds of one XRD (a parsed YAML object). */
export function schemaRegistryFromXrd(xrd: unknown, source = "<xrd>"): SchemaRegistry {
    if (!isXrd(xrd)) {
        throw new UserInputError(`${source}: not an apiextensions.crossplane.io/v1 or v2 CompositeResourceDefinition`);
    }
    const name = isPlainObject(xrd.metadata) && typeof xrd.metadata.name === "string" ? xrd.metadata.name : source;
    return new SchemaRegistry(`XRD ${name}`, kindSchemasFromXrd(xrd, source));
}
