// Character-class tables for the RE2 translation: Perl and POSIX classes in
// ASCII, and Unicode \p{...} names mapped to JavaScript property escapes.

export const PERL: Record<string, string> = {
    d: "0-9",
    s: "\\t\\n\\f\\r ",
    w: "0-9A-Za-z_",
};

export const POSIX: Record<string, string> = {
    alnum: "0-9A-Za-z",
    alpha: "A-Za-z",
    ascii: "\\x00-\\x7f",
    blank: "\\t ",
    cntrl: "\\x00-\\x1f\\x7f",
    digit: "0-9",
    graph: "!-~",
    lower: "a-z",
    print: " -~",
    punct: "!-\\/:-@\\[-`{-~",
    space: "\\t\\n\\v\\f\\r ",
    upper: "A-Z",
    word: "0-9A-Za-z_",
    xdigit: "0-9A-Fa-f",
};

const CATEGORIES = new Set([
    "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
    "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps",
    "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
]);

/** A JS class body for \p{name}, or undefined if the name is unknown. */
export function unicodeClass(name: string, negated: boolean): string | undefined {
    const p = negated ? "P" : "p";
    if (name === "Any") return negated ? "" : "\\s\\S";
    if (CATEGORIES.has(name)) return `\\${p}{${name}}`;
    try {
        new RegExp(`\\p{Script=${name}}`, "u");
        return `\\${p}{Script=${name}}`;
    } catch {
        return undefined;
    }
}
