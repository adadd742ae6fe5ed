// The decimal digits of a float64, as strconv's `decimal` holds them:
// digits without trailing zeros and the decimal point position (value = 0.d1d2... × 10^dp).

export interface Digits {
    d: string;
    dp: number;
}

/** Shortest digits that round-trip (strconv's shortest mode). */
export function shortestDigits(abs: number): Digits {
    if (abs === 0) return { d: "", dp: 0 };
    const [mant, exp] = abs.toExponential().split("e");
    return { d: mant.replace(".", ""), dp: Number(exp) + 1 };
}

/** All digits of the exact binary value. */
export function exactDigits(abs: number): Digits {
    if (abs === 0) return { d: "", dp: 0 };
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, abs);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    let e2: number;
    if (biased === 0) {
        e2 = -1074;
    } else {
        mant |= 1n << 52n;
        e2 = biased - 1075;
    }
    let d: string;
    let dp: number;
    if (e2 >= 0) {
        d = (mant << BigInt(e2)).toString();
        dp = d.length;
    } else {
        d = (mant * 5n ** BigInt(-e2)).toString();
        dp = d.length + e2;
    }
    return trim({ d, dp });
}

function trim(x: Digits): Digits {
    const d = x.d.replace(/0+$/, "");
    return d === "" ? { d: "", dp: 0 } : { d, dp: x.dp };
}

/** decimal.Round(nd): round half to even on the exact digits; nd < 0 leaves them alone. */
export function roundDigits(x: Digits, nd: number): Digits {
    if (nd < 0 || nd >= x.d.length) return x;
    if (shouldRoundUp(x, nd)) return roundUp(x, nd);
    return trim({ d: x.d.slice(0, nd), dp: x.dp });
}

function shouldRoundUp(x: Digits, nd: number): boolean {
    if (x.d[nd] === "5" && nd + 1 === x.d.length) {
        return nd > 0 && Number(x.d[nd - 1]) % 2 === 1;
    }
    return x.d[nd] >= "5";
}

function roundUp(x: Digits, nd: number): Digits {
    for (let i = nd - 1; i >= 0; i--) {
        const c = x.d[i];
        if (c < "9") {
            return { d: x.d.slice(0, i) + String.fromCharCode(c.charCodeAt(0) + 1), dp: x.dp };
        }
    }
    return { d: "1", dp: x.dp + 1 };
}
