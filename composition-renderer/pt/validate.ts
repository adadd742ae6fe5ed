// validate.go: the input checks the function runs before rendering.
import { FieldError, invalid, required } from "../go/field-error";
import { Combine, ComposedTemplate, ConnectionDetail, Patch, PatchSet, ReadinessCheck, Resources, patchType } from "./input-types";
import { validateTransform } from "./validate-transforms";

const READINESS_TYPES = ["NonEmpty", "MatchString", "MatchInteger", "MatchTrue", "MatchFalse", "MatchCondition", "None"];
const CONNECTION_TYPES = ["FromConnectionSecretKey", "FromFieldPath", "FromValue"];
const TO_POLICIES = [
    "Replace",
    "MergeObjects",
    "MergeObjectsAppendArrays",
    "ForceMergeObjects",
    "ForceMergeObjectsAppendArrays",
    "MergeObject",
    "AppendArray",
];
const ENV_PATCH_TYPES = [
    "FromCompositeFieldPath",
    "ToCompositeFieldPath",
    "CombineFromComposite",
    "CombineToComposite",
    "FromEnvironmentFieldPath",
    "ToEnvironmentFieldPath",
];

export function validateResources(r: Resources): FieldError | undefined {
    for (const ps of r.patchSets) {
        const err = validatePatchSet(ps);
        if (err) return err;
    }
    if (r.resources.length === 0 && (!r.environment || r.environment.patches.length === 0)) {
        return required("resources", "resources or environment patches are required");
    }
    for (let i = 0; i < r.resources.length; i++) {
        const err = validateComposedTemplate(r.resources[i]);
        if (err) return err.under(`resources[${i}]`);
    }
    if (r.environment) {
        const err = validateEnvironmentPatches(r.environment.patches);
        if (err) return err.under("environment");
    }
    return undefined;
}

export function validateComposedTemplate(t: ComposedTemplate): FieldError | undefined {
    if (t.name === "") return required("name", "name is required");
    return (
        first(t.patches, (p) => validatePatch(p, true), "patches") ??
        first(t.connectionDetails, validateConnectionDetail, "connectionDetails") ??
        first(t.readinessChecks, validateReadinessCheck, "readinessChecks")
    );
}

function first<T>(items: T[], check: (t: T) => FieldError | undefined, name: string): FieldError | undefined {
    for (let i = 0; i < items.length; i++) {
        const err = check(items[i]);
        if (err) return err.under(`${name}[${i}]`);
    }
    return undefined;
}

export function validatePatchSet(ps: PatchSet): FieldError | undefined {
    if (ps.name === "") return required("name", "name is required");
    return first(ps.patches, (p) => validatePatch(p, false), "patches");
}

function validateEnvironmentPatches(patches: Patch[]): FieldError | undefined {
    for (let i = 0; i < patches.length; i++) {
        const t = patchType(patches[i]);
        if (!ENV_PATCH_TYPES.includes(t)) return invalid(`patches[${i}][type]`, t, "invalid environment patch type");
        const err = validatePatch(patches[i], false);
        if (err) return err.under(`patches[${i}]`);
    }
    return undefined;
}

export function validateReadinessCheck(r: ReadinessCheck): FieldError | undefined {
    if (!READINESS_TYPES.includes(r.type)) return invalid("type", r.type, "unknown readiness check type", false);
    switch (r.type) {
        case "None":
            return undefined;
        case "MatchString":
            if (r.matchString === undefined) return required("matchString", "cannot be nil for type MatchString");
            break;
        case "MatchInteger":
            if (r.matchInteger === undefined) return required("matchInteger", "cannot be nil for type MatchInteger");
            break;
        case "MatchCondition": {
            const m = r.matchCondition;
            if (!m) return undefined;
            if (m.type === "") return required("matchCondition.type", "cannot be empty for type MatchCondition");
            if (m.status === "") return required("matchCondition.status", "cannot be empty for type MatchCondition");
            return undefined;
        }
    }
    if (r.fieldPath === undefined) return required("fieldPath", "cannot be empty");
    return undefined;
}

/** `composed` is true for ComposedPatch, which alone may be a PatchSet reference. */
export function validatePatch(p: Patch, composed: boolean): FieldError | undefined {
    const t = patchType(p);
    switch (t) {
        case "FromCompositeFieldPath":
        case "ToCompositeFieldPath":
        case "FromEnvironmentFieldPath":
        case "ToEnvironmentFieldPath":
            if (!p.fromFieldPath) return required("fromFieldPath", `fromFieldPath must be set for patch type ${t}`);
            break;
        case "PatchSet":
            if (!composed) return invalid("type", t, `patch type *v1beta1.PatchSetPatch does not support patch of type ${t}`);
            if (!p.patchSetName) return required("patchSetName", `patchSetName must be set for patch type ${t}`);
            break;
        case "CombineFromComposite":
        case "CombineToComposite":
        case "CombineFromEnvironment":
        case "CombineToEnvironment":
            if (!p.combine) return required("combine", `combine must be set for patch type ${t}`);
            if (!(p.toFieldPath ?? p.fromFieldPath)) return required("toFieldPath", `toFieldPath must be set for patch type ${t}`);
            return validateCombine(p.combine)?.under("combine");
        default:
            return invalid("type", t, "unknown patch type");
    }
    const terr = first(p.transforms, validateTransform, "transforms");
    if (terr) return terr;
    if (p.policy) {
        const to = p.policy.toFieldPath ?? "Replace";
        if (!TO_POLICIES.includes(to)) return invalid("policy.toFieldPathPolicy", to, "unknown toFieldPathPolicy");
        const from = p.policy.fromFieldPath ?? "Optional";
        if (from !== "Required" && from !== "Optional") {
            return invalid("policy.fromFieldPathPolicy", from, "unknown fromFieldPathPolicy");
        }
    }
    return undefined;
}

export function validateCombine(c: Combine): FieldError | undefined {
    if (c.strategy === "") return required("strategy", "a combine strategy must be provided");
    if (c.strategy !== "string") return invalid("strategy", c.strategy, "unknown strategy type");
    if (!c.string) return required("string", `string must be set for combine strategy ${c.strategy}`);
    if (c.variables.length === 0) return required("variables", "at least one variable must be provided");
    for (let i = 0; i < c.variables.length; i++) {
        if (c.variables[i].fromFieldPath === "") {
            return required(`variables[${i}].fromFieldPath`, "fromFieldPath must be set for each combine variable");
        }
    }
    return undefined;
}

export function validateConnectionDetail(cd: ConnectionDetail): FieldError | undefined {
    if (cd.type === "") return required("type", "connection detail type is required");
    if (!CONNECTION_TYPES.includes(cd.type)) return invalid("type", cd.type, "unknown connection detail type", false);
    if (cd.name === "") return required("name", "name is required");
    if (cd.type === "FromValue" && cd.value === undefined) return required("value", "value connection detail requires a value");
    if (cd.type === "FromConnectionSecretKey" && cd.fromConnectionSecretKey === undefined) {
        return required("fromConnectionSecretKey", "from connection secret key connection detail requires a key");
    }
    if (cd.type === "FromFieldPath" && cd.fromFieldPath === undefined) {
        return required("fromFieldPath", "from field path connection detail requires a field path");
    }
    return undefined;
}
