// ResolveString: Format, Convert, TrimPrefix/Suffix, Regexp, Join, Replace.
import { adler32, fromBase64, hashHex, toBase64 } from "../go/encoding";
import { GoError, wrap } from "../go/errors";
import { sprintf } from "../go/fmt";
import { marshalJSON } from "../go/json";
import { GoRegexp } from "../go/regexp";
import { quote } from "../go/strconv";
import { Value } from "../go/values";
import { StringTransform } from "../pt/input-types";

/** Raised with the output Go would return alongside the error. */
export class StringTransformError extends GoError {
    constructor(
        err: GoError,
        readonly output: string,
    ) {
        super(err.message, err.notFound);
    }
}

function withOutput(err: unknown, msg: string, output: string): StringTransformError {
    return new StringTransformError(wrap(err, msg), output);
}

function marshal(input: Value): string {
    try {
        return marshalJSON(input);
    } catch (e) {
        throw withOutput(e, "cannot marshal to JSON", "");
    }
}

/** stringGenerateHash: strings hash as UTF-8, anything else as its JSON. */
function hashInput(input: Value, errMsg: string, zero: string): Buffer {
    if (typeof input === "string") return Buffer.from(input, "utf8");
    try {
        return Buffer.from(marshalJSON(input), "utf8");
    } catch (e) {
        throw withOutput(wrap(e, "cannot marshal to JSON"), errMsg, zero);
    }
}

/** strings.ToUpper/ToLower map rune by rune (simple case mapping, never longer). */
function mapRunes(s: string, f: (c: string) => string): string {
    let out = "";
    for (const c of s) {
        const m = f(c);
        out += Array.from(m).length === 1 ? m : c;
    }
    return out;
}

function convert(kind: string, input: Value): string {
    const str = sprintf("%v", input);
    switch (kind) {
        case "ToUpper":
            return mapRunes(str, (c) => c.toUpperCase());
        case "ToLower":
            return mapRunes(str, (c) => c.toLowerCase());
        case "ToJson":
            return marshal(input);
        case "ToBase64":
            return toBase64(str);
        case "FromBase64": {
            const r = fromBase64(str);
            if (r.error) throw withOutput(r.error, "string is not valid base64", r.bytes.toString("latin1"));
            return r.bytes.toString("utf8");
        }
        case "ToSha1":
            return hashHex("sha1", hashInput(input, "cannot generate hash", "0".repeat(40)));
        case "ToSha256":
            return hashHex("sha256", hashInput(input, "cannot generate hash", "0".repeat(64)));
        case "ToSha512":
            return hashHex("sha512", hashInput(input, "cannot generate hash", "0".repeat(128)));
        case "ToAdler32":
            return String(adler32(hashInput(input, "unable to generate Adler checksum", "0")));
        default:
            throw new GoError(`type ${kind} is not supported for string convert`);
    }
}

function join(input: Value, separator: string): string {
    if (!Array.isArray(input)) throw new GoError("could not parse input array");
    if (input.length === 0) return "";
    let result = "";
    for (const v of input) result += sprintf("%v%s", v, separator);
    // Upstream cuts one byte, not the separator.
    if (separator.length > 0) result = Buffer.from(result, "utf8").subarray(0, -1).toString("utf8");
    return result;
}

function regexpGroup(input: Value, match: string, group: bigint | undefined): string {
    let re: GoRegexp;
    try {
        re = GoRegexp.compile(match);
    } catch (e) {
        throw wrap(e, "could not compile regexp");
    }
    const groups = re.findStringSubmatch(sprintf("%v", input));
    const g = Number(group ?? 0n);
    if (!groups || g >= groups.length) {
        throw new GoError(`regexp ${quote(match)} had no matches for group ${g}`);
    }
    return groups[g];
}

export function resolveString(t: StringTransform, input: Value): string {
    switch (t.type) {
        case "Format":
            if (t.fmt === undefined) throw new GoError(`string transform of type ${t.type} fmt is not set`);
            return sprintf(t.fmt, input);
        case "Convert":
            if (t.convert === undefined) throw new GoError(`string transform of type ${t.type} convert is not set`);
            return convert(t.convert, input);
        case "TrimPrefix":
        case "TrimSuffix": {
            if (t.trim === undefined) throw new GoError(`string transform of type ${t.type} trim is not set`);
            const str = sprintf("%v", input);
            if (t.type === "TrimPrefix") return str.startsWith(t.trim) ? str.slice(t.trim.length) : str;
            return str.endsWith(t.trim) ? str.slice(0, str.length - t.trim.length) : str;
        }
        case "Regexp":
            if (t.regexp === undefined) throw new GoError(`string transform of type ${t.type} regexp is not set`);
            return regexpGroup(input, t.regexp.match, t.regexp.group);
        case "Join":
            if (t.join === undefined) throw new GoError(`string transform of type ${t.type} join is not set`);
            return join(input, t.join.separator);
        case "Replace":
            if (t.replace === undefined) throw new GoError(`string transform of type ${t.type} replace is not set`);
            return sprintf("%v", input).split(t.replace.search).join(t.replace.replace);
        default:
            throw new GoError(`type ${t.type} is not supported for string transform type`);
    }
}
