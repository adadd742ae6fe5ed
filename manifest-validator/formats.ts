import { fullFormats } from "ajv-formats/dist/formats";

/**
 * String formats the API server checks (go-openapi strfmt), reusing ajv-formats' checkers where
 * they agree with strfmt. Formats not listed are accepted, as the API server accepts unknown ones.
 */
type Check = (s: string) => boolean;

function ajvCheck(name: "date-time" | "date" | "uuid" | "ipv4" | "ipv6" | "hostname" | "email"): Check {
    const f = fullFormats[name] as RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
    const v = f instanceof RegExp || typeof f === "function" ? f : f.validate;
    return v instanceof RegExp ? (s) => v.test(s) : (s) => v(s);
}

/** Standard base64 with padding (Go's base64.StdEncoding). */
function isBase64(s: string): boolean {
    return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

function isCidr(s: string): boolean {
    const [ip, bits, extra] = s.split("/");
    if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
    if (checks.ipv4(ip)) return Number(bits) <= 32;
    return checks.ipv6(ip) && Number(bits) <= 128;
}

const checks: Record<string, Check> = {
    "date-time": ajvCheck("date-time"),
    datetime: ajvCheck("date-time"),
    date: ajvCheck("date"),
    uuid: ajvCheck("uuid"),
    ipv4: ajvCheck("ipv4"),
    ipv6: ajvCheck("ipv6"),
    hostname: ajvCheck("hostname"),
    email: ajvCheck("email"),
    byte: isBase64,
    cidr: isCidr,
};

/** Rule text when `s` breaks `format`, else undefined. */
export function stringFormatProblem(format: string, s: string): string | undefined {
    const check = checks[format];
    if (!check || check(s)) return undefined;
    return format === "byte" ? "must be base64 (format byte)" : `must be a valid ${format}`;
}

const int32 = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** int32/int64 overflow: the API server accepts it, the controller's Go type cannot hold it (a warning). */
export function integerFormatProblem(format: string, v: number | bigint): string | undefined {
    const range = format === "int32" ? int32 : format === "int64" ? int64 : undefined;
    if (!range) return undefined;
    const b = typeof v === "bigint" ? v : BigInt(v);
    if (b < range.min || b > range.max) return `does not fit in ${format} (the controller cannot decode it)`;
    return undefined;
}
