// validate.go, transform half: field errors with upstream's paths and details.
import { FieldError, invalid, required } from "../go/field-error";
import { GoRegexp } from "../go/regexp";
import { ConvertTransform, MathTransform, StringTransform, Transform } from "./input-types";

const IO_TYPES = ["string", "bool", "int", "int64", "float64", "object", "array"];
const FORMATS = ["none", "quantity", "json"];

export function isValidIOType(t: string): boolean {
    return IO_TYPES.includes(t);
}

export function convertFormat(t: ConvertTransform): string {
    return t.format ?? "none";
}

export function validateMathTransform(m: MathTransform): FieldError | undefined {
    if (m.type === "") return required("type", "math transform type is required");
    switch (m.type) {
        case "Multiply":
            if (m.multiply === undefined) return required("multiply", "must specify a value if a multiply math transform is specified");
            return undefined;
        case "ClampMin":
            if (m.clampMin === undefined) return required("clampMin", "must specify a value if a clamp min math transform is specified");
            return undefined;
        case "ClampMax":
            if (m.clampMax === undefined) return required("clampMax", "must specify a value if a clamp max math transform is specified");
            return undefined;
        default:
            return invalid("type", m.type, "unknown math transform type");
    }
}

function compiles(expr: string): boolean {
    try {
        GoRegexp.compile(expr);
        return true;
    } catch {
        return false;
    }
}

export function validateStringTransform(s: StringTransform): FieldError | undefined {
    if (s.type === "") return required("type", "string transform type is required");
    switch (s.type) {
        case "Format":
            return s.fmt === undefined ? required("fmt", "format transform requires a format") : undefined;
        case "Convert":
            return s.convert === undefined ? required("convert", "convert transform requires a conversion type") : undefined;
        case "TrimPrefix":
        case "TrimSuffix":
            return s.trim === undefined ? required("trim", "trim transform requires a trim value") : undefined;
        case "Regexp":
            if (s.regexp === undefined) return required("regexp", "regexp transform requires a regexp");
            if (s.regexp.match === "") return required("regexp.match", "regexp transform requires a match");
            if (!compiles(s.regexp.match)) return invalid("regexp.match", s.regexp.match, "invalid regexp", false);
            return undefined;
        case "Join":
            return s.join === undefined ? required("join", "join transform requires a join") : undefined;
        case "Replace":
            if (s.replace === undefined) return required("replace", "replace transform requires a replace");
            if (s.replace.search === "") return required("replace.search", "replace transform requires a search");
            return undefined;
        default:
            return invalid("type", s.type, "unknown string transform type");
    }
}

export function validateConvertTransform(t: ConvertTransform): FieldError | undefined {
    if (!FORMATS.includes(convertFormat(t))) return invalid("format", t.format ?? null, "invalid format");
    if (!isValidIOType(t.toType)) return invalid("toType", t.toType, "invalid type");
    return undefined;
}

export function validateTransform(t: Transform): FieldError | undefined {
    switch (t.type) {
        case "math":
            if (!t.math) return required("math", "given transform type math requires configuration");
            return validateMathTransform(t.math)?.under("math");
        case "map":
            if (!t.map) return required("map", "given transform type map requires configuration");
            if (Object.keys(t.map.pairs).length === 0) {
                return required("map.pairs", "at least one pair must be specified if a map transform is specified");
            }
            return undefined;
        case "match":
            if (!t.match) return required("match", "given transform type match requires configuration");
            if (t.match.patterns.length === 0) {
                return required("match.patterns", "at least one pattern must be specified if a match transform is specified");
            }
            for (let i = 0; i < t.match.patterns.length; i++) {
                const p = t.match.patterns[i];
                const at = `match.patterns[${i}]`;
                if (p.type === "literal" || p.type === "") {
                    if (p.literal === undefined) return required(`${at}.literal`, "literal pattern type requires a literal");
                } else if (p.type === "regexp") {
                    if (p.regexp === undefined) return required(`${at}.regexp`, "regexp pattern type requires a regexp");
                    if (!compiles(p.regexp)) return invalid(`${at}.regexp`, p.regexp, "invalid regexp", false);
                } else {
                    return invalid(`${at}.type`, p.type, "unknown pattern type");
                }
            }
            return undefined;
        case "string":
            if (!t.string) return required("string", "given transform type string requires configuration");
            return validateStringTransform(t.string)?.under("string");
        case "convert":
            if (!t.convert) return required("convert", "given transform type convert requires configuration");
            return validateConvertTransform(t.convert)?.under("convert");
        default:
            return invalid("type", t.type, "unknown transform type");
    }
}
