// Small accessors for Kubernetes objects held as JsonObject.
import { JsonObject, Value, isObject } from "../go/values";

export function metadata(o: JsonObject): JsonObject {
    if (!isObject(o.metadata)) o.metadata = {};
    return o.metadata as JsonObject;
}

export function str(v: Value | undefined): string {
    return typeof v === "string" ? v : "";
}

export function metaString(o: JsonObject, key: string): string {
    return isObject(o.metadata) ? str(o.metadata[key]) : "";
}

export function stringMap(v: Value | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!isObject(v)) return out;
    for (const [k, e] of Object.entries(v)) if (typeof e === "string") out[k] = e;
    return out;
}

export function labels(o: JsonObject): Record<string, string> {
    return isObject(o.metadata) ? stringMap(o.metadata.labels) : {};
}

/** meta.AddLabels / AddAnnotations. */
export function addToMap(o: JsonObject, key: "labels" | "annotations", add: Record<string, string>): void {
    const m = metadata(o);
    const cur = isObject(m[key]) ? (m[key] as JsonObject) : {};
    m[key] = { ...cur, ...add };
}

export function spec(o: JsonObject): JsonObject {
    if (!isObject(o.spec)) o.spec = {};
    return o.spec as JsonObject;
}

export function describe(o: JsonObject): string {
    const kind = str(o.kind) || "object";
    const name = metaString(o, "name");
    return name ? `${kind} "${name}"` : kind;
}
