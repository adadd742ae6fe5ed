/** Go RE2 patterns (CRD `pattern`, CEL `matches`/`find`) translated to JavaScript RegExp, cached. */

const posixClasses: Record<string, string> = {
    alpha: "A-Za-z",
    digit: "0-9",
    alnum: "A-Za-z0-9",
    upper: "A-Z",
    lower: "a-z",
    space: "\\t\\n\\v\\f\\r ",
    xdigit: "0-9A-Fa-f",
    word: "0-9A-Za-z_",
    punct: "!-\\/:-@\\[-`{-~",
};

function translate(pattern: string): { source: string; flags: string } {
    let flags = "";
    let source = pattern;
    const lead = /^\(\?([imsU]+)\)/.exec(source);
    if (lead) {
        if (lead[1].includes("i")) flags += "i";
        if (lead[1].includes("s")) flags += "s";
        if (lead[1].includes("m")) flags += "m";
        source = source.slice(lead[0].length);
    }
    source = source
        .replace(/\(\?P</g, "(?<")
        .replace(/\\A/g, "^")
        .replace(/\\z/g, "$")
        .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
            const cls = posixClasses[name];
            if (!cls) return m;
            return neg ? `^${cls}` : cls;
        })
        .replace(/\\p([A-Z])/g, "\\p{$1}")
        .replace(/\\P([A-Z])/g, "\\P{$1}");
    return { source, flags };
}

const cache = new Map<string, RegExp | Error>();

/** The RegExp for a Go pattern, or an Error saying why it cannot be translated. */
export function goRegExp(pattern: string): RegExp | Error {
    const hit = cache.get(pattern);
    if (hit) return hit;
    const { source, flags } = translate(pattern);
    let result: RegExp | Error;
    try {
        result = new RegExp(source, `${flags}u`);
    } catch {
        try {
            result = new RegExp(source, flags);
        } catch (e) {
            result = new Error(`pattern ${JSON.stringify(pattern)} is not supported here: ${(e as Error).message}`);
        }
    }
    cache.set(pattern, result);
    return result;
}
