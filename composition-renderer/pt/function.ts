// fn.go RunFunction: function-patch-and-transform over one request.
import { GoError, asGoError, wrap } from "../go/errors";
import { k8sRoundTrip, marshalJSON, structRoundTrip } from "../go/json";
import { JsonObject, Value, deepClone, deepFreeze, isObject } from "../go/values";
import { composeConnectionSecret, extractConnectionDetails, supportsConnectionDetails } from "./connection";
import { decodeResources } from "./decode";
import { FnRequest, FnResource, FnResponse, KEY_ENVIRONMENT, fatal, responseTo } from "./function-types";
import { ComposedTemplate, Resources, fromFieldPathPolicy, patchType } from "./input-types";
import { Canonical, applyComposedPatch, applyEnvironmentPatch, composedTemplates, toComposedResource } from "./patches";
import { isReady } from "./ready";
import { validateResources } from "./validate";

function asStruct(v: JsonObject | undefined): JsonObject {
    return v ? (structRoundTrip(v) as JsonObject) : {};
}

function meta(o: JsonObject): JsonObject {
    if (!isObject(o.metadata)) o.metadata = {};
    return o.metadata as JsonObject;
}

/** unstructured SetName/SetNamespace: an empty value removes the field. */
function setMeta(o: JsonObject, key: "name" | "namespace", v: Value | undefined): void {
    if (typeof v === "string" && v !== "") meta(o)[key] = v;
    else if (isObject(o.metadata)) delete o.metadata[key];
}

/** The base template: JSON text decoded by the Kubernetes decoder into an Unstructured. */
function parseBase(base: JsonObject): JsonObject {
    const obj = k8sRoundTrip(structRoundTrip(base)) as JsonObject;
    if (typeof obj.kind !== "string" || obj.kind === "") {
        throw new GoError(`Object 'Kind' is missing in '${marshalJSON(obj)}'`);
    }
    return obj;
}

/** A template's base as parseBase leaves it, or why it cannot be parsed. */
type ParsedBase = { object: JsonObject } | { error: string };

/**
 * What the function makes of its input before rendering: the decoded input, its templates (PatchSets
 * inlined) and their parsed bases (by index, none for a template without base), or the fatal message.
 */
type PreparedInput = { input: Resources; templates: ComposedTemplate[]; bases: (ParsedBase | undefined)[] } | { fatal: string };

/** A copy of a parsed base, whose values are already what the Kubernetes decoder yields. */
function copyParsed(v: Value): Value {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(copyParsed);
    const out: JsonObject = {};
    for (const k of Object.keys(v)) out[k] = copyParsed((v as JsonObject)[k]);
    return out;
}

/**
 * Prepared inputs by input object. A Composition does not change once loaded, and decoding,
 * validating and inlining PatchSets depend on the input alone, so each input is prepared once.
 * The entry is built from a private copy of the input and frozen throughout: rendering never
 * shares the caller's objects through it, and nothing can change it between renders.
 */
const prepared = new WeakMap<JsonObject, PreparedInput>();

function prepareInput(raw: JsonObject): PreparedInput {
    let input: Resources;
    try {
        input = decodeResources(deepClone(raw));
    } catch (e) {
        return { fatal: wrap(e, "cannot get Function input").message };
    }
    const verr = validateResources(input);
    if (verr) return { fatal: wrap(verr, "invalid Function input").message };
    let templates: ComposedTemplate[];
    try {
        templates = composedTemplates(input.patchSets, input.resources);
    } catch (e) {
        return { fatal: wrap(e, "cannot resolve PatchSets").message };
    }
    const bases = templates.map((t): ParsedBase | undefined => {
        if (t.base === undefined) return undefined;
        try {
            return { object: parseBase(t.base) };
        } catch (e) {
            return { error: asGoError(e).message };
        }
    });
    return { input, templates, bases };
}

function preparedInput(raw: JsonObject | undefined): PreparedInput {
    if (raw === undefined) return prepareInput({});
    let p = prepared.get(raw);
    if (p === undefined) {
        p = deepFreeze(prepareInput(raw));
        prepared.set(raw, p);
    }
    return p;
}

export function runPatchAndTransform(req: FnRequest): FnResponse {
    const rsp = responseTo(req);
    const p = preparedInput(req.input);
    if ("fatal" in p) return fatal(rsp, p.fatal);
    const { input, templates: cts, bases } = p;
    const canonical: Canonical = new WeakSet();

    const oxr = asStruct(req.observed?.composite?.resource);
    const dxr = asStruct(req.desired?.composite?.resource);
    dxr.apiVersion = oxr.apiVersion ?? "";
    dxr.kind = oxr.kind ?? "";
    const dxrConn: Record<string, string> = { ...(req.desired?.composite?.connectionDetails ?? {}) };
    const observed = req.observed?.resources ?? {};
    const desired: Record<string, FnResource> = {};
    for (const [name, r] of Object.entries(req.desired?.resources ?? {})) {
        desired[name] = { resource: asStruct(r.resource), ready: r.ready ?? "Unspecified" };
    }

    const ctxEnv = req.context?.[KEY_ENVIRONMENT];
    const env: JsonObject = isObject(ctxEnv) ? asStruct(ctxEnv) : {};
    if (!env.apiVersion && !env.kind) {
        env.apiVersion = "internal.crossplane.io/v1alpha1";
        env.kind = "Environment";
    }

    for (const [i, p] of (input.environment?.patches ?? []).entries()) {
        let cause: { readonly message: string; readonly notFound: boolean };
        try {
            const missing = applyEnvironmentPatch(p, env, oxr, dxr, canonical);
            if (missing === undefined) continue;
            cause = missing;
        } catch (e) {
            cause = asGoError(e);
        }
        if (cause.notFound && fromFieldPathPolicy(p) === "Optional") continue;
        return fatal(rsp, `cannot apply the "${patchType(p)}" environment patch at index ${i}: ${cause.message}`);
    }

    let skipped = 0;
    for (const [ti, t] of cts.entries()) {
        let dcd: JsonObject;
        const base = bases[ti];
        if (base === undefined) {
            const prev = desired[t.name];
            if (!prev) {
                return fatal(rsp, `composed resource "${t.name}" has no base template, and was not produced by a previous Function in the pipeline`);
            }
            dcd = deepClone(prev.resource ?? {});
        } else {
            if ("error" in base) return fatal(rsp, `cannot parse base template of composed resource "${t.name}": ${base.error}`);
            dcd = copyParsed(base.object) as JsonObject;
            canonical.add(dcd);
        }
        const dcdState: FnResource = { resource: dcd, ready: "Unspecified" };

        const ocdState = observed[t.name];
        const exists = ocdState !== undefined;
        const ocd = exists ? asStruct(ocdState.resource) : undefined;
        if (ocd) {
            const om = isObject(ocd.metadata) ? ocd.metadata : {};
            setMeta(dcd, "namespace", om.namespace);
            setMeta(dcd, "name", om.name);
            try {
                Object.assign(dxrConn, extractConnectionDetails(ocd, ocdState.connectionDetails ?? {}, t.connectionDetails));
            } catch (e) {
                rsp.results.push(warning(wrap(e, `cannot extract composite resource connection details from composed resource "${t.name}"`).message));
            }
            let ready = false;
            try {
                ready = isReady(ocd, t.readinessChecks);
            } catch (e) {
                rsp.results.push(warning(wrap(e, `cannot check readiness of composed resource "${t.name}"`).message));
            }
            if (ready) dcdState.ready = "True";
        }

        let skip = false;
        for (const [i, p] of t.patches.entries()) {
            // Why the patch did not apply: a missing field (its message is only built if it surfaces) or an error.
            let cause: { readonly message: string; readonly notFound: boolean };
            try {
                const missing = applyComposedPatch(p, ocd, dcd, oxr, dxr, env, canonical);
                if (missing === undefined) continue;
                cause = missing;
            } catch (e) {
                cause = asGoError(e);
            }
            // errors.Wrap(cause, msg) reads "msg: cause".
            if (!cause.notFound) {
                return fatal(rsp, `cannot render composed resource "${t.name}" "${patchType(p)}" patch at index ${i}: ${cause.message}`);
            }
            if (fromFieldPathPolicy(p) === "Required") {
                if (toComposedResource(p) && !exists) {
                    rsp.results.push(warning(`not adding new composed resource "${t.name}" to desired state because "${patchType(p)}" patch at index ${i} has 'policy.fromFieldPath: Required': ${cause.message}`));
                    skip = true;
                    break;
                }
                rsp.results.push(warning(`cannot render composed resource "${t.name}" "${patchType(p)}" patch at index ${i}: ignoring 'policy.fromFieldPath: Required' because 'to' resource already exists: ${cause.message}`));
            }
        }
        if (skip) {
            skipped++;
            continue;
        }
        desired[t.name] = dcdState;
    }

    if (!supportsConnectionDetails(oxr) && Object.keys(dxrConn).length > 0) {
        try {
            const secret = composeConnectionSecret(oxr, dxrConn, input.writeConnectionSecretToRef);
            const name = isObject(oxr.metadata) && typeof oxr.metadata.name === "string" ? oxr.metadata.name : "";
            desired[`${name}-connection-secret`] = { resource: secret, ready: "True" };
        } catch (e) {
            return fatal(rsp, wrap(e, "cannot compose connection secret").message);
        }
    }

    const composite: FnResource = { resource: asStruct(dxr), connectionDetails: dxrConn, ready: skipped > 0 ? "False" : "Unspecified" };
    const resources: Record<string, FnResource> = {};
    for (const [name, r] of Object.entries(desired)) resources[name] = { resource: asStruct(r.resource), ready: r.ready };
    rsp.desired = { composite, resources };
    rsp.context = { ...(rsp.context ?? {}), [KEY_ENVIRONMENT]: asStruct(env) };
    return rsp;
}

function warning(message: string) {
    return { severity: "Warning" as const, message, target: "Composite" as const };
}
