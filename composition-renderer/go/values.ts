// The value model: a JSON document the way a Go function sees it.
//
// Integers and floats stay distinct, as Go's int64/float64 do:
//   bigint  = int64 (what the Kubernetes JSON decoder produces for an integer literal)
//   number  = float64 (what encoding/json and protobuf Struct produce for every number)
//   GoInt   = Go `int`; only the upstream Go test tables produce one, decoding never does.
// YAML parsed with `{ intAsBigInt: true }` maps onto this model directly.

/** A Go `int` (not int64). */
export class GoInt {
    constructor(readonly value: bigint) {}
}

export type Value = null | boolean | string | bigint | number | GoInt | Value[] | JsonObject;
export interface JsonObject {
    [key: string]: Value;
}

export function isObject(v: unknown): v is JsonObject {
    return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof GoInt);
}

export function isInteger(v: unknown): v is bigint | GoInt {
    return typeof v === "bigint" || v instanceof GoInt;
}

/** The integer value of an int64 or int. */
export function intValue(v: bigint | GoInt): bigint {
    return typeof v === "bigint" ? v : v.value;
}

/** Go's `%T` of a value. */
export function goTypeName(v: Value | undefined): string {
    if (v === null || v === undefined) return "<nil>";
    if (typeof v === "boolean") return "bool";
    if (typeof v === "string") return "string";
    if (typeof v === "bigint") return "int64";
    if (typeof v === "number") return "float64";
    if (v instanceof GoInt) return "int";
    if (Array.isArray(v)) return "[]interface {}";
    return "map[string]interface {}";
}

export function deepClone<T extends Value>(v: T): T {
    if (Array.isArray(v)) return v.map((e) => deepClone(e)) as T;
    if (isObject(v)) {
        const out: JsonObject = {};
        for (const [k, e] of Object.entries(v)) out[k] = deepClone(e);
        return out as T;
    }
    return v;
}

/** Freezes `v` and everything it holds (GoInt values are immutable already). */
export function deepFreeze<T>(v: T): T {
    if (v !== null && typeof v === "object" && !(v instanceof GoInt) && !Object.isFrozen(v)) {
        Object.freeze(v);
        for (const e of Object.values(v as object)) deepFreeze(e);
    }
    return v;
}

/** reflect.DeepEqual: int64(1), int(1) and float64(1) all differ. */
export function deepEqual(a: Value, b: Value): boolean {
    if (a instanceof GoInt || b instanceof GoInt) {
        return a instanceof GoInt && b instanceof GoInt && a.value === b.value;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        return a.every((e, i) => deepEqual(e, b[i]));
    }
    if (isObject(a) || isObject(b)) {
        if (!isObject(a) || !isObject(b)) return false;
        const ka = Object.keys(a);
        if (ka.length !== Object.keys(b).length) return false;
        return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
    }
    return a === b;
}

/** Go's map key order (fmt, encoding/json): byte-wise on UTF-8. */
export function sortedKeys(o: JsonObject): string[] {
    return Object.keys(o).sort(compareGoStrings);
}

export function compareGoStrings(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
