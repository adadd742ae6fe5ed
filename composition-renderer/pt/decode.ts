// Decode the Resources input (strict, like the function's RejectUnknownMembers)
// and fill the defaults the Go zero values give.
import { Schema, decode } from "../go/strict-decode";
import { Value } from "../go/values";
import {
    ComposedTemplate,
    ConnectionDetail,
    Patch,
    ReadinessCheck,
    Resources,
    Transform,
} from "./input-types";

const TRANSFORM: Schema = {
    fields: {
        type: "string",
        math: { fields: { type: "string", multiply: "int64", clampMin: "int64", clampMax: "int64" } },
        map: { map: "raw" },
        match: {
            fields: {
                patterns: {
                    array: { fields: { type: "string", literal: "string", regexp: "string", result: "raw" } },
                },
                fallbackValue: "raw",
                fallbackTo: "string",
            },
        },
        string: {
            fields: {
                type: "string",
                fmt: "string",
                convert: "string",
                trim: "string",
                regexp: { fields: { match: "string", group: "int" } },
                join: { fields: { separator: "string" } },
                replace: { fields: { search: "string", replace: "string" } },
            },
        },
        convert: { fields: { toType: "string", format: "string" } },
    },
};

const PATCH_FIELDS: Record<string, Schema> = {
    type: "string",
    fromFieldPath: "string",
    toFieldPath: "string",
    combine: {
        fields: {
            variables: { array: { fields: { fromFieldPath: "string" } } },
            strategy: "string",
            string: { fields: { fmt: "string" } },
        },
    },
    transforms: { array: TRANSFORM },
    policy: { fields: { fromFieldPath: "string", toFieldPath: "string" } },
};

const COMPOSED_PATCH: Schema = { fields: { ...PATCH_FIELDS, patchSetName: "string" } };
const PATCH: Schema = { fields: PATCH_FIELDS };

const RESOURCES: Schema = {
    fields: {
        apiVersion: "string",
        kind: "string",
        metadata: "object",
        patchSets: { array: { fields: { name: "string", patches: { array: PATCH } } } },
        environment: { fields: { patches: { array: PATCH } } },
        resources: {
            array: {
                fields: {
                    name: "string",
                    base: "object",
                    patches: { array: COMPOSED_PATCH },
                    connectionDetails: {
                        array: {
                            fields: {
                                name: "string",
                                type: "string",
                                fromConnectionSecretKey: "string",
                                fromFieldPath: "string",
                                value: "string",
                            },
                        },
                    },
                    readinessChecks: {
                        array: {
                            fields: {
                                type: "string",
                                fieldPath: "string",
                                matchString: "string",
                                matchInteger: "int64",
                                matchCondition: { fields: { type: "string", status: "string" } },
                            },
                        },
                    },
                },
            },
        },
        writeConnectionSecretToRef: {
            fields: { name: "string", namespace: "string", patches: { array: PATCH } },
        },
    },
};

type Raw = Record<string, unknown>;

function transform(r: Raw): Transform {
    const t = r as unknown as Transform;
    const out: Transform = { ...t, type: t.type ?? "" };
    if (t.math) out.math = { ...t.math, type: t.math.type ?? "" };
    if (r.map) out.map = { pairs: r.map as Record<string, Value | undefined> };
    if (t.match) {
        out.match = {
            ...t.match,
            patterns: (t.match.patterns ?? []).map((p) => ({ ...p, type: p.type ?? "" })),
            fallbackTo: t.match.fallbackTo ?? "",
        };
    }
    if (t.string) {
        out.string = { ...t.string, type: t.string.type ?? "" };
        if (t.string.join) out.string.join = { separator: t.string.join.separator ?? "" };
        if (t.string.replace) {
            out.string.replace = { search: t.string.replace.search ?? "", replace: t.string.replace.replace ?? "" };
        }
        if (t.string.regexp) out.string.regexp = { ...t.string.regexp, match: t.string.regexp.match ?? "" };
    }
    if (t.convert) out.convert = { ...t.convert, toType: t.convert.toType ?? "" };
    return out;
}

export function patch(r: Raw): Patch {
    const p = r as unknown as Patch;
    const out: Patch = { ...p, type: p.type ?? "", transforms: ((r.transforms as Raw[]) ?? []).map(transform) };
    if (p.combine) {
        out.combine = {
            ...p.combine,
            variables: (p.combine.variables ?? []).map((v) => ({ fromFieldPath: v.fromFieldPath ?? "" })),
            strategy: p.combine.strategy ?? "",
        };
        if (p.combine.string) out.combine.string = { fmt: p.combine.string.fmt ?? "" };
    }
    return out;
}

function template(r: Raw): ComposedTemplate {
    const t = r as unknown as ComposedTemplate;
    return {
        ...t,
        name: t.name ?? "",
        patches: ((r.patches as Raw[]) ?? []).map(patch),
        connectionDetails: ((t.connectionDetails ?? []) as ConnectionDetail[]).map((c) => ({
            ...c,
            name: c.name ?? "",
            type: c.type ?? "",
        })),
        readinessChecks: ((t.readinessChecks ?? []) as ReadinessCheck[]).map((c) => ({ ...c, type: c.type ?? "" })),
    };
}

/** request.GetInput into *v1beta1.Resources. Throws GoError. */
export function decodeResources(input: Value): Resources {
    const r = decode(input, RESOURCES) as Raw;
    const out: Resources = {
        patchSets: ((r.patchSets as Raw[]) ?? []).map((ps) => ({
            name: (ps.name as string) ?? "",
            patches: ((ps.patches as Raw[]) ?? []).map(patch),
        })),
        resources: ((r.resources as Raw[]) ?? []).map(template),
    };
    if (r.environment) out.environment = { patches: (((r.environment as Raw).patches as Raw[]) ?? []).map(patch) };
    if (r.writeConnectionSecretToRef) {
        const w = r.writeConnectionSecretToRef as Raw;
        out.writeConnectionSecretToRef = {
            name: (w.name as string) ?? "",
            namespace: (w.namespace as string) ?? "",
            patches: ((w.patches as Raw[]) ?? []).map(patch),
        };
    }
    return out;
}

/** Decode one transform (fixtures and tests use this directly). */
export function decodeTransform(input: Value): Transform {
    return transform(decode(input, TRANSFORM) as Raw);
}

export function decodePatch(input: Value): Patch {
    return patch(decode(input, COMPOSED_PATCH) as Raw);
}

export function decodeTemplate(input: Value): ComposedTemplate {
    const schema = (RESOURCES as { fields: Record<string, { array: Schema }> }).fields.resources.array;
    return template(decode(input, schema) as Raw);
}

export function decodeConnectionDetail(input: Value): ConnectionDetail {
    return decodeTemplate({ connectionDetails: [input] }).connectionDetails[0];
}

export function decodeReadinessCheck(input: Value): ReadinessCheck {
    return decodeTemplate({ readinessChecks: [input] }).readinessChecks[0];
}
