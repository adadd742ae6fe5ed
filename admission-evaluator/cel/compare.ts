import { EvaluationError } from "@marcbachmann/cel-js";

/** CEL equality and ordering over runtime values, for the list functions. */

function isNumber(value: unknown): value is bigint | number {
    return typeof value === "bigint" || typeof value === "number";
}

function numericCompare(a: bigint | number, b: bigint | number): number {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

function entriesOf(value: unknown): [unknown, unknown][] | undefined {
    if (value instanceof Map) return [...value.entries()];
    if (typeof value === "object" && value !== null && !Array.isArray(value) && value.constructor === Object) {
        return Object.entries(value);
    }
    return undefined;
}

/** Heterogeneous CEL equality: 1 == 1.0, deep on lists and maps. */
export function celEquals(a: unknown, b: unknown): boolean {
    if (isNumber(a) && isNumber(b)) return numericCompare(a, b) === 0;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
    const ea = entriesOf(a);
    const eb = entriesOf(b);
    if (ea && eb) {
        if (ea.length !== eb.length) return false;
        return ea.every(([k, v]) => eb.some(([k2, v2]) => celEquals(k, k2) && celEquals(v, v2)));
    }
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
    return a === b;
}

/** CEL ordering for numbers, strings, bools and timestamps; anything else is an error. */
export function celCompare(a: unknown, b: unknown): number {
    if (isNumber(a) && isNumber(b)) return numericCompare(a, b);
    if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
    if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
    throw new EvaluationError(`no such overload: cannot compare ${typeName(a)} and ${typeName(b)}`);
}

function typeName(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "list";
    if (typeof value === "bigint") return "int";
    if (typeof value === "number") return "double";
    return typeof value === "object" ? "map" : typeof value;
}
