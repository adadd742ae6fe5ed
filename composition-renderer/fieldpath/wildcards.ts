// Paved.ExpandWildcards: "a[*].b" becomes one path per existing element.
import { GoError, notFoundError, wrap } from "../go/errors";
import { quote } from "../go/strconv";
import { Value, isObject } from "../go/values";
import { NotFound, lookupAt } from "./get";
import { Segment, field, fieldOrIndex, parse, segmentsString } from "./parse";

export function expandWildcards(root: Value, path: string): string[] {
    let segs: Segment[];
    try {
        segs = parse(path);
    } catch (e) {
        throw wrap(e, `cannot parse path ${quote(path)}`);
    }
    let expanded: Segment[][];
    try {
        expanded = expand(root, segs);
    } catch (e) {
        throw wrap(e, `cannot expand wildcards for segments: ${quote(segsQuoted(segs))}`);
    }
    return expanded.map((s) => segmentsString(s));
}

/** %q of a Segments value formats it through its String method. */
function segsQuoted(segs: Segment[]): string {
    return segmentsString(segs);
}

function expand(data: Value, segs: Segment[]): Segment[][] {
    const res: Segment[][] = [];
    let it: Value = data;
    for (let i = 0; i < segs.length; i++) {
        const cur = segs[i];
        if (cur.type === "field" && cur.field === "*") {
            if (Array.isArray(it)) {
                for (let ix = 0; ix < it.length; ix++) {
                    const e = [...segs.slice(0, i), fieldOrIndex(String(ix)), ...segs.slice(i + 1)];
                    res.push(...expandNested(data, e));
                }
            } else if (isObject(it)) {
                for (const k of Object.keys(it)) {
                    const e = [...segs.slice(0, i), field(k), ...segs.slice(i + 1)];
                    res.push(...expandNested(data, e));
                }
            } else if (it === null) {
                throw notFoundError(`wildcard field ${quote(segmentsString(segs.slice(0, i)))} is not found in the path`);
            } else {
                throw new GoError(`${quote(segmentsString(segs.slice(0, i)))}: unexpected wildcard usage`);
            }
            return res;
        }
        const found = lookupAt(data, segs.slice(0, i + 1));
        if (found instanceof NotFound) return [];
        it = found;
    }
    return [segs];
}

function expandNested(data: Value, e: Segment[]): Segment[][] {
    try {
        return expand(data, e);
    } catch (err) {
        throw wrap(err, `${quote(segmentsString(e))}: cannot expand wildcards`);
    }
}
