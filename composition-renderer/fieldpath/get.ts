// Paved.GetValue and its typed variants, with upstream's error texts.
import { GoError, notFoundError, wrap } from "../go/errors";
import { quote } from "../go/strconv";
import { Value, isObject } from "../go/values";
import { Segment, parse, segmentsString } from "./parse";

export function parsePath(path: string): Segment[] {
    try {
        return parse(path);
    } catch (e) {
        throw wrap(e, `cannot parse path ${quote(path)}`);
    }
}

export function getValueAt(root: Value, segs: Segment[]): Value {
    if (segs.length === 0) return null;
    let it: Value = root;
    for (let i = 0; i < segs.length; i++) {
        const cur = segs[i];
        if (cur.type === "index") {
            if (!Array.isArray(it)) throw new GoError(`${segmentsString(segs.slice(0, i))}: not an array`);
            if (cur.index >= it.length) {
                throw notFoundError(`${segmentsString(segs.slice(0, i + 1))}: no such element`);
            }
            it = it[cur.index];
        } else if (isObject(it)) {
            if (!Object.prototype.hasOwnProperty.call(it, cur.field)) {
                throw notFoundError(`${segmentsString(segs.slice(0, i + 1))}: no such field`);
            }
            it = it[cur.field];
        } else if (it === null) {
            throw notFoundError(`${segmentsString(segs.slice(0, i))}: expected map, got nil`);
        } else {
            throw new GoError(`${segmentsString(segs.slice(0, i))}: not an object`);
        }
    }
    return it;
}

/** Paved.GetValue(path). Throws GoError (notFound when a segment is missing). */
export function getValue(root: Value, path: string): Value {
    return getValueAt(root, parsePath(path));
}

export function getString(root: Value, path: string): string {
    const v = getValue(root, path);
    if (typeof v !== "string") throw new GoError(`${path}: not a string`);
    return v;
}

export function getBool(root: Value, path: string): boolean {
    const v = getValue(root, path);
    if (typeof v !== "boolean") throw new GoError(`${path}: not a bool`);
    return v;
}

export function getInteger(root: Value, path: string): bigint {
    const v = getValue(root, path);
    if (typeof v !== "bigint") throw new GoError(`${path}: not a (int64) number`);
    return v;
}
