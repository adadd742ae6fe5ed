// mergeMaps and mergeEnvConfigsData: later data wins, nested maps merge.
import { GoError } from "../go/errors";
import { structRoundTrip } from "../go/json";
import { JsonObject, Value, isObject } from "../go/values";
import { setValue } from "../fieldpath/set";

export function mergeMaps(a: JsonObject, b: JsonObject): JsonObject {
    const out: JsonObject = { ...a };
    for (const [k, v] of Object.entries(b)) {
        const cur = out[k];
        if (isObject(v) && isObject(cur)) {
            out[k] = mergeMaps(cur, v);
            continue;
        }
        out[k] = v;
    }
    return out;
}

function name(c: JsonObject): string {
    return isObject(c.metadata) && typeof c.metadata.name === "string" ? c.metadata.name : "";
}

/** Configs grouped by toFieldPath, in the order the groups first appear. */
export function mergeEnvConfigsData(byField: Map<string, JsonObject[]>): JsonObject {
    let merged: JsonObject = {};
    for (const [fieldPath, configs] of byField) {
        for (const c of configs) {
            let data: JsonObject = {};
            if (fieldPath !== "") {
                try {
                    setValue(data, fieldPath, c.data ?? null);
                } catch {
                    throw new GoError(`cannot get data from environment config ${name(c)} into path "${fieldPath}"`);
                }
            } else {
                if (c.data === undefined) {
                    throw new GoError(`cannot get data from environment config "${name(c)}": data: no such field`);
                }
                if (!isObject(c.data) && c.data !== null) {
                    throw new GoError(`cannot get data from environment config "${name(c)}": cannot unmarshal value from JSON`);
                }
                data = (c.data ?? {}) as JsonObject;
            }
            merged = mergeMaps(merged, data);
        }
    }
    return merged;
}

export function unmarshalDefaultData(data: Record<string, Value | undefined>): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(data)) out[k] = v === undefined ? null : structRoundTrip(v);
    return out;
}
