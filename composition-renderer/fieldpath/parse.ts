// crossplane-runtime fieldpath.Parse: "a.b[c][0]['d.e']" into segments, with
// the upstream lexer's error texts ("unexpected '.' at position 9").
import { GoError } from "../go/errors";

export type Segment = { type: "field"; field: string } | { type: "index"; index: number };

export function field(s: string): Segment {
    return { type: "field", field: trimQuotes(s) };
}

/** A bracket segment that parses as a uint32 is an index, anything else a field. */
export function fieldOrIndex(s: string): Segment {
    if (/^\d+$/.test(s)) {
        const n = Number(s);
        if (n <= 0xffffffff) return { type: "index", index: n };
    }
    return field(s);
}

function trimQuotes(s: string): string {
    return s.replace(/^['"]+/, "").replace(/['"]+$/, "");
}

function goRune(c: string): string {
    return `'${c}'`;
}

export function parse(path: string): Segment[] {
    const segs: Segment[] = [];
    let pos = 0;
    let start = 0;
    const err = (at: number, msg: string): never => {
        throw new GoError(`${msg} at position ${at}`);
    };
    const emitField = (): void => {
        if (pos > start) segs.push(field(path.slice(start, pos)));
        start = pos;
    };
    // lexField / lexPeriod / lexLeftBracket / lexFieldOrIndex / lexRightBracket.
    for (;;) {
        // lexField
        let i = pos;
        let next: "eol" | "[" | "." = "eol";
        for (; i < path.length; i++) {
            const c = path[i];
            if (c === "]") err(i, `unexpected ${goRune("]")}`);
            if (c === "[") {
                next = "[";
                break;
            }
            if (c === ".") {
                next = ".";
                break;
            }
        }
        pos = i;
        emitField();
        if (next === "eol") return segs;
        if (next === ".") {
            if (pos === 0 || pos === path.length - 1) err(pos, `unexpected ${goRune(".")}`);
            pos++;
            start = pos;
            const r = path[pos];
            if (r === ".") err(pos, `unexpected ${goRune(".")}`);
            if (r === "[") err(pos, `unexpected ${goRune("[")}`);
            continue;
        }
        // lexLeftBracket
        if (!path.slice(pos).includes("]")) err(pos, `unterminated ${goRune("[")}`);
        pos++;
        start = pos;
        // lexFieldOrIndex
        const rbi = path.slice(pos).indexOf("]");
        if (rbi === 0) err(pos, `unexpected ${goRune("]")}`);
        const lbi = path.slice(pos, pos + rbi).indexOf("[");
        if (lbi > -1) err(pos + lbi, `unexpected ${goRune("[")}`);
        pos += rbi;
        segs.push(fieldOrIndex(path.slice(start, pos)));
        // lexRightBracket
        pos++;
        start = pos;
    }
}

/** Segments.String(). */
export function segmentsString(segs: Segment[]): string {
    let b = "";
    for (const s of segs) {
        if (s.type === "field") {
            if (s.field === "*" || s.field.includes(".")) b += `[${s.field}]`;
            else b += `.${s.field}`;
        } else {
            b += `[${s.index}]`;
        }
    }
    return b.replace(/^\./, "");
}
