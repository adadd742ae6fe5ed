// fmt.Sprintf for the values a composition function handles: the verbs,
// flags, width, precision, argument indexes and the %!verb(type=value) error forms.
import { FmtFlags, clearFlags, pad, padding } from "./fmt-flags";
import { asUint64, fmtC, fmtFloat, fmtInteger, fmtQc, fmtUnicode } from "./fmt-numbers";
import { canBackquote, quote } from "./strconv";
import { GoInt, JsonObject, Value, goTypeName, isObject, sortedKeys } from "./values";

const NIL = "<nil>";

class Printer {
    out = "";
    f: FmtFlags = clearFlags();

    printArg(arg: Value, verb: string): void {
        if (arg === null) {
            if (verb === "T" || verb === "v") this.out += pad(this.f, NIL);
            else this.badVerb(verb, arg, true);
            return;
        }
        if (verb === "T") {
            this.out += this.fmtS(goTypeName(arg));
            return;
        }
        if (verb === "p") {
            this.fmtPointer(arg);
            return;
        }
        this.printValue(arg, verb, 0);
    }

    printValue(v: Value, verb: string, depth: number): void {
        if (v === null) {
            // A nil element of an interface slice or map.
            this.out += this.f.sharpV ? "interface {}(nil)" : NIL;
            return;
        }
        if (typeof v === "boolean") this.fmtBool(v, verb);
        else if (typeof v === "bigint") this.fmtIntegerVerb(v, verb, v);
        else if (v instanceof GoInt) this.fmtIntegerVerb(v.value, verb, v);
        else if (typeof v === "number") this.fmtFloatVerb(v, verb);
        else if (typeof v === "string") this.fmtString(v, verb);
        else if (Array.isArray(v)) this.fmtSlice(v, verb, depth);
        else this.fmtMap(v, verb, depth);
    }

    fmtBool(v: boolean, verb: string): void {
        if (verb === "t" || verb === "v") this.out += pad(this.f, v ? "true" : "false");
        else this.badVerb(verb, v);
    }

    fmtIntegerVerb(n: bigint, verb: string, orig: Value): void {
        const f = this.f;
        switch (verb) {
            case "v":
            case "d":
                this.out += fmtInteger(f, n, 10, verb, false);
                return;
            case "b":
                this.out += fmtInteger(f, n, 2, verb, false);
                return;
            case "o":
            case "O":
                this.out += fmtInteger(f, n, 8, verb, false);
                return;
            case "x":
                this.out += fmtInteger(f, n, 16, verb, false);
                return;
            case "X":
                this.out += fmtInteger(f, n, 16, verb, true);
                return;
            case "c":
                this.out += fmtC(f, n);
                return;
            case "q":
                this.out += fmtQc(f, n);
                return;
            case "U":
                this.out += fmtUnicode(f, asUint64(n));
                return;
            default:
                this.badVerb(verb, orig);
        }
    }

    fmtFloatVerb(v: number, verb: string): void {
        const f = this.f;
        switch (verb) {
            case "v":
                this.out += fmtFloat(f, v, "g", -1);
                return;
            case "b":
            case "g":
            case "G":
            case "x":
            case "X":
                this.out += fmtFloat(f, v, verb, -1);
                return;
            case "e":
            case "E":
            case "f":
                this.out += fmtFloat(f, v, verb, 6);
                return;
            case "F":
                this.out += fmtFloat(f, v, "f", 6);
                return;
            default:
                this.badVerb(verb, v);
        }
    }

    fmtS(s: string): string {
        if (this.f.precPresent) s = Array.from(s).slice(0, this.f.prec).join("");
        return pad(this.f, s);
    }

    fmtQ(s: string): string {
        if (this.f.precPresent) s = Array.from(s).slice(0, this.f.prec).join("");
        if (this.f.sharp && canBackquote(s)) return pad(this.f, "`" + s + "`");
        return pad(this.f, quote(s, this.f.plus));
    }

    fmtSx(s: string, upper: boolean): string {
        const f = this.f;
        let bytes = Buffer.from(s, "utf8");
        if (f.precPresent && f.prec < bytes.length) bytes = bytes.subarray(0, f.prec);
        const length = bytes.length;
        let width = 2 * length;
        if (width === 0) return f.widPresent ? padding(f, f.wid) : "";
        if (f.space) {
            if (f.sharp) width *= 2;
            width += length - 1;
        } else if (f.sharp) width += 2;
        const prefix = upper ? "0X" : "0x";
        let body = f.sharp && !f.space ? prefix : "";
        bytes.forEach((b, i) => {
            if (f.space && i > 0) body += " ";
            if (f.space && f.sharp) body += prefix;
            const h = b.toString(16).padStart(2, "0");
            body += upper ? h.toUpperCase() : h;
        });
        const fill = f.widPresent && f.wid > width ? padding(f, f.wid - width) : "";
        return f.minus ? body + fill : fill + body;
    }

    fmtString(v: string, verb: string): void {
        switch (verb) {
            case "v":
                this.out += this.f.sharpV ? this.fmtQ(v) : this.fmtS(v);
                return;
            case "s":
                this.out += this.fmtS(v);
                return;
            case "x":
                this.out += this.fmtSx(v, false);
                return;
            case "X":
                this.out += this.fmtSx(v, true);
                return;
            case "q":
                this.out += this.fmtQ(v);
                return;
            default:
                this.badVerb(verb, v);
        }
    }

    fmtSlice(v: Value[], verb: string, depth: number): void {
        if (this.f.sharpV) {
            this.out += "[]interface {}{";
            v.forEach((e, i) => {
                if (i > 0) this.out += ", ";
                this.printValue(e, verb, depth + 1);
            });
            this.out += "}";
            return;
        }
        this.out += "[";
        v.forEach((e, i) => {
            if (i > 0) this.out += " ";
            this.printValue(e, verb, depth + 1);
        });
        this.out += "]";
    }

    fmtMap(v: JsonObject, verb: string, depth: number): void {
        const sharpV = this.f.sharpV;
        this.out += sharpV ? "map[string]interface {}{" : "map[";
        sortedKeys(v).forEach((k, i) => {
            if (i > 0) this.out += sharpV ? ", " : " ";
            this.printValue(k, verb, depth + 1);
            this.out += ":";
            this.printValue(v[k], verb, depth + 1);
        });
        this.out += sharpV ? "}" : "]";
    }

    fmtPointer(arg: Value): void {
        // Maps and slices print an address; there is none offline, so a fixed one stands in.
        if (Array.isArray(arg) || isObject(arg)) this.out += pad(this.f, "0xc000010000");
        else this.badVerb("p", arg);
    }

    /** %!verb(type=value), the value printed with %v and the current flags. */
    badVerb(verb: string, arg: Value, isNil = false): void {
        if (isNil) {
            this.out += `%!${verb}(${NIL})`;
            return;
        }
        this.out += `%!${verb}(${goTypeName(arg)}=`;
        this.printArg(arg, "v");
        this.out += ")";
    }
}

/** fmt.Sprintf(format, args...). */
export function sprintf(format: string, ...args: Value[]): string {
    const p = new Printer();
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    let reordered = false;
    let goodArgNum = true;

    const argNumber = (i: number): [number, boolean] => {
        if (i >= end || format[i] !== "[") return [i, false];
        reordered = true;
        const [index, wid, okIdx] = parseArgNumber(format.slice(i));
        if (okIdx && index >= 0 && index < args.length) {
            argNum = index;
            return [i + wid, true];
        }
        goodArgNum = false;
        return [i + wid, okIdx];
    };

    let i = 0;
    while (i < end) {
        goodArgNum = true;
        const lasti = i;
        while (i < end && format[i] !== "%") i++;
        if (i > lasti) p.out += format.slice(lasti, i);
        if (i >= end) break;
        i++;
        p.f = clearFlags();
        const f = p.f;
        let simple = false;
        for (; i < end; i++) {
            const c = format[i];
            if (c === "#") f.sharp = true;
            else if (c === "0") f.zero = true;
            else if (c === "+") f.plus = true;
            else if (c === "-") f.minus = true;
            else if (c === " ") f.space = true;
            else {
                if (c >= "a" && c <= "z" && argNum < args.length) {
                    if (c === "v") {
                        f.sharpV = f.sharp;
                        f.sharp = false;
                        f.plusV = f.plus;
                        f.plus = false;
                    }
                    p.printArg(args[argNum], c);
                    argNum++;
                    i++;
                    simple = true;
                }
                break;
            }
        }
        if (simple) continue;

        [i, afterIndex] = argNumber(i);

        if (i < end && format[i] === "*") {
            i++;
            const [num, isInt] = intFromArg(args, argNum);
            argNum = Math.min(argNum + 1, Math.max(argNum, args.length));
            f.wid = num;
            f.widPresent = isInt;
            if (!isInt) p.out += "%!(BADWIDTH)";
            if (f.wid < 0) {
                f.wid = -f.wid;
                f.minus = true;
                f.zero = false;
            }
            afterIndex = false;
        } else {
            const [num, isNum, ni] = parseNum(format, i, end);
            f.wid = num;
            f.widPresent = isNum;
            i = ni;
            if (afterIndex && f.widPresent) goodArgNum = false;
        }

        if (i + 1 < end && format[i] === ".") {
            i++;
            if (afterIndex) goodArgNum = false;
            [i, afterIndex] = argNumber(i);
            if (i < end && format[i] === "*") {
                i++;
                const [num, isInt] = intFromArg(args, argNum);
                argNum = Math.min(argNum + 1, Math.max(argNum, args.length));
                f.prec = num;
                f.precPresent = isInt;
                if (f.prec < 0) {
                    f.prec = 0;
                    f.precPresent = false;
                }
                if (!f.precPresent) p.out += "%!(BADPREC)";
                afterIndex = false;
            } else {
                const [num, isNum, ni] = parseNum(format, i, end);
                f.prec = num;
                f.precPresent = isNum;
                i = ni;
                if (!f.precPresent) {
                    f.prec = 0;
                    f.precPresent = true;
                }
            }
        }

        if (!afterIndex) [i, afterIndex] = argNumber(i);

        if (i >= end) {
            p.out += "%!(NOVERB)";
            break;
        }
        const verb = String.fromCodePoint(format.codePointAt(i) as number);
        i += verb.length;

        if (verb === "%") p.out += "%";
        else if (!goodArgNum) p.out += `%!${verb}(BADINDEX)`;
        else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
        else {
            if (verb === "v") {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
            }
            p.printArg(args[argNum], verb);
            argNum++;
        }
    }

    if (!reordered && argNum < args.length) {
        p.f = clearFlags();
        p.out += "%!(EXTRA ";
        args.slice(argNum).forEach((arg, k) => {
            if (k > 0) p.out += ", ";
            if (arg === null) p.out += NIL;
            else {
                p.out += `${goTypeName(arg)}=`;
                p.printArg(arg, "v");
            }
        });
        p.out += ")";
    }
    return p.out;
}

const TOO_LARGE = 1e6;

function parseNum(s: string, start: number, end: number): [number, boolean, number] {
    if (start >= end) return [0, false, end];
    let num = 0;
    let isNum = false;
    let i = start;
    for (; i < end && s[i] >= "0" && s[i] <= "9"; i++) {
        if (num > TOO_LARGE || num < -TOO_LARGE) return [0, false, end];
        num = num * 10 + Number(s[i]);
        isNum = true;
    }
    return [num, isNum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
    if (format.length < 3) return [0, 1, false];
    for (let i = 1; i < format.length; i++) {
        if (format[i] === "]") {
            const [width, ok, newi] = parseNum(format, 1, i);
            if (!ok || newi !== i) return [0, i + 1, false];
            return [width - 1, i + 1, true];
        }
    }
    return [0, 1, false];
}

function intFromArg(args: Value[], argNum: number): [number, boolean] {
    if (argNum >= args.length) return [0, false];
    const a = args[argNum];
    if (typeof a !== "bigint" && !(a instanceof GoInt)) return [0, false];
    const n = Number(typeof a === "bigint" ? a : a.value);
    if (n > TOO_LARGE || n < -TOO_LARGE) return [0, false];
    return [n, true];
}
