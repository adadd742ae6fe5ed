import { EvaluationError, type Environment } from "@marcbachmann/cel-js";
import { celCompare, celEquals } from "./compare";
import { checkInt } from "./int";

/** Kubernetes CEL lists library: sum, min, max, indexOf, lastIndexOf, isSorted. */

function sum(list: unknown[]): bigint | number {
    if (list.every((x) => typeof x === "bigint")) return checkInt((list as bigint[]).reduce((a, b) => a + b, 0n));
    if (list.every((x) => typeof x === "number")) return (list as number[]).reduce((a, b) => a + b, 0);
    throw new EvaluationError("no such overload: sum() needs a list of int or a list of double");
}

function extreme(list: unknown[], name: string, sign: number): unknown {
    if (list.length === 0) throw new EvaluationError(`${name}() called on an empty list`);
    return list.reduce((best, x) => (celCompare(x, best) * sign > 0 ? x : best));
}

export function registerLists(env: Environment): void {
    env.registerFunction("list<int>.sum(): int", sum)
        .registerFunction("list<double>.sum(): double", sum)
        .registerFunction("list<A>.min(): A", (list: unknown[]) => extreme(list, "min", -1))
        .registerFunction("list<A>.max(): A", (list: unknown[]) => extreme(list, "max", 1))
        .registerFunction("list<A>.indexOf(A): int", (list: unknown[], v: unknown) => BigInt(list.findIndex((x) => celEquals(x, v))))
        .registerFunction("list<A>.lastIndexOf(A): int", (list: unknown[], v: unknown) => {
            for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], v)) return BigInt(i);
            return -1n;
        })
        .registerFunction("list<A>.isSorted(): bool", (list: unknown[]) => list.every((x, i) => i === 0 || celCompare(list[i - 1], x) <= 0));
}
