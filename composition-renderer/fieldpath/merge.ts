// Paved.MergeValue: crossplane-runtime wraps dst and src as {"arg": ...} and
// hands them to mergo. This is mergo's map branch restricted to JSON values.
import { GoError, wrap } from "../go/errors";
import { JsonObject, Value, deepEqual, goTypeName, isObject } from "../go/values";
import { NotFound, lookupAt, parsePath } from "./get";
import { setValueAt } from "./set";

export interface MergeOptions {
    keepMapValues?: boolean;
    appendSlice?: boolean;
}

export function mergeValue(root: JsonObject, path: string, value: Value, mo: MergeOptions | null): void {
    const segs = parsePath(path);
    let dst: Value = null;
    if (mo) {
        const found = lookupAt(root, segs);
        if (!(found instanceof NotFound)) dst = found;
    }
    setValueAt(root, segs, merge(dst, value, mo));
}

export function merge(dst: Value, src: Value, mo: MergeOptions | null): Value {
    if (dst === null || src === null || !mo) return src;
    const append = mo.appendSlice === true;
    if (append) src = removeSourceDuplicates(dst, src);
    const wrapper: JsonObject = { arg: dst };
    try {
        mergeKey(wrapper, "arg", src, { overwrite: mo.keepMapValues !== true, append });
    } catch (e) {
        throw wrap(e, "failed to merge values");
    }
    return wrapper.arg;
}

function removeSourceDuplicates(dst: Value, src: Value): Value {
    if (!Array.isArray(dst) || !Array.isArray(src)) return src;
    return src.filter((s) => !dst.some((d) => deepEqual(s, d)));
}

interface Config {
    overwrite: boolean;
    append: boolean;
}

/** isEmptyValue, looking through the interface. */
function isEmpty(v: Value | undefined): boolean {
    if (v === undefined || v === null) return true;
    if (typeof v === "string") return v.length === 0;
    if (typeof v === "boolean") return !v;
    if (typeof v === "number") return v === 0;
    if (typeof v === "bigint") return v === 0n;
    if (Array.isArray(v)) return v.length === 0;
    if (isObject(v)) return Object.keys(v).length === 0;
    return v.value === 0n;
}

function kindOf(v: Value): "map" | "slice" | "other" {
    return Array.isArray(v) ? "slice" : isObject(v) ? "map" : "other";
}

/** mergo deepMerge over the maps dst and src. */
function mergeMaps(dst: JsonObject, src: JsonObject, cfg: Config): void {
    for (const key of Object.keys(src)) mergeKey(dst, key, src[key], cfg);
}

/** One key of mergo's map loop. */
function mergeKey(dst: JsonObject, key: string, srcEl: Value, cfg: Config): void {
    const has = Object.prototype.hasOwnProperty.call(dst, key);
    const dstEl: Value | undefined = has ? dst[key] : undefined;
    if (srcEl === null) {
        if (cfg.overwrite) dst[key] = null;
        return;
    }
    const sk = kindOf(srcEl);
    if (sk === "map" && isObject(dstEl)) {
        mergeMaps(dstEl, srcEl as JsonObject, cfg);
    } else if (sk === "slice") {
        const srcSlice = srcEl as Value[];
        let dstSlice: Value = dstEl === undefined || dstEl === null ? [] : dstEl;
        if (cfg.overwrite && !cfg.append) {
            dstSlice = srcSlice;
        } else if (cfg.append) {
            if (!Array.isArray(dstSlice)) {
                throw new GoError(`cannot append two slices with different type ([]interface {}, ${goTypeName(dstSlice)})`);
            }
            dstSlice = [...dstSlice, ...srcSlice];
        }
        dst[key] = dstSlice;
    }
    if (dstEl !== undefined && !isEmpty(dstEl)) {
        if (sk === "slice") return;
        if (sk === "map" && kindOf(dstEl) === "map") return;
    }
    if (cfg.overwrite || dstEl === undefined || isEmpty(dstEl)) dst[key] = srcEl;
}
