// fmt's integer and float formatting (fmtInteger, fmtFloat, fmtC, fmtQc, fmtUnicode).
import { FmtFlags, pad, padding } from "./fmt-flags";
import { FloatFormat, formatFloat, isPrint, quoteRune } from "./strconv";

const LDIGITS = "0123456789abcdefx";
const UDIGITS = "0123456789ABCDEFX";
const U64 = 1n << 64n;

export function fmtInteger(f: FmtFlags, v: bigint, base: number, verb: string, upper: boolean): string {
    const digits = upper ? UDIGITS : LDIGITS;
    const negative = v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (f.precPresent) {
        prec = f.prec;
        if (prec === 0 && u === 0n) {
            return padding({ ...f, zero: false }, f.wid);
        }
    } else if (f.zero && !f.minus && f.widPresent) {
        prec = f.wid;
        if (negative || f.plus || f.space) prec--;
    }
    let s = "";
    const b = BigInt(base);
    do {
        s = digits[Number(u % b)] + s;
        u /= b;
    } while (u > 0n);
    while (prec > s.length) s = "0" + s;
    if (f.sharp) {
        if (base === 2) s = "0b" + s;
        else if (base === 8 && s[0] !== "0") s = "0" + s;
        else if (base === 16) s = "0" + digits[16] + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (f.plus) s = "+" + s;
    else if (f.space) s = " " + s;
    return pad({ ...f, zero: false }, s);
}

/** The uint64 a Go int64 converts to (fmtC and friends take it). */
export function asUint64(v: bigint): bigint {
    return v < 0n ? v + U64 : v;
}

export function fmtC(f: FmtFlags, v: bigint): string {
    const u = asUint64(v);
    const r = u > 0x10ffffn || (u >= 0xd800n && u <= 0xdfffn) ? 0xfffd : Number(u);
    return pad(f, String.fromCodePoint(r));
}

export function fmtQc(f: FmtFlags, v: bigint): string {
    const u = asUint64(v);
    const r = u > 0x10ffffn ? 0xfffd : Number(u);
    return pad(f, quoteRune(r, f.plus));
}

export function fmtUnicode(f: FmtFlags, v: bigint): string {
    const u = asUint64(v);
    let prec = 4;
    if (f.precPresent && f.prec > 4) prec = f.prec;
    let s = "U+" + u.toString(16).toUpperCase().padStart(prec, "0");
    if (f.sharp && u <= 0x10ffffn && isPrint(String.fromCodePoint(Number(u)))) {
        s += ` '${String.fromCodePoint(Number(u))}'`;
    }
    return pad({ ...f, zero: false }, s);
}

export function fmtFloat(f: FmtFlags, v: number, verb: FloatFormat, prec: number): string {
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
    if (f.space && num[0] === "+" && !f.plus) num = " " + num.slice(1);
    if (num[1] === "I" || num[1] === "N") {
        if (num[1] === "N" && !f.space && !f.plus) num = num.slice(1);
        return pad({ ...f, zero: false }, num);
    }
    if (f.sharp) num = sharpFloat(num, verb, prec);
    if (f.plus || num[0] !== "+") {
        if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
            return num[0] + padding(f, f.wid - num.length) + num.slice(1);
        }
        return pad(f, num);
    }
    return pad(f, num.slice(1));
}

/** The '#' flag: always a decimal point, trailing zeros kept for %g. */
function sharpFloat(num: string, verb: FloatFormat, prec: number): string {
    let digits = 0;
    if (verb === "b") return num;
    if (verb === "g" || verb === "G" || verb === "x" || verb === "X") digits = prec === -1 ? 6 : prec;
    const hexVerb = verb === "x" || verb === "X";
    let tail = "";
    let hasPoint = false;
    let sawNonzero = false;
    let body = num;
    for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === ".") hasPoint = true;
        else if (c === "p" || c === "P" || ((c === "e" || c === "E") && !hexVerb)) {
            tail = body.slice(i);
            body = body.slice(0, i);
            break;
        } else {
            if (c !== "0") sawNonzero = true;
            if (sawNonzero) digits--;
        }
    }
    if (!hasPoint) {
        if (body.length === 2 && body[1] === "0") digits--;
        body += ".";
    }
    while (digits > 0) {
        body += "0";
        digits--;
    }
    return body + tail;
}
