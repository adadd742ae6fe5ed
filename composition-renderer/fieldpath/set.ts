// Paved.SetValue: create the missing path (maps and null-padded arrays), then
// store the value after a Kubernetes JSON round trip (toValidJSON).
import { GoError, wrap } from "../go/errors";
import { k8sRoundTrip } from "../go/json";
import { JsonObject, Value, isObject } from "../go/values";
import { parsePath } from "./get";
import { Segment, segmentsString } from "./parse";

const MAX_INDEX = 1024;

export function toValidJSON(value: Value): Value {
    try {
        return k8sRoundTrip(value);
    } catch (e) {
        throw wrap(e, "cannot marshal value to JSON");
    }
}

export function setValueAt(root: JsonObject, segs: readonly Segment[], value: Value): void {
    const v = toValidJSON(value);
    for (const s of segs) {
        if (s.type === "index" && s.index > MAX_INDEX) {
            throw new GoError(`index ${s.index} is greater than max allowed index ${MAX_INDEX}`);
        }
    }
    let into: Value = root;
    for (let i = 0; i < segs.length; i++) {
        const cur = segs[i];
        const final = i === segs.length - 1;
        if (cur.type === "index") {
            if (!Array.isArray(into)) throw new GoError(`${segmentsString(segs.slice(0, i))} is not an array`);
            if (final) {
                into[cur.index] = v;
                return;
            }
            prepare(into, cur.index, segs[i + 1]);
            into = into[cur.index];
        } else {
            if (!isObject(into)) throw new GoError(`${segmentsString(segs.slice(0, i))} is not an object`);
            if (final) {
                into[cur.field] = v;
                return;
            }
            prepare(into, cur.field, segs[i + 1]);
            into = into[cur.field];
        }
    }
}

/** prepareElement / prepareField: make room for the next segment. */
function prepare(container: Value[] | JsonObject, key: number | string, next: Segment): void {
    const c = container as Record<string | number, Value>;
    const exists = Array.isArray(container)
        ? c[key] !== null && c[key] !== undefined
        : Object.prototype.hasOwnProperty.call(container, key);
    if (!exists) {
        c[key] = next.type === "index" ? new Array<Value>(next.index + 1).fill(null) : {};
        return;
    }
    if (next.type !== "index") return;
    const na = c[key];
    if (!Array.isArray(na) || next.index < na.length) return;
    while (na.length <= next.index) na.push(null);
}

/** Paved.SetValue(path, value). */
export function setValue(root: JsonObject, path: string, value: Value): void {
    setValueAt(root, parsePath(path), value);
}
