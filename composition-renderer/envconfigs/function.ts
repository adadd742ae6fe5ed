// function-environment-configs RunFunction: ask for EnvironmentConfigs, then
// merge the ones Crossplane supplied into the environment context key.
import { GoError, wrap } from "../go/errors";
import { structRoundTrip } from "../go/json";
import { quote } from "../go/strconv";
import { JsonObject, Value, compareGoStrings, deepClone, deepFreeze, goTypeName, isObject } from "../go/values";
import { getString, getValue } from "../fieldpath/get";
import { FnRequest, FnResponse, KEY_ENVIRONMENT, ResourceSelector, fatal, responseTo } from "../pt/function-types";
import { EnvInput, EnvironmentSource, decodeEnvInput } from "./input";
import { mergeEnvConfigsData, mergeMaps, unmarshalDefaultData } from "./merge";

const API_VERSION = "apiextensions.crossplane.io/v1beta1";
const KIND = "EnvironmentConfig";

function buildRequirements(input: EnvInput, xr: JsonObject): Record<string, ResourceSelector> {
    const out: Record<string, ResourceSelector> = {};
    (input.environmentConfigs ?? []).forEach((config, i) => {
        const name = `environment-config-${i}`;
        if (config.type === "Reference" || config.type === "") {
            out[name] = { apiVersion: API_VERSION, kind: KIND, matchName: config.ref?.name ?? "" };
        } else if (config.type === "Selector") {
            const labels: Record<string, string> = {};
            for (const m of config.selector?.matchLabels ?? []) {
                if (m.type === "Value") {
                    labels[m.key] = m.value ?? "";
                } else if (m.type === "FromCompositeFieldPath" || m.type === "") {
                    try {
                        labels[m.key] = getString(xr, m.valueFromFieldPath ?? "");
                    } catch (e) {
                        if (m.fromFieldPathPolicy !== "Optional") {
                            throw wrap(e, `cannot get value from field path ${quote(m.valueFromFieldPath ?? "")}`);
                        }
                    }
                }
            }
            if (Object.keys(labels).length > 0) out[name] = { apiVersion: API_VERSION, kind: KIND, matchLabels: labels };
        }
    });
    return out;
}

function byReference(input: EnvInput, config: EnvironmentSource, resources: JsonObject[]): JsonObject | undefined {
    const name = config.ref?.name ?? "";
    if (resources.length === 0) {
        if (input.policy?.resolution === "Optional") return undefined;
        throw new GoError(`Required environment config ${quote(name)} not found`);
    }
    if (resources.length > 1) throw new GoError(`expected exactly one required resource ${quote(name)}, got ${resources.length}`);
    return resources[0];
}

function bySelector(config: EnvironmentSource, resources: JsonObject[]): JsonObject[] {
    const sel = config.selector;
    const mode = sel?.mode || "Single";
    if (mode === "Single") {
        if (resources.length !== 1) throw new GoError(`expected exactly one required resource, got ${resources.length}`);
        return [resources[0]];
    }
    if (mode !== "Multiple") throw new GoError(`unknown selector mode ${quote(sel?.mode ?? "")}`);
    if (sel?.minMatch !== undefined && BigInt(resources.length) < sel.minMatch) {
        throw new GoError(`expected at least ${sel.minMatch} required resources, got ${resources.length}`);
    }
    let sorted = sortByFieldPath(resources, sel?.sortByFieldPath || "metadata.name");
    if (sel?.maxMatch !== undefined && BigInt(sorted.length) > sel.maxMatch) sorted = sorted.slice(0, Number(sel.maxMatch));
    return sorted;
}

/** sortRequiredByFieldPath: sort by one field; all values must share a type. */
export function sortByFieldPath(resources: JsonObject[], path: string): JsonObject[] {
    if (path === "") throw new GoError("cannot sort by empty field path");
    const vals: Value[] = resources.map((r) => {
        try {
            return getValue(r, path);
        } catch (e) {
            if (e instanceof GoError && e.notFound) return null;
            throw e;
        }
    });
    let type: string | undefined;
    for (const v of vals) {
        if (v === null) continue;
        const t = goTypeName(v);
        if (type === undefined) type = t;
        else if (type !== t) throw new GoError(`cannot sort values of different types ${quote(type)} and ${quote(t)}`);
    }
    if (type === undefined) return resources;
    if (!["float64", "int64", "string"].includes(type)) throw new GoError(`unsupported type ${quote(kindName(type))} for sorting`);
    const zero: Value = type === "string" ? "" : type === "int64" ? 0n : 0;
    const idx = resources.map((_, i) => i);
    idx.sort((a, b) => {
        const va = vals[a] ?? zero;
        const vb = vals[b] ?? zero;
        if (typeof va === "string" && typeof vb === "string") return compareGoStrings(va, vb);
        return va < vb ? -1 : va > vb ? 1 : 0;
    });
    return idx.map((i) => resources[i]);
}

function kindName(type: string): string {
    if (type === "bool") return "bool";
    if (type.startsWith("[]")) return "slice";
    if (type.startsWith("map")) return "map";
    return type;
}

/**
 * Decoded inputs by input object (a Composition's step input does not change once loaded): decoded
 * once from a private copy, frozen, so nothing can change an entry between renders.
 */
const decoded = new WeakMap<JsonObject, { input: EnvInput } | { fatal: string }>();

function decodedInput(raw: JsonObject | undefined): { input: EnvInput } | { fatal: string } {
    const key = raw ?? {};
    let d = decoded.get(key);
    if (d === undefined) {
        try {
            d = { input: decodeEnvInput(deepClone(key)) };
        } catch (e) {
            d = { fatal: wrap(e, "cannot get Function input from *v1.RunFunctionRequest").message };
        }
        decoded.set(key, deepFreeze(d));
    }
    return d;
}

export function runEnvironmentConfigs(req: FnRequest): FnResponse {
    const rsp = responseTo(req);
    const d = decodedInput(req.input);
    if ("fatal" in d) return fatal(rsp, d.fatal);
    const input = d.input;
    if (!input.environmentConfigs) return rsp;
    const xr = (structRoundTrip(req.observed?.composite?.resource ?? {}) as JsonObject) ?? {};
    try {
        rsp.requirements = { resources: buildRequirements(input, xr) };
    } catch (e) {
        return fatal(rsp, wrap(e, "cannot build requirements").message);
    }
    if (!req.requiredResources) return rsp;

    const byField = new Map<string, JsonObject[]>();
    const add = (path: string, rs: JsonObject[]): void => {
        byField.set(path, [...(byField.get(path) ?? []), ...rs]);
    };
    try {
        input.environmentConfigs.forEach((config, i) => {
            const name = `environment-config-${i}`;
            const resources = req.requiredResources?.[name];
            if (!resources) return;
            const items = resources.map((r) => structRoundTrip(r) as JsonObject);
            const type = config.type || "Reference";
            if (type === "Reference") {
                let out: JsonObject | undefined;
                try {
                    out = byReference(input, config, items);
                } catch (e) {
                    throw wrap(e, `cannot process environment config ${quote(config.ref?.name ?? "")} by reference, ${quote(name)}`);
                }
                if (out) add(config.toFieldPath ?? "", [out]);
            } else if (type === "Selector") {
                let out: JsonObject[];
                try {
                    out = bySelector(config, items);
                } catch (e) {
                    throw wrap(e, `cannot process environment config ${quote(name)} by selector`);
                }
                if (out.length > 0) add(config.toFieldPath ?? "", out);
            }
        });
    } catch (e) {
        return fatal(rsp, wrap(e, "cannot get selected environment configs").message);
    }
    let merged: JsonObject;
    try {
        merged = mergeEnvConfigsData(byField);
    } catch (e) {
        return fatal(rsp, wrap(e, "cannot merge environment data").message);
    }
    const ctxEnv = req.context?.[KEY_ENVIRONMENT];
    if (isObject(ctxEnv)) merged = mergeMaps(structRoundTrip(ctxEnv) as JsonObject, merged);
    if (input.defaultData) merged = mergeMaps(unmarshalDefaultData(input.defaultData), merged);
    if (!merged.apiVersion && !merged.kind) {
        merged.apiVersion = "internal.crossplane.io/v1alpha1";
        merged.kind = "Environment";
    }
    rsp.context = { ...(rsp.context ?? {}), [KEY_ENVIRONMENT]: structRoundTrip(merged) as JsonObject };
    return rsp;
}
