// strconv.FormatFloat's binary formats: 'b' (mantissa p exponent) and 'x'/'X' (hex).

function decompose(f: number): { neg: boolean; mant: bigint; exp: number } {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, f);
    const bits = view.getBigUint64(0);
    const neg = bits >> 63n === 1n;
    let exp = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    if (exp === 0) exp++;
    else mant |= 1n << 52n;
    return { neg, mant, exp: exp - 1023 };
}

export function fmtB(f: number): string {
    const { neg, mant, exp } = decompose(f);
    const e = exp - 52;
    return `${neg ? "-" : ""}${mant}p${e >= 0 ? "+" : ""}${e}`;
}

export function fmtX(f: number, prec: number, upper: boolean): string {
    let { mant, exp } = decompose(f);
    const { neg } = decompose(f);
    if (mant === 0n) exp = 0;
    const ONE60 = 1n << 60n;
    mant <<= 8n;
    while (mant !== 0n && (mant & ONE60) === 0n) {
        mant <<= 1n;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        const shift = BigInt(prec * 4);
        const extra = (mant << shift) & (ONE60 - 1n);
        mant >>= 60n - shift;
        if ((extra | (mant & 1n)) > 1n << 59n) mant++;
        mant <<= 60n - shift;
        if ((mant & (1n << 61n)) !== 0n) {
            mant >>= 1n;
            exp++;
        }
    }
    const hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    let s = `${neg ? "-" : ""}0${upper ? "X" : "x"}${(mant >> 60n) & 1n}`;
    const MASK = (1n << 64n) - 1n;
    mant = (mant << 4n) & MASK;
    if (prec < 0 && mant !== 0n) {
        s += ".";
        while (mant !== 0n) {
            s += hex[Number((mant >> 60n) & 15n)];
            mant = (mant << 4n) & MASK;
        }
    } else if (prec > 0) {
        s += ".";
        for (let i = 0; i < prec; i++) {
            s += hex[Number((mant >> 60n) & 15n)];
            mant = (mant << 4n) & MASK;
        }
    }
    const sign = exp < 0 ? "-" : "+";
    const e = Math.abs(exp);
    return `${s}${upper ? "P" : "p"}${sign}${e < 10 ? "0" : ""}${e}`;
}
