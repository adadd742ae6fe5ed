import { escapeCelName } from "./cel-escape";
import type { JsonSchemaProps } from "./types";
import { isPlainObject, jsonKind, type JsonObject } from "./values";

/** Conversions of one validation run, by raw object (each raw object meets one schema node). */
export type Memo = WeakMap<object, unknown>;

/**
 * The CEL value of a manifest value, typed by its schema as the API server does: `integer` → int
 * (bigint), `number` → double, int-or-string → int or string, `format: date-time|date` → timestamp,
 * `format: byte` → bytes; declared properties under their escaped names; at a resource root only
 * apiVersion, kind, metadata.name and metadata.generateName of the metadata.
 */
export function toCelValue(v: unknown, s: JsonSchemaProps | undefined, memo: Memo, resourceRoot = false): unknown {
    if (v === null || v === undefined) return v;
    if (!s) return dynamic(v);
    if (typeof v !== "object") return scalarValue(v, s);
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    let converted: unknown;
    if (Array.isArray(v)) {
        const items = s.items;
        converted = v.map((x) => toCelValue(x, items, memo));
    } else if (isPlainObject(v) && !s["x-kubernetes-int-or-string"]) {
        converted = objectValue(v, s, memo, resourceRoot || s["x-kubernetes-embedded-resource"] === true);
    } else {
        converted = v;
    }
    memo.set(v, converted);
    return converted;
}

function scalarValue(v: unknown, s: JsonSchemaProps): unknown {
    const kind = jsonKind(v);
    if (kind === "integer") {
        return s.type === "number" && !s["x-kubernetes-int-or-string"] ? Number(v) : BigInt(v as number | bigint);
    }
    if (kind === "string" && (s.format === "date-time" || s.format === "date")) {
        const t = new Date(v as string);
        return Number.isNaN(t.getTime()) ? v : t;
    }
    if (kind === "string" && s.format === "byte") return Uint8Array.from(Buffer.from(v as string, "base64"));
    return v;
}

function objectValue(v: JsonObject, s: JsonSchemaProps, memo: Memo, resourceRoot: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const ap = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
    for (const [k, x] of Object.entries(v)) {
        if (resourceRoot && k === "metadata") {
            out.metadata = metadataValue(x);
            continue;
        }
        const prop = s.properties?.[k];
        if (prop) {
            const name = escapeCelName(k);
            if (name !== undefined) out[name] = toCelValue(x, prop, memo);
        } else if (ap) {
            out[k] = toCelValue(x, ap, memo);
        } else {
            out[k] = dynamic(x);
        }
    }
    return out;
}

/** Only metadata.name and metadata.generateName are visible to rules. */
function metadataValue(m: unknown): unknown {
    if (!isPlainObject(m)) return m;
    const out: Record<string, unknown> = {};
    if (typeof m.name === "string") out.name = m.name;
    if (typeof m.generateName === "string") out.generateName = m.generateName;
    return out;
}

/** Values with no schema (under preserve-unknown-fields) keep their decoded types. */
function dynamic(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(dynamic);
    if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = dynamic(x);
        return out;
    }
    return v;
}
