/** The JSON type of a decoded manifest value; YAML integers may arrive as bigint or as number. */
export type JsonKind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object" | "unsupported";

export type JsonObject = Record<string, unknown>;

export function isPlainObject(v: unknown): v is JsonObject {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}

/** `50` (bigint or whole number) is an integer, `50.5` is a number; NaN and Infinity are not JSON. */
export function jsonKind(v: unknown): JsonKind {
    if (v === null) return "null";
    switch (typeof v) {
        case "boolean":
            return "boolean";
        case "string":
            return "string";
        case "bigint":
            return "integer";
        case "number":
            if (!Number.isFinite(v)) return "unsupported";
            return Number.isInteger(v) ? "integer" : "number";
        case "object":
            if (Array.isArray(v)) return "array";
            return isPlainObject(v) ? "object" : "unsupported";
        default:
            return "unsupported";
    }
}

/** Numeric value as a number (bigint converted; precision loss beyond 2^53 is acceptable for bounds). */
export function toNumber(v: number | bigint): number {
    return typeof v === "bigint" ? Number(v) : v;
}

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype). */
export function setOwn(o: JsonObject, k: string, v: unknown): void {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Deep copy of a JSON value (bigint kept). */
export function deepCopy<T>(v: T): T {
    if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
    if (isPlainObject(v)) {
        const out: JsonObject = {};
        for (const [k, x] of Object.entries(v)) setOwn(out, k, deepCopy(x));
        return out as T;
    }
    return v;
}

/** JSON equality where bigint 1 equals number 1. */
export function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    const ka = jsonKind(a);
    const kb = jsonKind(b);
    if ((ka === "integer" || ka === "number") && (kb === "integer" || kb === "number")) {
        if (typeof a === "bigint" && typeof b === "bigint") return a === b;
        return toNumber(a as number | bigint) === toNumber(b as number | bigint);
    }
    if (ka !== kb) return false;
    if (ka === "array") {
        const xa = a as unknown[];
        const xb = b as unknown[];
        return xa.length === xb.length && xa.every((x, i) => deepEqual(x, xb[i]));
    }
    if (ka === "object") {
        const oa = a as JsonObject;
        const ob = b as JsonObject;
        const keys = Object.keys(oa);
        if (keys.length !== Object.keys(ob).length) return false;
        return keys.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && deepEqual(oa[k], ob[k]));
    }
    return false;
}

/** Short JSON text of a value for messages (bigint printed as a number). */
export function show(v: unknown): string {
    const text = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x));
    return text === undefined ? String(v) : text;
}

export function hasOwn(o: JsonObject, k: string): boolean {
    return Object.prototype.hasOwnProperty.call(o, k);
}
