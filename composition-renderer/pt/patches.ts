// patches.go: apply one patch between two objects, and the routing of each
// patch type to its source and target.
import { GoError, wrap } from "../go/errors";
import { sprintf } from "../go/fmt";
import { k8sRoundTrip, marshalJSON } from "../go/json";
import { JsonObject, Value } from "../go/values";
import { NotFound, lookup } from "../fieldpath/get";
import { MergeOptions, mergeValue } from "../fieldpath/merge";
import { toValidJSON } from "../fieldpath/set";
import { expandWildcards } from "../fieldpath/wildcards";
import { resolveTransforms } from "../transforms/resolve";
import { Combine, Patch, PatchSet, ComposedTemplate, patchType, toFieldPathOf, toFieldPathPolicy } from "./input-types";

export function toMergeOption(p: Patch): MergeOptions | null {
    if (!p.policy) return null;
    switch (toFieldPathPolicy(p)) {
        case "Replace":
            return null;
        case "MergeObjects":
        case "MergeObject":
            return { keepMapValues: true };
        case "MergeObjectsAppendArrays":
            return { keepMapValues: true, appendSlice: true };
        case "ForceMergeObjects":
            return { keepMapValues: false };
        case "ForceMergeObjectsAppendArrays":
        case "AppendArray":
            return { appendSlice: true };
        default:
            throw new GoError(`invalid patch policy ${toFieldPathPolicy(p)}`);
    }
}

/**
 * Target objects known to be in the form FromUnstructured leaves them in (every number as the
 * Kubernetes decoder yields it, no GoInt), owned by one function run. Every write into them goes
 * through SetValue's toValidJSON, so converting them again after a patch would change nothing:
 * the renderer passes such a set, and FromUnstructured only checks the kind of its members.
 */
export type Canonical = WeakSet<JsonObject>;

/**
 * runtime.DefaultUnstructuredConverter.FromUnstructured into an Unstructured:
 * the whole object goes through JSON and the Kubernetes decoder (whole
 * float64s become int64), and an object without a kind is refused.
 */
function fromUnstructured(to: JsonObject, canonical?: Canonical): void {
    if (canonical?.has(to)) {
        if (typeof to.kind !== "string" || to.kind === "") throw new GoError(`Object 'Kind' is missing in '${marshalJSON(to)}'`);
        return;
    }
    const round = k8sRoundTrip(to) as JsonObject;
    if (typeof round.kind !== "string" || round.kind === "") {
        throw new GoError(`Object 'Kind' is missing in '${marshalJSON(round)}'`);
    }
    for (const k of Object.keys(to)) delete to[k];
    Object.assign(to, round);
    canonical?.add(to);
}

/** ApplyFromFieldPathPatch. Throws GoError (notFound when the from field path is missing). */
export function applyFromFieldPathPatch(p: Patch, from: JsonObject, to: JsonObject): void {
    const missing = fromFieldPathPatch(p, from, to);
    if (missing) throw missing.error();
}

/** ApplyFromFieldPathPatch, returning a missing from field path instead of throwing it. */
export function fromFieldPathPatch(p: Patch, from: JsonObject, to: JsonObject, canonical?: Canonical): NotFound | undefined {
    const input = lookup(from, p.fromFieldPath ?? "");
    if (input instanceof NotFound) return input;
    const out = resolveTransforms(p.transforms, input);
    const v = toValidJSON(out);
    const mo = toMergeOption(p);
    const path = toFieldPathOf(p);
    if (path.includes("[*]")) {
        const paths = expandWildcards(to, path);
        if (paths.length === 0) throw new GoError(`cannot expand ToFieldPath ${path}`);
        for (const f of paths) mergeValue(to, f, v, mo);
        fromUnstructured(to, canonical);
        return undefined;
    }
    try {
        mergeValue(to, path, v, mo);
        fromUnstructured(to, canonical);
    } catch (e) {
        throw wrap(e, "cannot patch to object");
    }
    return undefined;
}

export function combine(c: Combine, vars: Value[]): Value {
    if (c.strategy !== "string") throw new GoError(`combine strategy ${c.strategy} is not supported`);
    if (!c.string) throw new GoError(`given combine strategy ${c.strategy} requires configuration`);
    return sprintf(c.string.fmt, ...vars);
}

/** ApplyCombineFromVariablesPatch. Throws GoError (notFound when a variable's field path is missing). */
export function applyCombineFromVariablesPatch(p: Patch, from: JsonObject, to: JsonObject): void {
    const missing = combineFromVariablesPatch(p, from, to);
    if (missing) throw missing.error();
}

/** ApplyCombineFromVariablesPatch, returning the first missing variable instead of throwing it. */
export function combineFromVariablesPatch(p: Patch, from: JsonObject, to: JsonObject, canonical?: Canonical): NotFound | undefined {
    const c = p.combine as Combine;
    const vars: Value[] = [];
    for (const v of c.variables) {
        const found = lookup(from, v.fromFieldPath);
        if (found instanceof NotFound) return found;
        vars.push(found);
    }
    const out = resolveTransforms(p.transforms, combine(c, vars));
    const mo = toMergeOption(p);
    try {
        mergeValue(to, toFieldPathOf(p), out, mo);
        fromUnstructured(to, canonical);
    } catch (e) {
        throw wrap(e, "cannot patch to object");
    }
    return undefined;
}

/**
 * ApplyEnvironmentPatch: observed XR -> environment, or environment -> desired XR.
 * A missing from field path is returned, other errors throw.
 */
export function applyEnvironmentPatch(p: Patch, env: JsonObject, oxr: JsonObject, dxr: JsonObject, canonical?: Canonical): NotFound | undefined {
    switch (patchType(p)) {
        case "FromCompositeFieldPath":
        case "ToEnvironmentFieldPath":
            return fromFieldPathPatch(p, oxr, env, canonical);
        case "CombineFromComposite":
            return combineFromVariablesPatch(p, oxr, env, canonical);
        case "ToCompositeFieldPath":
        case "FromEnvironmentFieldPath":
            return fromFieldPathPatch(p, env, dxr, canonical);
        case "CombineToComposite":
            return combineFromVariablesPatch(p, env, dxr, canonical);
    }
    return undefined;
}

/** ToComposedResource: the patch writes to the desired composed resource. */
export function toComposedResource(p: Patch): boolean {
    return TO_COMPOSED.has(patchType(p));
}

const TO_COMPOSED = new Set(["FromCompositeFieldPath", "CombineFromComposite", "FromEnvironmentFieldPath", "CombineFromEnvironment"]);

/**
 * ApplyComposedPatch; patches from a composed resource that is not observed yet do nothing.
 * A missing from field path is returned, other errors throw.
 */
export function applyComposedPatch(
    p: Patch,
    ocd: JsonObject | undefined,
    dcd: JsonObject,
    oxr: JsonObject,
    dxr: JsonObject,
    env: JsonObject,
    canonical?: Canonical,
): NotFound | undefined {
    if (ocd === undefined && !toComposedResource(p)) return undefined;
    const o = ocd as JsonObject;
    switch (patchType(p)) {
        case "ToCompositeFieldPath":
            return fromFieldPathPatch(p, o, dxr, canonical);
        case "CombineToComposite":
            return combineFromVariablesPatch(p, o, dxr, canonical);
        case "ToEnvironmentFieldPath":
            return fromFieldPathPatch(p, o, env, canonical);
        case "CombineToEnvironment":
            return combineFromVariablesPatch(p, o, env, canonical);
        case "FromCompositeFieldPath":
            return fromFieldPathPatch(p, oxr, dcd, canonical);
        case "CombineFromComposite":
            return combineFromVariablesPatch(p, oxr, dcd, canonical);
        case "FromEnvironmentFieldPath":
            return fromFieldPathPatch(p, env, dcd, canonical);
        case "CombineFromEnvironment":
            return combineFromVariablesPatch(p, env, dcd, canonical);
    }
    return undefined;
}

/** PatchSet.GetComposedPatches: the type made explicit, no patchSetName. */
function inlined(p: Patch): Patch {
    const out: Patch = { ...p, type: patchType(p) };
    delete out.patchSetName;
    return out;
}

/** ComposedTemplates: inline PatchSets in place. */
export function composedTemplates(pss: PatchSet[], cts: ComposedTemplate[]): ComposedTemplate[] {
    const byName = new Map<string, Patch[]>();
    for (const s of pss) {
        if (s.patches.some((p) => patchType(p) === "PatchSet")) {
            throw new GoError("a patch in a PatchSet cannot be of type PatchSet");
        }
        byName.set(s.name, s.patches);
    }
    return cts.map((r) => {
        const po: Patch[] = [];
        for (const p of r.patches) {
            if (patchType(p) !== "PatchSet") {
                po.push(p);
                continue;
            }
            if (p.patchSetName === undefined) throw new GoError(`PatchSetName is required by type ${patchType(p)}`);
            const ps = byName.get(p.patchSetName);
            if (!ps) throw new GoError(`cannot find PatchSet by name ${p.patchSetName}`);
            po.push(...ps.map((x) => inlined(x)));
        }
        return { ...r, patches: po };
    });
}
