import { EvaluationError, type Environment } from "@marcbachmann/cel-js";
import { checkInt } from "./int";

/** Kubernetes CEL quantity library: `quantity("20Gi")`, exact rational arithmetic. */

const SUFFIXES: Record<string, [bigint, bigint]> = {
    n: [1n, 10n ** 9n], u: [1n, 10n ** 6n], m: [1n, 1000n], "": [1n, 1n],
    k: [10n ** 3n, 1n], M: [10n ** 6n, 1n], G: [10n ** 9n, 1n], T: [10n ** 12n, 1n], P: [10n ** 15n, 1n], E: [10n ** 18n, 1n],
    Ki: [2n ** 10n, 1n], Mi: [2n ** 20n, 1n], Gi: [2n ** 30n, 1n], Ti: [2n ** 40n, 1n], Pi: [2n ** 50n, 1n], Ei: [2n ** 60n, 1n],
};
const PATTERN = /^([+-]?)(\d+\.?\d*|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

function gcd(a: bigint, b: bigint): bigint {
    let x = a < 0n ? -a : a;
    let y = b;
    while (y !== 0n) [x, y] = [y, x % y];
    return x === 0n ? 1n : x;
}

export class Quantity {
    readonly #num: bigint;
    readonly #den: bigint;

    constructor(num: bigint, den = 1n) {
        const g = gcd(num, den);
        this.#num = num / g;
        this.#den = den / g;
    }

    static parse(text: string): Quantity | undefined {
        const match = PATTERN.exec(text);
        if (!match) return undefined;
        const [, sign, number, suffix = ""] = match;
        const [whole, fraction = ""] = number.split(".");
        let num = BigInt((whole || "0") + fraction) * (sign === "-" ? -1n : 1n);
        let den = 10n ** BigInt(fraction.length);
        if (/^[eE]/.test(suffix)) {
            const exp = BigInt(suffix.slice(1));
            if (exp >= 0n) num *= 10n ** exp;
            else den *= 10n ** -exp;
        } else {
            const [mul, div] = SUFFIXES[suffix];
            num *= mul;
            den *= div;
        }
        return new Quantity(num, den);
    }

    compare(other: Quantity): number {
        const diff = this.#num * other.#den - other.#num * this.#den;
        return diff < 0n ? -1 : diff > 0n ? 1 : 0;
    }

    plus(other: Quantity, sign: bigint): Quantity {
        return new Quantity(this.#num * other.#den + sign * other.#num * this.#den, this.#den * other.#den);
    }

    isInteger(): boolean {
        if (this.#den !== 1n) return false;
        try {
            checkInt(this.#num);
            return true;
        } catch {
            return false;
        }
    }

    asInteger(): bigint {
        if (!this.isInteger()) throw new EvaluationError("cannot convert value to integer");
        return this.#num;
    }

    asApproximateFloat(): number {
        return Number(this.#num) / Number(this.#den);
    }

    sign(): bigint {
        return this.#num < 0n ? -1n : this.#num > 0n ? 1n : 0n;
    }
}

function parseOrFail(text: string): Quantity {
    const q = Quantity.parse(text);
    if (!q) throw new EvaluationError(`quantity: invalid quantity ${JSON.stringify(text)}`);
    return q;
}

export function registerQuantity(env: Environment): void {
    env.registerType("Quantity", Quantity)
        .registerFunction("quantity(string): Quantity", parseOrFail)
        .registerFunction("isQuantity(string): bool", (s: string) => Quantity.parse(s) !== undefined)
        .registerFunction("Quantity.isInteger(): bool", (q: Quantity) => q.isInteger())
        .registerFunction("Quantity.asInteger(): int", (q: Quantity) => q.asInteger())
        .registerFunction("Quantity.asApproximateFloat(): double", (q: Quantity) => q.asApproximateFloat())
        .registerFunction("Quantity.sign(): int", (q: Quantity) => q.sign())
        .registerFunction("Quantity.add(Quantity): Quantity", (a: Quantity, b: Quantity) => a.plus(b, 1n))
        .registerFunction("Quantity.add(int): Quantity", (a: Quantity, b: bigint) => a.plus(new Quantity(b), 1n))
        .registerFunction("Quantity.sub(Quantity): Quantity", (a: Quantity, b: Quantity) => a.plus(b, -1n))
        .registerFunction("Quantity.sub(int): Quantity", (a: Quantity, b: bigint) => a.plus(new Quantity(b), -1n))
        .registerFunction("Quantity.isGreaterThan(Quantity): bool", (a: Quantity, b: Quantity) => a.compare(b) > 0)
        .registerFunction("Quantity.isLessThan(Quantity): bool", (a: Quantity, b: Quantity) => a.compare(b) < 0)
        .registerFunction("Quantity.compareTo(Quantity): int", (a: Quantity, b: Quantity) => BigInt(a.compare(b)))
        // `!=` is derived from `==` by cel-js.
        .registerOperator("Quantity == Quantity", (a: Quantity, b: Quantity) => a.compare(b) === 0);
}
