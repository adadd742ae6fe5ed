// encoding/json as Go's function sees it: Marshal (sorted keys, HTML-safe
// escaping) and Unmarshal into interface{} in two flavours: the Kubernetes
// decoder keeps integer literals as int64, encoding/json makes every number a float64.
import { GoError } from "./errors";
import { formatFloat } from "./strconv";
import { GoInt, JsonObject, Value, sortedKeys } from "./values";

// Bound once: the round trips below run on every node of every object rendered.
const GoIntClass = GoInt;

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/** json.Marshal; throws GoError for NaN/Inf ("json: unsupported value: NaN"). */
export function marshalJSON(v: Value): string {
    if (v === null) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "string") return quoteJSON(v);
    if (typeof v === "bigint") return v.toString();
    if (v instanceof GoInt) return v.value.toString();
    if (typeof v === "number") return marshalFloat(v);
    if (Array.isArray(v)) return `[${v.map((e) => marshalJSON(e)).join(",")}]`;
    return `{${sortedKeys(v)
        .map((k) => `${quoteJSON(k)}:${marshalJSON(v[k])}`)
        .join(",")}}`;
}

/** encoding/json float64: 'f' format, 'e' below 1e-6 or from 1e21 on, "e-07" shortened to "e-7". */
export function marshalFloat(f: number): string {
    if (!Number.isFinite(f)) {
        throw new GoError(`json: unsupported value: ${Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf"}`);
    }
    const abs = Math.abs(f);
    let fmt: "f" | "e" = "f";
    if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = "e";
    let s = formatFloat(f, fmt, -1);
    if (fmt === "e") s = s.replace(/e-0(\d)$/, "e-$1");
    return s;
}

export function quoteJSON(s: string): string {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0) as number;
        if (ch === '"') out += '\\"';
        else if (ch === "\\") out += "\\\\";
        else if (c < 0x20) out += CONTROL[c] ?? `\\u00${c.toString(16).padStart(2, "0")}`;
        else if (ch === "<" || ch === ">" || ch === "&") out += `\\u00${c.toString(16)}`;
        else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
        else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
        else out += ch;
    }
    return out + '"';
}

const CONTROL: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

export type NumberMode = "int64" | "float64";

/** json.Unmarshal into interface{}; `int64` is the Kubernetes decoder (sigs.k8s.io/json). */
export function parseJSON(text: string, mode: NumberMode): Value {
    const p = new Parser(text, mode);
    p.ws();
    const v = p.value();
    p.ws();
    if (p.i < text.length) p.fail(`invalid character '${text[p.i]}' after top-level value`);
    return v;
}

class Parser {
    i = 0;
    constructor(
        readonly s: string,
        readonly mode: NumberMode,
    ) {}

    fail(msg: string): never {
        throw new GoError(msg);
    }

    ws(): void {
        while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i])) this.i++;
    }

    value(): Value {
        const c = this.s[this.i];
        if (c === undefined) this.fail("unexpected end of JSON input");
        if (c === "{") return this.object();
        if (c === "[") return this.array();
        if (c === '"') return this.string();
        if (c === "-" || (c >= "0" && c <= "9")) return this.number();
        for (const [lit, v] of [
            ["true", true],
            ["false", false],
            ["null", null],
        ] as const) {
            if (this.s.startsWith(lit, this.i)) {
                this.i += lit.length;
                return v;
            }
        }
        return this.fail(`invalid character '${c}' looking for beginning of value`);
    }

    object(): JsonObject {
        const out: JsonObject = {};
        this.i++;
        this.ws();
        if (this.s[this.i] === "}") {
            this.i++;
            return out;
        }
        for (;;) {
            this.ws();
            if (this.s[this.i] !== '"') this.fail("invalid character looking for beginning of object key string");
            const k = this.string();
            this.ws();
            if (this.s[this.i] !== ":") this.fail("invalid character after object key");
            this.i++;
            this.ws();
            out[k] = this.value();
            this.ws();
            const c = this.s[this.i++];
            if (c === "}") return out;
            if (c !== ",") this.fail("invalid character after object key:value pair");
        }
    }

    array(): Value[] {
        const out: Value[] = [];
        this.i++;
        this.ws();
        if (this.s[this.i] === "]") {
            this.i++;
            return out;
        }
        for (;;) {
            this.ws();
            out.push(this.value());
            this.ws();
            const c = this.s[this.i++];
            if (c === "]") return out;
            if (c !== ",") this.fail("invalid character after array element");
        }
    }

    string(): string {
        const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(this.s.slice(this.i));
        if (!m) this.fail("invalid string literal");
        this.i += m[0].length;
        return JSON.parse(m[0]) as string;
    }

    number(): Value {
        const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
        if (!m) this.fail("invalid number literal");
        this.i += m[0].length;
        return numberValue(m[0], this.mode);
    }
}

/** A JSON number literal as the chosen decoder returns it. */
export function numberValue(text: string, mode: NumberMode): Value {
    if (mode === "int64" && /^-?\d+$/.test(text)) {
        const b = BigInt(text);
        if (b >= MIN_INT64 && b <= MAX_INT64) return b;
    }
    return Number(text);
}

/**
 * toValidJSON: marshal then decode with the Kubernetes decoder. Whole floats
 * below 1e21 become int64; GoInt becomes int64.
 */
export function k8sRoundTrip(v: Value): Value {
    if (typeof v === "number") {
        // A safe integer marshals as its digits and decodes as that int64 (-0 too: "-0" is 0).
        return Number.isSafeInteger(v) ? BigInt(v) : numberValue(marshalFloat(v), "int64");
    }
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(k8sRoundTrip);
    if (v instanceof GoIntClass) return v.value;
    const out: JsonObject = {};
    for (const k of Object.keys(v)) out[k] = k8sRoundTrip(v[k]);
    return out;
}

/** A protobuf Struct round trip (structpb): every number becomes a float64. */
export function structRoundTrip(v: Value): Value {
    if (typeof v === "bigint") return Number(v);
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(structRoundTrip);
    if (v instanceof GoIntClass) return Number(v.value);
    const out: JsonObject = {};
    for (const k of Object.keys(v)) out[k] = structRoundTrip(v[k]);
    return out;
}
