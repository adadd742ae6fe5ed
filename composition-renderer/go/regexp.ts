// Go's regexp (RE2 syntax, Perl flags) translated to a JavaScript RegExp.
// Both engines pick the leftmost-first match, so results agree; syntax RE2
// rejects (backreferences, lookaround) is rejected here with Go's error text.
import { GoError } from "./errors";
import { PERL, POSIX, unicodeClass } from "./regexp-classes";

interface Flags {
    i: boolean;
    m: boolean;
    s: boolean;
    U: boolean;
}

function syntaxError(code: string, expr: string): GoError {
    return new GoError(`error parsing regexp: ${code}: \`${expr}\``);
}

const REPEAT = /^\{(0|[1-9]\d*)(,(0|[1-9]\d*)?)?\}/;
const SYNTAX = "^$\\.*+?()[]{}|/";
const PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

function esc(ch: string): string {
    return SYNTAX.includes(ch) ? `\\${ch}` : ch;
}

function classEsc(ch: string): string {
    return "\\]^-[".includes(ch) ? `\\${ch}` : ch;
}

function caseVariants(ch: string): string[] {
    const set = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
    return [...set].filter((c) => [...c].length === 1);
}

class Translator {
    out = "";
    pos = 0;
    /** Whether the last emitted item can take a repetition operator. */
    canRepeat = false;
    lastRepeat: string | null = null;
    flags: Flags = { i: false, m: false, s: false, U: false };
    stack: { flags: Flags }[] = [];
    names = new Set<string>();

    constructor(readonly src: string) {}

    run(): string {
        const s = this.src;
        while (this.pos < s.length) {
            const c = s[this.pos];
            const rest = s.slice(this.pos);
            let repeated = false;
            if (c === "(") this.openGroup(rest);
            else if (c === ")") this.closeGroup();
            else if (c === "|") {
                this.out += "|";
                this.pos++;
                this.canRepeat = false;
            } else if (c === "*" || c === "+" || c === "?") {
                this.repeat(rest, c, 1);
                repeated = true;
            } else if (c === "{" && REPEAT.test(rest)) {
                const m = REPEAT.exec(rest) as RegExpExecArray;
                this.repeatCount(rest, m);
                repeated = true;
            } else if (c === "[") this.charClass(rest);
            else if (c === "\\") this.escape(rest);
            else if (c === ".") this.atom(this.flags.s ? "[\\s\\S]" : "[^\\n]", 1);
            else if (c === "^") this.atom(this.flags.m ? "(?<![^\\n])" : "^", 1);
            else if (c === "$") this.atom(this.flags.m ? "(?![^\\n])" : "$", 1);
            else {
                const ch = String.fromCodePoint(s.codePointAt(this.pos) as number);
                this.literal(ch, ch.length);
            }
            if (!repeated) this.lastRepeat = null;
        }
        if (this.stack.length > 0) throw syntaxError("missing closing )", this.src);
        return this.out;
    }

    atom(js: string, len: number): void {
        this.out += `(?:${js})`;
        this.pos += len;
        this.canRepeat = true;
    }

    literal(ch: string, len: number): void {
        const variants = this.flags.i ? caseVariants(ch) : [ch];
        if (variants.length > 1) this.out += `[${variants.map(classEsc).join("")}]`;
        else this.out += `(?:${esc(ch)})`;
        this.pos += len;
        this.canRepeat = true;
    }

    openGroup(rest: string): void {
        const named = /^\(\?P?<([^>]*)>/.exec(rest);
        if (named) {
            if (!/^[A-Za-z0-9_]+$/.test(named[1])) throw syntaxError("invalid named capture", named[0]);
            if (this.names.has(named[1])) throw syntaxError("duplicate capture group name", named[1]);
            this.names.add(named[1]);
            this.push(`(?<${named[1]}>`, named[0].length);
            return;
        }
        if (/^\(\?P?</.test(rest)) throw syntaxError("invalid named capture", rest);
        if (rest.startsWith("(?")) {
            this.flagGroup(rest);
            return;
        }
        this.push("(", 1);
    }

    push(js: string, len: number): void {
        this.stack.push({ flags: { ...this.flags } });
        this.out += js;
        this.pos += len;
        this.canRepeat = false;
    }

    /** (?flags) or (?flags:re). */
    flagGroup(rest: string): void {
        const flags = { ...this.flags };
        let sign = 1;
        let sawFlag = false;
        for (let k = 2; k < rest.length; k++) {
            const c = rest[k];
            if (c === "i" || c === "m" || c === "s" || c === "U") {
                flags[c] = sign > 0;
                sawFlag = true;
            } else if (c === "-" && sign > 0) {
                sign = -1;
                sawFlag = false;
            } else if ((c === ":" || c === ")") && !(sign < 0 && !sawFlag)) {
                if (c === ":") {
                    this.push("(?:", k + 1);
                    this.flags = flags;
                } else {
                    this.flags = flags;
                    this.pos += k + 1;
                }
                return;
            } else {
                throw syntaxError("invalid or unsupported Perl syntax", rest.slice(0, k + 1));
            }
        }
        throw syntaxError("missing closing )", this.src);
    }

    closeGroup(): void {
        const top = this.stack.pop();
        if (!top) throw syntaxError("unexpected )", this.src);
        this.flags = top.flags;
        this.out += ")";
        this.pos++;
        this.canRepeat = true;
    }

    /** * + ? with an optional non-greedy '?'. */
    repeat(rest: string, op: string, len: number): void {
        let opText = rest.slice(0, len);
        let lazy = false;
        if (rest[len] === "?") {
            opText += "?";
            lazy = true;
        }
        this.applyRepeat(op, opText, lazy);
    }

    repeatCount(rest: string, m: RegExpExecArray): void {
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === undefined ? -1 : Number(m[3]);
        let opText = m[0];
        let lazy = false;
        if (rest[m[0].length] === "?") {
            opText += "?";
            lazy = true;
        }
        if (min > 1000 || max > 1000 || (max >= 0 && min > max)) throw syntaxError("invalid repeat count", m[0]);
        this.applyRepeat(m[0], opText, lazy);
    }

    applyRepeat(op: string, opText: string, lazy: boolean): void {
        if (this.lastRepeat !== null) {
            throw syntaxError("invalid nested repetition operator", this.lastRepeat + opText);
        }
        if (!this.canRepeat) throw syntaxError("missing argument to repetition operator", opText);
        const greedy = lazy === this.flags.U;
        this.out += op + (greedy ? "" : "?");
        this.pos += opText.length;
        this.lastRepeat = opText;
    }

    escape(rest: string): void {
        if (rest.length === 1) throw syntaxError("trailing backslash at end of expression", "");
        const c = rest[1];
        if (c === "Q") {
            const end = rest.indexOf("\\E", 2);
            const lit = end < 0 ? rest.slice(2) : rest.slice(2, end);
            this.pos += 2;
            for (const ch of lit) this.literal(ch, ch.length);
            if (end >= 0) this.pos += 2;
            return;
        }
        if (c === "A") return this.atom("^", 2);
        if (c === "z") return this.atom("$", 2);
        if (c === "b" || c === "B") return this.atom(`\\${c}`, 2);
        const cls = this.classEscape(rest);
        if (cls) {
            this.out += `[${cls.body}]`;
            this.pos += cls.len;
            this.canRepeat = true;
            return;
        }
        const lit = this.literalEscape(rest);
        this.literal(String.fromCodePoint(lit.cp), 0);
        this.pos += lit.len;
    }

    /** \d \s \w (and negations), \p{..} \P{..}: a class body, possibly negated. */
    classEscape(rest: string): { body: string; len: number } | undefined {
        const c = rest[1];
        const lower = c.toLowerCase();
        if (PERL[lower]) {
            return { body: c === lower ? PERL[lower] : `^${PERL[lower]}`, len: 2 };
        }
        if (c === "p" || c === "P") {
            let name: string;
            let len: number;
            if (rest[2] === "{") {
                const end = rest.indexOf("}");
                if (end < 0) throw syntaxError("invalid character class range", rest);
                name = rest.slice(3, end);
                len = end + 1;
            } else {
                if (rest.length < 3) throw syntaxError("invalid character class range", rest);
                name = String.fromCodePoint(rest.codePointAt(2) as number);
                len = 2 + name.length;
            }
            let neg = c === "P";
            if (name.startsWith("^")) {
                neg = !neg;
                name = name.slice(1);
            }
            const body = unicodeClass(name, neg);
            if (body === undefined) throw syntaxError("invalid character class range", rest.slice(0, len));
            return { body, len };
        }
        return undefined;
    }

    /** An escape that stands for one code point. */
    literalEscape(rest: string): { cp: number; len: number } {
        const c = rest[1];
        const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
        if (simple[c] !== undefined) return { cp: simple[c], len: 2 };
        if (c >= "0" && c <= "7") {
            const m = /^\\([0-7]{1,3})/.exec(rest) as RegExpExecArray;
            if (c !== "0" && m[1].length === 1) throw syntaxError("invalid escape sequence", rest.slice(0, 2));
            return { cp: parseInt(m[1], 8), len: m[0].length };
        }
        if (c === "x") {
            const braced = /^\\x\{([0-9A-Fa-f]+)\}/.exec(rest);
            if (braced) {
                const cp = parseInt(braced[1], 16);
                if (cp > 0x10ffff) throw syntaxError("invalid escape sequence", braced[0]);
                return { cp, len: braced[0].length };
            }
            const two = /^\\x([0-9A-Fa-f]{2})/.exec(rest);
            if (two) return { cp: parseInt(two[1], 16), len: 4 };
            throw syntaxError("invalid escape sequence", rest.slice(0, Math.min(rest.length, 4)));
        }
        if (PUNCT.includes(c)) return { cp: c.charCodeAt(0), len: 2 };
        throw syntaxError("invalid escape sequence", rest.slice(0, 2));
    }

    charClass(rest: string): void {
        let k = 1;
        let body = "";
        if (rest[k] === "^") {
            body = "^";
            k++;
        }
        let first = true;
        for (;;) {
            if (k >= rest.length) throw syntaxError("missing closing ]", rest);
            const c = rest[k];
            if (c === "]" && !first) break;
            first = false;
            const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest.slice(k));
            if (posix) {
                const table = POSIX[posix[2]];
                if (!table) throw syntaxError("invalid character class range", posix[0]);
                body += posix[1] ? `${this.negated(table)}` : table;
                k += posix[0].length;
                continue;
            }
            if (c === "\\") {
                const cls = this.classEscape(rest.slice(k));
                if (cls) {
                    body += cls.body.startsWith("^") ? this.negated(cls.body.slice(1)) : cls.body;
                    k += cls.len;
                    continue;
                }
            }
            const lo = this.classChar(rest, k);
            k = lo.next;
            let hi = lo;
            if (rest[k] === "-" && rest[k + 1] !== "]" && k + 1 < rest.length) {
                hi = this.classChar(rest, k + 1);
                if (hi.cp < lo.cp) throw syntaxError("invalid character class range", rest.slice(lo.start, hi.next));
                k = hi.next;
            }
            body += this.range(lo.cp, hi.cp);
        }
        this.out += `[${body}]`;
        this.pos += k + 1;
        this.canRepeat = true;
    }

    /** A negated class inside a class: JS has no nesting, so use \P or a lookup-free complement. */
    negated(table: string): string {
        // Complement of an ASCII table, as explicit ranges over the whole code space.
        const re = new RegExp(`[${table}]`, "u");
        let out = "";
        let start = -1;
        for (let cp = 0; cp <= 0x80; cp++) {
            const inTable = cp < 0x80 && re.test(String.fromCodePoint(cp));
            if (!inTable && cp < 0x80 && start < 0) start = cp;
            if ((inTable || cp === 0x80) && start >= 0) {
                out += `\\u{${start.toString(16)}}-\\u{${(cp - 1).toString(16)}}`;
                start = -1;
            }
        }
        return out + "\\u{80}-\\u{10ffff}";
    }

    classChar(rest: string, k: number): { cp: number; next: number; start: number } {
        if (rest[k] === "\\") {
            if (k + 1 >= rest.length) throw syntaxError("missing closing ]", rest);
            const lit = this.literalEscape(rest.slice(k));
            return { cp: lit.cp, next: k + lit.len, start: k };
        }
        const cp = rest.codePointAt(k) as number;
        return { cp, next: k + String.fromCodePoint(cp).length, start: k };
    }

    range(lo: number, hi: number): string {
        const e = (cp: number): string => `\\u{${cp.toString(16)}}`;
        let out = lo === hi ? e(lo) : `${e(lo)}-${e(hi)}`;
        if (this.flags.i) {
            for (let cp = lo; cp <= Math.min(hi, lo + 0x400); cp++) {
                for (const v of caseVariants(String.fromCodePoint(cp))) {
                    const vc = v.codePointAt(0) as number;
                    if (vc < lo || vc > hi) out += e(vc);
                }
            }
        }
        return out;
    }
}

/** A compiled Go regexp. */
export class GoRegexp {
    private constructor(
        readonly source: string,
        private readonly re: RegExp,
    ) {}

    /** regexp.Compile; throws GoError with Go's text on bad syntax. */
    static compile(expr: string): GoRegexp {
        const js = new Translator(expr).run();
        return new GoRegexp(expr, new RegExp(js, "u"));
    }

    matchString(s: string): boolean {
        this.re.lastIndex = 0;
        return this.re.test(s);
    }

    /** FindStringSubmatch: null on no match, "" for groups that did not take part. */
    findStringSubmatch(s: string): string[] | null {
        const m = this.re.exec(s);
        if (!m) return null;
        return Array.from(m, (g) => g ?? "");
    }
}
