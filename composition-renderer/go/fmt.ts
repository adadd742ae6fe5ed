// fmt.Sprintf for the values a composition function handles: the verbs,
// flags, width, precision, argument indexes and the %!verb(type=value) error forms.
import { clearFlags } from "./fmt-flags";
import { NIL, Printer } from "./fmt-printer";
import { GoInt, Value, goTypeName } from "./values";

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
