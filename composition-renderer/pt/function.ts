// fn.go RunFunction: function-patch-and-transform over one request.
import { GoError, asGoError, isNotFound, wrap } from "../go/errors";
import { k8sRoundTrip, marshalJSON, structRoundTrip } from "../go/json";
import { JsonObject, Value, deepClone, isObject } from "../go/values";
import { composeConnectionSecret, extractConnectionDetails, supportsConnectionDetails } from "./connection";
import { decodeResources } from "./decode";
import { FnRequest, FnResource, FnResponse, KEY_ENVIRONMENT, fatal, responseTo } from "./function-types";
import { fromFieldPathPolicy, patchType } from "./input-types";
import { applyComposedPatch, applyEnvironmentPatch, composedTemplates, toComposedResource } from "./patches";
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

export function runPatchAndTransform(req: FnRequest): FnResponse {
    const rsp = responseTo(req);
    let input;
    try {
        input = decodeResources(req.input ?? {});
    } catch (e) {
        return fatal(rsp, wrap(e, "cannot get Function input").message);
    }
    const verr = validateResources(input);
    if (verr) return fatal(rsp, wrap(verr, "invalid Function input").message);

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

    let cts;
    try {
        cts = composedTemplates(input.patchSets, input.resources);
    } catch (e) {
        return fatal(rsp, wrap(e, "cannot resolve PatchSets").message);
    }

    const ctxEnv = req.context?.[KEY_ENVIRONMENT];
    const env: JsonObject = isObject(ctxEnv) ? asStruct(ctxEnv) : {};
    if (!env.apiVersion && !env.kind) {
        env.apiVersion = "internal.crossplane.io/v1alpha1";
        env.kind = "Environment";
    }

    for (const [i, p] of (input.environment?.patches ?? []).entries()) {
        try {
            applyEnvironmentPatch(p, env, oxr, dxr);
        } catch (e) {
            if (isNotFound(e) && fromFieldPathPolicy(p) === "Optional") continue;
            return fatal(rsp, wrap(e, `cannot apply the "${patchType(p)}" environment patch at index ${i}`).message);
        }
    }

    let skipped = 0;
    for (const t of cts) {
        let dcd: JsonObject;
        if (t.base === undefined) {
            const prev = desired[t.name];
            if (!prev) {
                return fatal(rsp, `composed resource "${t.name}" has no base template, and was not produced by a previous Function in the pipeline`);
            }
            dcd = deepClone(prev.resource ?? {});
        } else {
            try {
                dcd = parseBase(t.base);
            } catch (e) {
                return fatal(rsp, wrap(e, `cannot parse base template of composed resource "${t.name}"`).message);
            }
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
                rsp.results.push(warning(wrap(e, `cannot extract composite resource connection details from composed resource "${t.name}"`)));
            }
            let ready = false;
            try {
                ready = isReady(ocd, t.readinessChecks);
            } catch (e) {
                rsp.results.push(warning(wrap(e, `cannot check readiness of composed resource "${t.name}"`)));
            }
            if (ready) dcdState.ready = "True";
        }

        let skip = false;
        for (const [i, p] of t.patches.entries()) {
            try {
                applyComposedPatch(p, ocd, dcd, oxr, dxr, env);
            } catch (e) {
                if (!isNotFound(e)) {
                    return fatal(rsp, wrap(e, `cannot render composed resource "${t.name}" "${patchType(p)}" patch at index ${i}`).message);
                }
                if (fromFieldPathPolicy(p) === "Required") {
                    if (toComposedResource(p) && !exists) {
                        rsp.results.push(warning(wrap(e, `not adding new composed resource "${t.name}" to desired state because "${patchType(p)}" patch at index ${i} has 'policy.fromFieldPath: Required'`)));
                        skip = true;
                        break;
                    }
                    rsp.results.push(warning(wrap(e, `cannot render composed resource "${t.name}" "${patchType(p)}" patch at index ${i}: ignoring 'policy.fromFieldPath: Required' because 'to' resource already exists`)));
                }
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

function warning(e: unknown) {
    return { severity: "Warning" as const, message: asGoError(e).message, target: "Composite" as const };
}
