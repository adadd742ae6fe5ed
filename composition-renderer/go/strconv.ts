// The parts of Go's strconv the function uses: FormatFloat, Quote, ParseInt,
// ParseFloat, ParseBool (same text, same errors).
import { GoError } from "./errors";
import { fmtB, fmtX } from "./float-binary";
import { Digits, exactDigits, roundDigits, shortestDigits } from "./float-digits";

export type FloatFormat = "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X";

/** strconv.FormatFloat(f, fmt, prec, 64). */
export function formatFloat(f: number, fmt: FloatFormat, prec: number): string {
    if (Number.isNaN(f)) return "NaN";
    if (f === Infinity) return "+Inf";
    if (f === -Infinity) return "-Inf";
    if (fmt === "b") return fmtB(f);
    if (fmt === "x" || fmt === "X") return fmtX(f, prec, fmt === "X");
    const neg = f < 0 || Object.is(f, -0);
    const abs = Math.abs(f);
    const shortest = prec < 0;
    let digs: Digits;
    if (shortest) {
        digs = shortestDigits(abs);
        if (fmt === "e" || fmt === "E") prec = Math.max(digs.d.length - 1, 0);
        else if (fmt === "f") prec = Math.max(digs.d.length - digs.dp, 0);
        else prec = digs.d.length;
    } else {
        const exact = exactDigits(abs);
        if (fmt === "e" || fmt === "E") digs = roundDigits(exact, prec + 1);
        else if (fmt === "f") digs = roundDigits(exact, exact.dp + prec);
        else {
            if (prec === 0) prec = 1;
            digs = roundDigits(exact, prec);
        }
    }
    return formatDigits(neg, digs, prec, fmt, shortest);
}

function formatDigits(neg: boolean, digs: Digits, prec: number, fmt: "e" | "E" | "f" | "g" | "G", shortest: boolean): string {
    if (fmt === "e" || fmt === "E") return fmtE(neg, digs, prec, fmt);
    if (fmt === "f") return fmtF(neg, digs, prec);
    let eprec = prec;
    if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
    if (shortest) eprec = 6;
    const exp = digs.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, fmt === "g" ? "e" : "E");
    }
    if (prec > digs.dp) prec = digs.d.length;
    return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

function fmtE(neg: boolean, d: Digits, prec: number, fmt: "e" | "E"): string {
    let s = neg ? "-" : "";
    s += d.d.length ? d.d[0] : "0";
    if (prec > 0) {
        s += ".";
        const m = Math.min(d.d.length, prec + 1);
        s += d.d.slice(1, m);
        for (let i = Math.max(m, 1); i <= prec; i++) s += "0";
    }
    let exp = d.d.length === 0 ? 0 : d.dp - 1;
    const sign = exp < 0 ? "-" : "+";
    exp = Math.abs(exp);
    return `${s}${fmt}${sign}${exp < 10 ? "0" : ""}${exp}`;
}

function fmtF(neg: boolean, d: Digits, prec: number): string {
    let s = neg ? "-" : "";
    if (d.dp > 0) {
        const m = Math.min(d.d.length, d.dp);
        s += d.d.slice(0, m) + "0".repeat(d.dp - m);
    } else {
        s += "0";
    }
    if (prec > 0) {
        s += ".";
        for (let i = 1; i <= prec; i++) {
            const j = d.dp + i - 1;
            s += j >= 0 && j < d.d.length ? d.d[j] : "0";
        }
    }
    return s;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint (strconv's table agrees for the BMP and beyond). */
export function isPrint(ch: string): boolean {
    return PRINTABLE.test(ch);
}

const ESCAPES: Record<string, string> = {
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
};

function escapeRune(ch: string, quoteChar: string, asciiOnly: boolean): string {
    if (ch === quoteChar || ch === "\\") return `\\${ch}`;
    const r = ch.codePointAt(0) as number;
    if (asciiOnly ? r < 0x80 && isPrint(ch) : isPrint(ch)) return ch;
    if (ESCAPES[ch]) return ESCAPES[ch];
    if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, "0")}`;
    const cp = r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
    if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
    return `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** strconv.Quote / QuoteToASCII. */
export function quote(s: string, asciiOnly = false): string {
    let out = '"';
    for (const ch of s) out += escapeRune(ch, '"', asciiOnly);
    return out + '"';
}

/** strconv.QuoteRune / QuoteRuneToASCII. */
export function quoteRune(r: number, asciiOnly = false): string {
    const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
    const ch = String.fromCodePoint(valid ? r : 0xfffd);
    return `'${escapeRune(ch, "'", asciiOnly)}'`;
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
    for (const ch of s) {
        if (ch === "`" || ch === "\ufeff") return false;
        const r = ch.codePointAt(0) as number;
        if ((r < 0x20 && ch !== "\t") || r === 0x7f) return false;
    }
    return true;
}

function numError(fn: string, s: string, what: "invalid syntax" | "value out of range"): GoError {
    return new GoError(`strconv.${fn}: parsing ${quote(s)}: ${what}`);
}

const MAX_INT64 = (1n << 63n) - 1n;

/** strconv.ParseInt(s, 10, 64). */
export function parseInt64(s: string): bigint {
    const m = /^([+-]?)(\d+)$/.exec(s);
    if (!m) throw numError("ParseInt", s, "invalid syntax");
    const v = BigInt(m[1] === "-" ? `-${m[2]}` : m[2]);
    if (v > MAX_INT64 || v < -MAX_INT64 - 1n) throw numError("ParseInt", s, "value out of range");
    return v;
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
    if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
    if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
    throw numError("ParseBool", s, "invalid syntax");
}

/** strconv.ParseFloat(s, 64). */
export function parseFloat64(s: string): number {
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
    if (special) {
        if (special[2].toLowerCase() === "nan") return NaN;
        return special[1] === "-" ? -Infinity : Infinity;
    }
    if (s.includes("_") && !underscoreOK(s)) throw numError("ParseFloat", s, "invalid syntax");
    const t = s.replace(/_/g, "");
    let v: number;
    if (/^[+-]?0[xX]/.test(t)) v = parseHexFloat(t);
    else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) v = Number(t);
    else v = NaN;
    if (Number.isNaN(v)) throw numError("ParseFloat", s, "invalid syntax");
    if (!Number.isFinite(v)) throw numError("ParseFloat", s, "value out of range");
    return v;
}

function parseHexFloat(t: string): number {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
    if (!m || (m[2] === "" && m[3] === "")) return NaN;
    const mant = BigInt(`0x${m[2]}${m[3]}` === "0x" ? "0" : `0x${m[2]}${m[3]}`);
    const exp = Number(m[4]) - 4 * m[3].length;
    const v = Number(mant) * 2 ** exp;
    return m[1] === "-" ? -v : v;
}

function underscoreOK(s: string): boolean {
    let saw = "^";
    let i = 0;
    if (s[0] === "-" || s[0] === "+") s = s.slice(1);
    let hex = false;
    if (s.length >= 2 && s[0] === "0" && "box".includes(s[1].toLowerCase())) {
        i = 2;
        saw = "0";
        hex = s[1].toLowerCase() === "x";
    }
    for (; i < s.length; i++) {
        const c = s[i];
        if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
            saw = "0";
            continue;
        }
        if (c === "_") {
            if (saw !== "0") return false;
            saw = "_";
            continue;
        }
        if (saw === "_") return false;
        saw = "!";
    }
    return saw !== "_";
}
