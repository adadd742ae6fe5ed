import { goRegExp } from "./patterns";
import { deepEqual } from "./values";

/**
 * Kubernetes CEL library functions that cel-js lacks: regex `find`/`findAll`, the strings
 * extension's `charAt`/`replace`/`reverse`, the lists library and `sets.*`.
 * Any other missing function makes the rule "not evaluated" (reported, never passed).
 */
export interface CelEnvironment {
    registerFunction(signature: string, handler: (...args: never[]) => unknown): unknown;
    registerType(name: string, ctor: new () => object): unknown;
    registerConstant(name: string, type: string, value: unknown): unknown;
}

function regex(pattern: string): RegExp {
    const re = goRegExp(pattern);
    if (re instanceof Error) throw re;
    return re;
}

function findAll(s: string, pattern: string, limit: bigint): string[] {
    const re = regex(pattern);
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    const out: string[] = [];
    for (const m of s.matchAll(g)) {
        if (limit >= 0n && BigInt(out.length) >= limit) break;
        out.push(m[0]);
    }
    return out;
}

function replace(s: string, from: string, to: string, limit: bigint): string {
    if (limit < 0n) return s.split(from).join(to);
    let out = s;
    let start = 0;
    for (let n = 0n; n < limit; n++) {
        const i = out.indexOf(from, start);
        if (i < 0) break;
        out = out.slice(0, i) + to + out.slice(i + from.length);
        start = i + to.length + (from === "" ? 1 : 0);
    }
    return out;
}

type Num = bigint | number;

function compare(a: unknown, b: unknown): number {
    if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
    if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
    throw new Error(`no such overload: comparing ${typeof a} and ${typeof b}`);
}

function extreme(list: unknown[], sign: number): unknown {
    if (list.length === 0) throw new Error("min/max of an empty list");
    return list.reduce((best, x) => (compare(x, best) * sign > 0 ? x : best));
}

function sum(list: Num[]): Num {
    if (list.length === 0) return 0n;
    if (list.every((x) => typeof x === "bigint")) return (list as bigint[]).reduce((a, b) => a + b, 0n);
    return list.reduce<number>((a, b) => a + Number(b), 0);
}

class SetsLibrary {}

export function registerKubernetesLibrary(env: CelEnvironment): void {
    env.registerFunction("string.find(string): string", (s: string, p: string) => regex(p).exec(s)?.[0] ?? "");
    env.registerFunction("string.findAll(string): list<string>", (s: string, p: string) => findAll(s, p, -1n));
    env.registerFunction("string.findAll(string, int): list<string>", (s: string, p: string, n: bigint) => findAll(s, p, n));
    env.registerFunction("string.charAt(int): string", (s: string, i: bigint) => {
        const chars = [...s];
        if (i < 0n || i > BigInt(chars.length)) throw new Error(`index out of range: ${i}`);
        return chars[Number(i)] ?? "";
    });
    env.registerFunction("string.replace(string, string): string", (s: string, a: string, b: string) => replace(s, a, b, -1n));
    env.registerFunction("string.replace(string, string, int): string", (s: string, a: string, b: string, n: bigint) =>
        replace(s, a, b, n),
    );
    env.registerFunction("string.reverse(): string", (s: string) => [...s].reverse().join(""));
    env.registerFunction("list.isSorted(): bool", (l: unknown[]) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
    env.registerFunction("list.sum(): dyn", (l: Num[]) => sum(l));
    env.registerFunction("list.min(): dyn", (l: unknown[]) => extreme(l, -1));
    env.registerFunction("list.max(): dyn", (l: unknown[]) => extreme(l, 1));
    env.registerFunction("list.indexOf(dyn): int", (l: unknown[], x: unknown) => BigInt(l.findIndex((y) => deepEqual(x, y))));
    env.registerFunction("list.lastIndexOf(dyn): int", (l: unknown[], x: unknown) => {
        for (let i = l.length - 1; i >= 0; i--) if (deepEqual(x, l[i])) return BigInt(i);
        return -1n;
    });
    env.registerType("k8s.SetsLibrary", SetsLibrary);
    env.registerConstant("sets", "k8s.SetsLibrary", new SetsLibrary());
    env.registerFunction("k8s.SetsLibrary.contains(list, list): bool", (_s: SetsLibrary, a: unknown[], b: unknown[]) =>
        b.every((x) => a.some((y) => deepEqual(x, y))),
    );
    env.registerFunction("k8s.SetsLibrary.equivalent(list, list): bool", (_s: SetsLibrary, a: unknown[], b: unknown[]) =>
        b.every((x) => a.some((y) => deepEqual(x, y))) && a.every((x) => b.some((y) => deepEqual(x, y))),
    );
    env.registerFunction("k8s.SetsLibrary.intersects(list, list): bool", (_s: SetsLibrary, a: unknown[], b: unknown[]) =>
        b.some((x) => a.some((y) => deepEqual(x, y))),
    );
}
