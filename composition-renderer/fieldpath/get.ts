// Paved.GetValue and its typed variants, with upstream's error texts.
import { GoError, notFoundError, wrap } from "../go/errors";
import { quote } from "../go/strconv";
import { Value, isObject } from "../go/values";
import { Segment, parse, segmentsString } from "./parse";

/** Parsed paths, by path string: Compositions repeat the same few hundred paths on every render. */
const parsed = new Map<string, readonly Segment[]>();
const MAX_PARSED = 4096;

/** fieldpath.Parse, wrapped as Paved does. The segments are shared and frozen: never mutate them. */
export function parsePath(path: string): readonly Segment[] {
    const hit = parsed.get(path);
    if (hit !== undefined) return hit;
    let segs: Segment[];
    try {
        segs = parse(path);
    } catch (e) {
        throw wrap(e, `cannot parse path ${quote(path)}`);
    }
    for (const s of segs) Object.freeze(s);
    Object.freeze(segs);
    // Paths can also come from data (expanded wildcards): keep the cache bounded.
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(path, segs);
    return segs;
}

/**
 * A field path that does not resolve: what fieldpath's IsNotFound errors report, without building
 * an Error (or its message) unless one surfaces. `error()` is the error Paved.GetValue returns.
 */
export class NotFound {
    /** fieldpath.IsNotFound. */
    readonly notFound = true;

    constructor(
        private readonly segs: readonly Segment[],
        private readonly upTo: number,
        private readonly reason: string,
    ) {}

    get message(): string {
        return `${segmentsString(this.segs.slice(0, this.upTo))}: ${this.reason}`;
    }

    error(): GoError {
        return notFoundError(this.message);
    }
}

/** Paved.GetValue over parsed segments; a missing segment is returned as NotFound, other errors throw. */
export function lookupAt(root: Value, segs: readonly Segment[]): Value | NotFound {
    if (segs.length === 0) return null;
    let it: Value = root;
    for (let i = 0; i < segs.length; i++) {
        const cur = segs[i];
        if (cur.type === "index") {
            if (!Array.isArray(it)) throw new GoError(`${segmentsString(segs.slice(0, i))}: not an array`);
            if (cur.index >= it.length) return new NotFound(segs, i + 1, "no such element");
            it = it[cur.index];
        } else if (isObject(it)) {
            if (!Object.prototype.hasOwnProperty.call(it, cur.field)) return new NotFound(segs, i + 1, "no such field");
            it = it[cur.field];
        } else if (it === null) {
            return new NotFound(segs, i, "expected map, got nil");
        } else {
            throw new GoError(`${segmentsString(segs.slice(0, i))}: not an object`);
        }
    }
    return it;
}

/** Paved.GetValue(path) without throwing for a missing segment. */
export function lookup(root: Value, path: string): Value | NotFound {
    return lookupAt(root, parsePath(path));
}

export function getValueAt(root: Value, segs: readonly Segment[]): Value {
    const v = lookupAt(root, segs);
    if (v instanceof NotFound) throw v.error();
    return v;
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
