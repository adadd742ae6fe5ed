// Decoding a function input into typed fields the way go-json-experiment does
// with RejectUnknownMembers: unknown members and type mismatches are errors
// naming the JSON pointer.
import { GoError } from "./errors";
import { GoInt, JsonObject, Value, isObject } from "./values";

export type Schema =
    | "string"
    | "int64"
    | "int"
    | "uint64"
    | "bool"
    | "raw"
    | "object"
    | { array: Schema }
    | { map: Schema }
    | { fields: Record<string, Schema> };

function kind(v: Value): string {
    if (typeof v === "string") return "string";
    if (typeof v === "boolean") return "boolean";
    if (Array.isArray(v)) return "array";
    if (isObject(v)) return "object";
    return "number";
}

function mismatch(v: Value, goType: string, ptr: string): GoError {
    return new GoError(`json: cannot unmarshal JSON ${kind(v)} into Go ${goType} within ${JSON.stringify(ptr)}`);
}

function integer(v: Value, goType: string, ptr: string): bigint {
    if (typeof v === "bigint") return v;
    if (v instanceof GoInt) return v.value;
    if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
    throw mismatch(v, goType, ptr);
}

/** Decode `v` by `schema`. JSON null leaves a field unset (undefined). */
export function decode(v: Value, schema: Schema, ptr = ""): unknown {
    if (v === null) return undefined;
    if (schema === "raw") return v;
    if (schema === "string") {
        if (typeof v !== "string") throw mismatch(v, "string", ptr);
        return v;
    }
    if (schema === "bool") {
        if (typeof v !== "boolean") throw mismatch(v, "bool", ptr);
        return v;
    }
    if (schema === "int64" || schema === "int" || schema === "uint64") {
        const n = integer(v, schema, ptr);
        if (schema === "uint64" && n < 0n) throw mismatch(v, schema, ptr);
        return n;
    }
    if (schema === "object") {
        if (!isObject(v)) throw mismatch(v, "struct", ptr);
        return v;
    }
    if ("array" in schema) {
        if (!Array.isArray(v)) throw mismatch(v, "slice", ptr);
        return v.map((e, i) => decode(e, schema.array, `${ptr}/${i}`));
    }
    if ("map" in schema) {
        if (!isObject(v)) throw mismatch(v, "map", ptr);
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(v)) out[k] = decode(e, schema.map, `${ptr}/${escapePtr(k)}`);
        return out;
    }
    if (!isObject(v)) throw mismatch(v, "struct", ptr);
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v as JsonObject)) {
        const fs = schema.fields[k];
        if (fs === undefined) {
            throw new GoError(`json: unknown object member name ${JSON.stringify(k)} within ${JSON.stringify(ptr)}`);
        }
        const d = decode(e, fs, `${ptr}/${escapePtr(k)}`);
        if (d !== undefined) out[k] = d;
    }
    return out;
}

function escapePtr(k: string): string {
    return k.replace(/~/g, "~0").replace(/\//g, "~1");
}
