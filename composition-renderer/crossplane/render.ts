// renderComposition: one reconcile of a Composition pipeline, offline.
import { k8sRoundTrip, structRoundTrip } from "../go/json";
import { JsonObject, Value, deepClone, isObject } from "../go/values";
import { FnResource, FnState } from "../pt/function-types";
import { readComposition } from "./composition";
import { compositeConditions } from "./conditions";
import { KnownFunction } from "./functions";
import { generateName, renderComposedMetadata, validateName } from "./metadata";
import { observedByName } from "./observed";
import { metaString, metadata, str } from "./object";
import { StepResult, runPipeline } from "./pipeline";
import { configureComposite, isLegacy } from "./xr-configure";

export interface ObservedState {
    /** Observed composed resources, each carrying crossplane.io/composition-resource-name. */
    resources?: JsonObject[];
    /** Their connection details (decoded strings), by composition resource name. */
    connectionDetails?: Record<string, Record<string, string>>;
    /** Observed XR status; replaces composite.status when given. */
    compositeStatus?: JsonObject;
    /** The XR's current connection details. */
    compositeConnectionDetails?: Record<string, string>;
}

export interface RenderInput {
    /** The XR (for example from claimToComposite). */
    composite: JsonObject;
    composition: JsonObject;
    environmentConfigs?: JsonObject[];
    observed?: ObservedState;
    /** Other objects functions may require (matched by apiVersion, kind, name or labels). */
    extraResources?: JsonObject[];
    /** The XRD, used to filter connection details by spec.connectionSecretKeys. */
    xrd?: JsonObject;
    /** Function object names that are not recognisable from their name. */
    functions?: Record<string, KnownFunction>;
}

export interface ComposedResource {
    /** The composition resource name (template name). */
    name: string;
    resource: JsonObject;
    ready: boolean;
}

export interface RenderOutput {
    composite: JsonObject;
    resources: ComposedResource[];
    connectionDetails: Record<string, string>;
    /** Where a legacy XR's connection secret is written. */
    connectionSecretRef?: { name: string; namespace: string };
    ready: boolean;
    results: StepResult[];
    context: JsonObject;
}

/** Deep merge for status: maps merge, anything else from `over` wins. */
function overlay(base: Value, over: Value): Value {
    if (!isObject(base) || !isObject(over)) return deepClone(over);
    const out: JsonObject = deepClone(base);
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? overlay(out[k], v) : deepClone(v);
    return out;
}

function filterKeys(details: Record<string, string>, xrd: JsonObject | undefined): Record<string, string> {
    const keys = isObject(xrd?.spec) && Array.isArray(xrd.spec.connectionSecretKeys) ? xrd.spec.connectionSecretKeys : [];
    if (keys.length === 0) return { ...details };
    const out: Record<string, string> = {};
    for (const k of keys) if (typeof k === "string" && k in details) out[k] = details[k];
    return out;
}

function composedResources(desired: FnState, observed: Record<string, FnResource>, xr: JsonObject): ComposedResource[] {
    return Object.keys(desired.resources ?? {})
        .sort()
        .map((name) => {
            const dr = (desired.resources ?? {})[name];
            const cd = k8sRoundTrip(dr.resource ?? {}) as JsonObject;
            const or = observed[name]?.resource;
            if (or) {
                const m = metadata(cd);
                for (const key of ["namespace", "name", "generateName"]) {
                    const v = metaString(or, key);
                    if (v) m[key] = v;
                    else delete m[key];
                }
            }
            renderComposedMetadata(cd, xr, name);
            generateName(cd, `${str(xr.apiVersion)}/${str(xr.kind)}/${metaString(xr, "name")}/${name}`);
            validateName(cd, name);
            return { name, resource: cd, ready: dr.ready === "True" };
        });
}

export function renderComposition(args: RenderInput): RenderOutput {
    const comp = readComposition(args.composition);
    const xr = configureComposite(args.composite, comp);
    if (args.observed?.compositeStatus) xr.status = deepClone(args.observed.compositeStatus);
    const observed = observedByName(args.observed?.resources ?? [], args.observed?.connectionDetails);
    const state: FnState = {
        composite: { resource: structRoundTrip(xr) as JsonObject, connectionDetails: args.observed?.compositeConnectionDetails ?? {} },
        resources: observed,
    };
    const available = [...(args.environmentConfigs ?? []), ...(args.extraResources ?? [])];
    const out = runPipeline(comp, state, available, args.functions);

    const resources = composedResources(out.desired, observed, xr);
    const dxr = out.desired.composite;
    const desiredStatus = dxr?.resource && isObject(dxr.resource.status) ? k8sRoundTrip(dxr.resource.status) : undefined;
    const status = (desiredStatus !== undefined ? overlay(xr.status ?? {}, desiredStatus) : deepClone(xr.status ?? {})) as JsonObject;
    const explicit = dxr?.ready === "True" ? true : dxr?.ready === "False" ? false : undefined;
    const unready = resources.filter((r) => !r.ready).map((r) => r.name);
    status.conditions = compositeConditions(unready, explicit);
    xr.status = status;

    const legacy = isLegacy(xr);
    const ref = isObject(xr.spec) && isObject(xr.spec.writeConnectionSecretToRef) ? xr.spec.writeConnectionSecretToRef : undefined;
    const output: RenderOutput = {
        composite: xr,
        resources,
        connectionDetails: legacy ? filterKeys(dxr?.connectionDetails ?? {}, args.xrd) : {},
        ready: explicit ?? unready.length === 0,
        results: out.results,
        context: k8sRoundTrip(out.context) as JsonObject,
    };
    if (legacy && ref) output.connectionSecretRef = { name: str(ref.name), namespace: str(ref.namespace) };
    return output;
}
