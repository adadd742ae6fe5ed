// patches.go: apply one patch between two objects, and the routing of each
// patch type to its source and target.
import { GoError, wrap } from "../go/errors";
import { sprintf } from "../go/fmt";
import { k8sRoundTrip, marshalJSON } from "../go/json";
import { JsonObject, Value } from "../go/values";
import { getValue } from "../fieldpath/get";
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
 * runtime.DefaultUnstructuredConverter.FromUnstructured into an Unstructured:
 * the whole object goes through JSON and the Kubernetes decoder (whole
 * float64s become int64), and an object without a kind is refused.
 */
function fromUnstructured(to: JsonObject): void {
    const round = k8sRoundTrip(to) as JsonObject;
    if (typeof round.kind !== "string" || round.kind === "") {
        throw new GoError(`Object 'Kind' is missing in '${marshalJSON(round)}'`);
    }
    for (const k of Object.keys(to)) delete to[k];
    Object.assign(to, round);
}

export function applyFromFieldPathPatch(p: Patch, from: JsonObject, to: JsonObject): void {
    const input = getValue(from, p.fromFieldPath ?? "");
    const out = resolveTransforms(p.transforms, input);
    const v = toValidJSON(out);
    const mo = toMergeOption(p);
    const path = toFieldPathOf(p);
    if (path.includes("[*]")) {
        const paths = expandWildcards(to, path);
        if (paths.length === 0) throw new GoError(`cannot expand ToFieldPath ${path}`);
        for (const f of paths) mergeValue(to, f, v, mo);
        fromUnstructured(to);
        return;
    }
    try {
        mergeValue(to, path, v, mo);
        fromUnstructured(to);
    } catch (e) {
        throw wrap(e, "cannot patch to object");
    }
}

export function combine(c: Combine, vars: Value[]): Value {
    if (c.strategy !== "string") throw new GoError(`combine strategy ${c.strategy} is not supported`);
    if (!c.string) throw new GoError(`given combine strategy ${c.strategy} requires configuration`);
    return sprintf(c.string.fmt, ...vars);
}

export function applyCombineFromVariablesPatch(p: Patch, from: JsonObject, to: JsonObject): void {
    const c = p.combine as Combine;
    const vars = c.variables.map((v) => getValue(from, v.fromFieldPath));
    const out = resolveTransforms(p.transforms, combine(c, vars));
    const mo = toMergeOption(p);
    try {
        mergeValue(to, toFieldPathOf(p), out, mo);
        fromUnstructured(to);
    } catch (e) {
        throw wrap(e, "cannot patch to object");
    }
}

/** ApplyEnvironmentPatch: observed XR -> environment, or environment -> desired XR. */
export function applyEnvironmentPatch(p: Patch, env: JsonObject, oxr: JsonObject, dxr: JsonObject): void {
    switch (patchType(p)) {
        case "FromCompositeFieldPath":
        case "ToEnvironmentFieldPath":
            return applyFromFieldPathPatch(p, oxr, env);
        case "CombineFromComposite":
            return applyCombineFromVariablesPatch(p, oxr, env);
        case "ToCompositeFieldPath":
        case "FromEnvironmentFieldPath":
            return applyFromFieldPathPatch(p, env, dxr);
        case "CombineToComposite":
            return applyCombineFromVariablesPatch(p, env, dxr);
    }
}

/** ToComposedResource: the patch writes to the desired composed resource. */
export function toComposedResource(p: Patch): boolean {
    return ["FromCompositeFieldPath", "CombineFromComposite", "FromEnvironmentFieldPath", "CombineFromEnvironment"].includes(
        patchType(p),
    );
}

/** ApplyComposedPatch; patches from a composed resource that is not observed yet do nothing. */
export function applyComposedPatch(
    p: Patch,
    ocd: JsonObject | undefined,
    dcd: JsonObject,
    oxr: JsonObject,
    dxr: JsonObject,
    env: JsonObject,
): void {
    if (ocd === undefined && !toComposedResource(p)) return;
    const o = ocd as JsonObject;
    switch (patchType(p)) {
        case "ToCompositeFieldPath":
            return applyFromFieldPathPatch(p, o, dxr);
        case "CombineToComposite":
            return applyCombineFromVariablesPatch(p, o, dxr);
        case "ToEnvironmentFieldPath":
            return applyFromFieldPathPatch(p, o, env);
        case "CombineToEnvironment":
            return applyCombineFromVariablesPatch(p, o, env);
        case "FromCompositeFieldPath":
            return applyFromFieldPathPatch(p, oxr, dcd);
        case "CombineFromComposite":
            return applyCombineFromVariablesPatch(p, oxr, dcd);
        case "FromEnvironmentFieldPath":
            return applyFromFieldPathPatch(p, env, dcd);
        case "CombineFromEnvironment":
            return applyCombineFromVariablesPatch(p, env, dcd);
    }
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
