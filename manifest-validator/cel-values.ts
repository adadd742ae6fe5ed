import { escapeCelName } from "./cel-escape";
import type { JsonSchemaProps } from "./types";
import { isPlainObject, jsonKind, setOwn, type JsonObject } from "./values";
import { declared } from "./schema-props";

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

function objectValue(v: JsonObject, s: JsonSchemaProps, memo: Memo, resourceRoot: boolean): unknown {
    const entries: [string, unknown][] = [];
    const ap = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
    for (const [k, x] of Object.entries(v)) {
        if (resourceRoot && k === "metadata") {
            entries.push(["metadata", metadataValue(x)]);
            continue;
        }
        const prop = declared(s, k);
        if (prop) {
            const name = escapeCelName(k);
            if (name !== undefined) entries.push([name, toCelValue(x, prop, memo)]);
        } else if (ap) {
            entries.push([k, toCelValue(x, ap, memo)]);
        } else {
            entries.push([k, dynamic(x)]);
        }
    }
    return celMap(entries);
}

/**
 * A CEL map: a plain object with own keys, or a Map when a key is `constructor` (cel-js types
 * plain objects by their constructor).
 */
function celMap(entries: [string, unknown][]): unknown {
    if (entries.some(([k]) => k === "constructor")) return new Map(entries);
    const out: JsonObject = {};
    for (const [k, x] of entries) setOwn(out, k, x);
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
    if (isPlainObject(v)) return celMap(Object.entries(v).map(([k, x]) => [k, dynamic(x)]));
    return v;
}
