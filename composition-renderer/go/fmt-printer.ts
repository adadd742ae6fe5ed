// fmt's printer: one argument under one verb (printArg, printValue and the
// per-type formatters, including the %!verb(type=value) form).
import { FmtFlags, clearFlags, pad, padding } from "./fmt-flags";
import { asUint64, fmtC, fmtFloat, fmtInteger, fmtQc, fmtUnicode } from "./fmt-numbers";
import { canBackquote, quote } from "./strconv";
import { GoInt, JsonObject, Value, goTypeName, isObject, sortedKeys } from "./values";

export const NIL = "<nil>";

export class Printer {
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
