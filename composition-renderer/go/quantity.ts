// k8s.io/apimachinery resource.ParseQuantity(s).AsApproximateFloat64(), which
// the convert transform uses for `format: quantity`.
import { GoError } from "./errors";

const SPLIT_RE = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
const ERR_NUMERIC = "unable to parse numeric part of quantity";
const ERR_SUFFIX = "unable to parse quantity's suffix";

interface Parts {
    positive: boolean;
    value: string;
    num: string;
    denom: string;
    suffix: string;
}

/** parseQuantityString, byte for byte. */
function split(str: string): Parts {
    let positive = true;
    let pos = 0;
    const end = str.length;
    if (pos < end && (str[0] === "-" || str[0] === "+")) {
        positive = str[0] !== "-";
        pos++;
    }
    for (let i = pos; ; i++) {
        if (i >= end) return { positive, value: "0", num: "0", denom: "", suffix: "" };
        if (str[i] !== "0") break;
        pos++;
    }
    let num = "";
    let i = pos;
    for (; ; i++) {
        if (i >= end) return { positive, value: str, num: str.slice(pos), denom: "", suffix: "" };
        if (!/[0-9]/.test(str[i])) break;
    }
    num = str.slice(pos, i) || "0";
    pos = i;
    let denom = "";
    if (pos < end && str[pos] === ".") {
        pos++;
        let j = pos;
        for (; ; j++) {
            if (j >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: "" };
            if (!/[0-9]/.test(str[j])) break;
        }
        denom = str.slice(pos, j);
        pos = j;
    }
    const value = str.slice(0, pos);
    const suffixStart = pos;
    for (let k = pos; ; k++) {
        if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
        if (!"eEinumkKMGTP".includes(str[k])) {
            pos = k;
            break;
        }
    }
    if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
    for (let k = pos; ; k++) {
        if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
        if (!/[0-9]/.test(str[k])) break;
    }
    throw new GoError(ERR_FORMAT_WRONG);
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: "DecimalSI" | "BinarySI" | "DecimalExponent" } {
    if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix], format: "DecimalSI" };
    if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix], format: "BinarySI" };
    if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[+-]?\d+$/.test(suffix.slice(1))) {
        const parsed = BigInt(suffix.slice(1));
        if (parsed >= -(1n << 63n) && parsed < 1n << 63n) {
            return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: "DecimalExponent" };
        }
    }
    throw new GoError(ERR_SUFFIX);
}

const MAX_INT64 = (1n << 63n) - 1n;

/** A parsed quantity as AsApproximateFloat64 sees it: unscaled × 10^exponent. */
interface Amount {
    unscaled: bigint;
    exponent: number;
}

function parseAmount(str: string): Amount {
    if (str.length === 0) throw new GoError(ERR_FORMAT_WRONG);
    if (str === "0") return { unscaled: 0n, exponent: 0 };
    const p = split(str);
    const { base, exponent, format } = interpret(p.suffix);
    let precision = 0;
    let scale = 0;
    let mantissa = 1n;
    if (format === "DecimalExponent" || format === "DecimalSI") {
        scale = exponent;
        precision = 18 - (p.num.length + p.denom.length);
    } else if (exponent >= 0 && p.denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        precision = 15 - p.num.length - Math.trunc(Math.fround(exponent * 3) / 10) - 1;
    } else {
        precision = -1;
    }
    if (precision >= 0) {
        scale -= p.denom.length;
        if (scale >= -9) {
            const shifted = BigInt(p.num + p.denom);
            if (shifted > MAX_INT64) throw new GoError(ERR_NUMERIC);
            const result = shifted * mantissa;
            if (result <= MAX_INT64) return { unscaled: p.positive ? result : -result, exponent: scale };
        }
    }
    return decimalAmount(p, base, exponent, format);
}

/** The inf.Dec path: exact value, rounded up to nano units, capped for binary. */
function decimalAmount(p: Parts, base: number, exponent: number, format: string): Amount {
    const m = /^([+-]?)(\d*)\.?(\d*)$/.exec(p.value);
    if (!m || (m[2] === "" && m[3] === "")) throw new GoError(ERR_NUMERIC);
    let unscaled = BigInt((m[2] || "0") + m[3]);
    let scale = m[3].length;
    if (base === 10) scale -= exponent;
    else unscaled *= 1n << BigInt(exponent);
    const negative = m[1] === "-";
    if (unscaled !== 0n) {
        // Round up (away from zero) to scale 9.
        if (scale > 9) {
            const div = 10n ** BigInt(scale - 9);
            unscaled = (unscaled + div - 1n) / div;
        } else {
            unscaled *= 10n ** BigInt(9 - scale);
        }
        scale = 9;
    }
    if (format === "BinarySI" && unscaled > MAX_INT64 * 10n ** BigInt(Math.max(scale, 0))) {
        unscaled = MAX_INT64;
        scale = 0;
    }
    return { unscaled: negative ? -unscaled : unscaled, exponent: -scale };
}

/** math.Pow10, with Go's tables. */
function pow10(n: number): number {
    const tab: number[] = [];
    for (let i = 0; i < 32; i++) tab.push(Number(`1e${i}`));
    if (n >= 0 && n <= 308) return Number(`1e${Math.floor(n / 32) * 32}`) * tab[n % 32];
    if (n < 0 && n >= -323) return Number(`1e-${Math.floor(-n / 32) * 32}`) / tab[-n % 32];
    return n > 0 ? Infinity : 0;
}

/** ParseQuantity(s).AsApproximateFloat64(); throws GoError with upstream's text. */
export function quantityToFloat(str: string): number {
    const a = parseAmount(str);
    const base = Number(a.unscaled);
    if (a.exponent === 0) return base;
    return base * pow10(a.exponent);
}
