import { EvaluationError, type Environment } from "@marcbachmann/cel-js";

/** cel-go strings extension (v2) gaps in cel-js: replace and format. */

function replace(s: string, from: string, to: string, limit = -1n): string {
    if (limit < 0n) return s.split(from).join(to);
    let out = s;
    let start = 0;
    for (let n = 0n; n < limit; n++) {
        const at = out.indexOf(from, start);
        if (at < 0) break;
        out = out.slice(0, at) + to + out.slice(at + from.length);
        start = at + to.length + (from === "" ? 1 : 0);
    }
    return out;
}

/** `%s` any value, `%d` int, `%f`/`%.Nf` double, `%x`/`%X`/`%o`/`%b` int, `%%`. */
function format(template: string, args: unknown[]): string {
    let next = 0;
    const take = (verb: string): unknown => {
        if (next >= args.length) throw new EvaluationError(`format: not enough arguments for %${verb}`);
        return args[next++];
    };
    return template.replace(/%(?:\.(\d+))?([sdfxXobe%])/g, (_m, precision: string | undefined, verb: string) => {
        if (verb === "%") return "%";
        const value = take(verb);
        switch (verb) {
            case "s":
                return formatValue(value);
            case "d":
                return String(integer(value, verb));
            case "f":
            case "e": {
                if (typeof value !== "number" && typeof value !== "bigint") throw new EvaluationError(`format: %${verb} needs a number`);
                const digits = precision === undefined ? 6 : Number(precision);
                return verb === "f" ? Number(value).toFixed(digits) : Number(value).toExponential(digits);
            }
            default: {
                const radix = verb === "o" ? 8 : verb === "b" ? 2 : 16;
                const text = integer(value, verb).toString(radix);
                return verb === "X" ? text.toUpperCase() : text;
            }
        }
    });
}

function integer(value: unknown, verb: string): bigint {
    if (typeof value === "bigint") return value;
    throw new EvaluationError(`format: %${verb} needs an int`);
}

function formatValue(value: unknown): string {
    if (value === null || value === undefined) return "null";
    if (typeof value === "string") return value;
    if (typeof value === "bigint" || typeof value === "boolean") return String(value);
    if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(1).replace(/\.0$/, "") : String(value);
    if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
    if (value instanceof Map) return `{${[...value].map(([k, v]) => `${formatValue(k)}: ${formatValue(v)}`).join(", ")}}`;
    if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")}}`;
    return String(value);
}

export function registerStrings(env: Environment): void {
    env.registerFunction("string.replace(string, string): string", (s: string, a: string, b: string) => replace(s, a, b))
        .registerFunction("string.replace(string, string, int): string", replace)
        .registerFunction("string.format(list<dyn>): string", format);
}
