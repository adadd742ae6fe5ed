import { celList, celScalar, celString, celStringMapOfMaps, identifier } from "./cel";
import { CROSSPLANE_USERNAME, REQUIRED_CLAIM_LABELS, type AdmissionPlan, type ClaimPlan, type PlannedParameter } from "./plan";

/**
 * Kyverno ValidatingPolicy objects (policies.kyverno.io/v1, CEL, Deny) for one stack, generated from
 * its admission plan. Every field a claim may omit is read through `.?`/`orValue` and a `type()`
 * check, so a claim with a missing or mistyped field fails (or passes) a validation and never makes
 * an expression error.
 */

export type PolicyObject = {
    apiVersion: "policies.kyverno.io/v1";
    kind: "ValidatingPolicy" | "GeneratingPolicy";
    metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
    spec: Record<string, unknown>;
};

interface Variable {
    name: string;
    expression: string;
}
interface Validation {
    expression: string;
    message: string;
    messageExpression?: string;
    reason?: string;
}

export const POLICY_API_VERSION = "policies.kyverno.io/v1";
export const TITLE_ANNOTATION = "policies.kyverno.io/title";
export const DESCRIPTION_ANNOTATION = "policies.kyverno.io/description";

/** Requests judged: not those of Crossplane's own controller, not the updates of a claim being deleted. */
export const CLAIM_MATCH_CONDITIONS = [
    { name: "not-crossplane", expression: `request.userInfo.username != ${celString(CROSSPLANE_USERNAME)}` },
    { name: "not-being-deleted", expression: "!object.?metadata.?deletionTimestamp.hasValue()" },
];

export function metadataFor(plan: AdmissionPlan, name: string, title: string, description: string): PolicyObject["metadata"] {
    return {
        name,
        labels: { "app.kubernetes.io/managed-by": "paved", "paved.io/stack": plan.stack },
        annotations: {
            [TITLE_ANNOTATION]: title,
            [DESCRIPTION_ANNOTATION]: description,
            "paved.io/generated-from": `paved:admission of Pulumi.${plan.stack}.yaml and the catalog's XRDs (admission-policies/)`,
        },
    };
}

/** One resource rule per API group, listing the claim plurals of that group. */
function claimResourceRules(claims: readonly ClaimPlan[]) {
    const byGroup = new Map<string, string[]>();
    for (const c of claims) byGroup.set(c.api.group, [...(byGroup.get(c.api.group) ?? []), c.api.claimPlural]);
    return [...byGroup.entries()].map(([group, plurals]) => ({
        apiGroups: [group],
        apiVersions: ["*"],
        operations: ["CREATE", "UPDATE"],
        resources: plurals.sort(),
    }));
}

function validatingPolicy(metadata: PolicyObject["metadata"], claims: readonly ClaimPlan[], variables: Variable[], validations: Validation[]): PolicyObject {
    return {
        apiVersion: POLICY_API_VERSION,
        kind: "ValidatingPolicy",
        metadata,
        spec: {
            validationActions: ["Deny"],
            failurePolicy: "Fail",
            evaluation: { admission: { enabled: true }, background: { enabled: true } },
            matchConstraints: { resourceRules: claimResourceRules(claims) },
            matchConditions: CLAIM_MATCH_CONDITIONS,
            variables,
            validations,
        },
    };
}

export const CLAIM_LABELS_POLICY = "claim-labels";

/** What the denial tells a developer to do about missing labels. */
export const MISSING_LABELS_HINT = "set them on the claim or onboard the namespace in paved:tenants";

/**
 * Every claim kind of the catalog: the required labels, each on the claim or inherited from its
 * namespace (`namespaceObject`, an onboarded tenant's carries them all), and the effective environment
 * label (the claim's, else the namespace's) equal to the cluster's.
 *
 * `namespaceObject` is typed (a Namespace) in Kyverno and dyn offline: it is read only through
 * `.?metadata.?labels.orValue({})`, which type-checks for both, never compared with another type.
 */
export function claimLabelsPolicy(plan: AdmissionPlan): PolicyObject {
    const required = celList([...REQUIRED_CLAIM_LABELS]);
    const env = celString(plan.environment);
    const kinds = plan.claims.map((c) => c.api.claimKind).join(", ");
    const set = (map: string, key: string) => `(${key} in ${map} && type(${map}[${key}]) == string && ${map}[${key}] != '')`;
    return validatingPolicy(
        metadataFor(
            plan,
            CLAIM_LABELS_POLICY,
            "Claims carry owner, app, environment and cost-center labels for this environment, on the claim or from their namespace",
            `Every claim (${kinds}) must carry the labels ${REQUIRED_CLAIM_LABELS.join(", ")} with non-empty values, each set on the claim or inherited from its namespace's labels (a namespace onboarded in paved:tenants carries all four), and its environment label (the claim's, else the namespace's) must be "${plan.environment}", the environment of this cluster.`,
        ),
        plan.claims,
        [
            {
                name: "labels",
                expression:
                    "type(object.?metadata.orValue({})) == map && type(object.?metadata.?labels.orValue({})) == map\n  ? object.?metadata.?labels.orValue({})\n  : {}",
            },
            {
                name: "namespaceLabels",
                expression:
                    "namespaceObject != null && type(namespaceObject.?metadata.?labels.orValue({})) == map\n  ? namespaceObject.?metadata.?labels.orValue({})\n  : {}",
            },
            {
                name: "missing",
                expression: `${required}.filter(l, !${set("variables.labels", "l")} && !${set("variables.namespaceLabels", "l")})`,
            },
            {
                name: "environment",
                expression: [
                    `${set("variables.labels", "'environment'")} ? variables.labels['environment']`,
                    `: ${set("variables.namespaceLabels", "'environment'")} ? variables.namespaceLabels['environment']`,
                    ": ''",
                ].join("\n"),
            },
        ],
        [
            {
                expression: "variables.missing.size() == 0",
                message: `a claim must carry the labels ${REQUIRED_CLAIM_LABELS.join(", ")}: ${MISSING_LABELS_HINT}`,
                messageExpression: `request.kind.kind + ' is missing the required labels: ' + variables.missing.join(', ') + ' (${MISSING_LABELS_HINT}; namespace ' + request.namespace + ' does not carry them)'`,
                reason: "Invalid",
            },
            {
                expression: `variables.environment == ${env}`,
                message: `the environment label must be ${plan.environment} in this cluster`,
                messageExpression: `'label environment is "' + variables.environment + '" but this cluster is ${plan.environment}' + (${set("variables.labels", "'environment'")} ? ' (set on the claim, which overrides its namespace)' : ' (inherited from namespace ' + request.namespace + ')')`,
                reason: "Forbidden",
            },
        ],
    );
}

const typeOf: Record<string, string> = { integer: "int", string: "string", boolean: "bool" };
const article: Record<string, string> = { integer: "an integer", string: "a string", boolean: "a boolean" };

/** Variables reading spec.parameters (and, for UPDATE rules, oldObject's) without ever failing. */
class ParameterReader {
    readonly variables: Variable[] = [];
    private readonly known = new Set<string>();

    constructor() {
        this.add("spec", "type(object.?spec.orValue({})) == map ? object.?spec.orValue({}) : {}");
        this.add("params", "type(variables.spec.?parameters.orValue({})) == map ? variables.spec.?parameters.orValue({}) : {}");
    }

    private add(name: string, expression: string): void {
        if (this.known.has(name)) return;
        this.known.add(name);
        this.variables.push({ name, expression });
    }

    private oldRoot(): void {
        this.add("oldParams", "type(oldObject) == map && type(oldObject.?spec.orValue({})) == map && type(oldObject.?spec.?parameters.orValue({})) == map\n  ? oldObject.?spec.?parameters.orValue({})\n  : {}");
    }

    /** The variable holding the parameter's value, its XRD default when absent, null when neither. */
    value(p: PlannedParameter, old = false): string {
        if (old) this.oldRoot();
        const segments = p.path.split(".");
        let parent = old ? "oldParams" : "params";
        for (let i = 1; i < segments.length; i++) {
            const path = segments.slice(0, i).join(".");
            const name = identifier(old ? "oldObj" : "obj", path);
            const read = `variables.${parent}.?${segments[i - 1]}.orValue({})`;
            this.add(name, `type(${read}) == map ? ${read} : {}`);
            parent = name;
        }
        const name = identifier(old ? "oldParam" : "param", p.path);
        const fallback = p.xrd.default === undefined ? "null" : celScalar(p.xrd.default as string | number | boolean);
        this.add(name, `variables.${parent}.?${segments[segments.length - 1]}.orValue(${fallback})`);
        return `variables.${name}`;
    }
}

function parameterValidations(plan: AdmissionPlan, claim: ClaimPlan, reader: ParameterReader): Validation[] {
    const out: Validation[] = [];
    const env = plan.environment;
    for (const p of claim.parameters) {
        const field = `spec.parameters.${p.path}`;
        const v = reader.value(p);
        const celType = typeOf[p.xrd.type];
        const typed = `type(${v}) == ${celType}`;
        const str = `string(${v})`;
        const { allowed, min, max, equals, noDecrease, noDisable } = p.rule;
        // A type check comes first (the allowed set, equals, or a plain type validation): the rules
        // after it read the value without a type guard, since validations stop at the first failure.
        if (allowed && equals === undefined) {
            // `in` is false for a value of another type: the allowed set is the type check too.
            out.push({
                expression: `${v} == null || ${v} in ${celList(allowed)}`,
                message: `${field} must be one of ${allowed.join(", ")} in ${env}`,
                messageExpression: `'${field} ' + (${typed} ? ${str} : 'of another type') + ' is not allowed in ${env} (allowed: ${allowed.join(", ")})'`,
                reason: "Forbidden",
            });
        } else if (equals === undefined) {
            out.push({ expression: `${v} == null || ${typed}`, message: `${field} must be ${article[p.xrd.type]}`, reason: "Invalid" });
        } else {
            out.push({
                expression: `${typed} && ${v} == ${celScalar(equals)}`,
                message: `${field} must be ${String(equals)} in ${env}`,
                messageExpression: `'${field} must be ${String(equals)} in ${env} (got ' + (${v} == null ? 'nothing' : ${typed} ? ${str} : 'a value of another type') + ')'`,
                reason: "Forbidden",
            });
        }
        if (allowed && equals !== undefined) {
            out.push({
                expression: `${v} == null || ${v} in ${celList(allowed)}`,
                message: `${field} must be one of ${allowed.join(", ")} in ${env}`,
                messageExpression: `'${field} ' + ${str} + ' is not allowed in ${env} (allowed: ${allowed.join(", ")})'`,
                reason: "Forbidden",
            });
        }
        if (min !== undefined) {
            out.push({
                expression: `${v} == null || ${v} >= ${min}`,
                message: `${field} must be at least ${min} in ${env}`,
                messageExpression: `'${field} ' + ${str} + ' is below the minimum of ${min} in ${env}'`,
                reason: "Forbidden",
            });
        }
        if (max !== undefined) {
            out.push({
                expression: `${v} == null || ${v} <= ${max}`,
                message: `${field} must be at most ${max} in ${env}`,
                messageExpression: `'${field} ' + ${str} + ' is above the maximum of ${max} in ${env}'`,
                reason: "Forbidden",
            });
        }
        if (noDecrease) {
            const old = reader.value(p, true);
            out.push({
                expression: `request.operation != 'UPDATE' || ${v} == null || type(${old}) != int || ${v} >= ${old}`,
                message: `${field} may not decrease on update`,
                messageExpression: `'${field} may not decrease on update (from ' + string(${old}) + ' to ' + ${str} + ')'`,
                reason: "Forbidden",
            });
        }
        if (noDisable) {
            const old = reader.value(p, true);
            out.push({
                expression: `request.operation != 'UPDATE' || type(${old}) != bool || !${old} || ${v} == true`,
                message: `${field} may not be switched off on update`,
                messageExpression: `'${field} may not be switched off on update (it is true on the existing ${claim.api.claimKind})'`,
                reason: "Forbidden",
            });
        }
    }
    return out;
}

function compositionVariables(claim: ClaimPlan): Variable[] {
    const labels = Object.fromEntries(claim.compositions.map((c) => [c.name, c.labels]));
    const fallback = claim.defaultComposition ? `[${celString(claim.defaultComposition)}]` : "[]";
    return [
        {
            name: "compositionRef",
            expression:
                "type(variables.spec.?compositionRef.orValue({})) == map && type(variables.spec.?compositionRef.?name.orValue('')) == string\n  ? variables.spec.?compositionRef.?name.orValue('')\n  : ''",
        },
        {
            name: "compositionSelector",
            expression:
                "type(variables.spec.?compositionSelector.orValue({})) == map && type(variables.spec.?compositionSelector.?matchLabels.orValue({})) == map\n  ? variables.spec.?compositionSelector.?matchLabels.orValue({})\n  : {}",
        },
        { name: "compositionLabels", expression: celStringMapOfMaps(labels) },
        {
            name: "compositions",
            expression: [
                "variables.compositionRef != '' ? [variables.compositionRef]",
                ": variables.compositionSelector.size() > 0",
                "  ? variables.compositionLabels.filter(n, variables.compositionSelector.all(k,",
                "      type(variables.compositionSelector[k]) == string && k in variables.compositionLabels[n] && variables.compositionLabels[n][k] == variables.compositionSelector[k]))",
                `  : ${fallback}`,
            ].join("\n"),
        },
    ];
}

function compositionValidation(plan: AdmissionPlan, claim: ClaimPlan): Validation {
    const approved = claim.approvedCompositions;
    const list = approved.join(", ");
    return {
        expression: `variables.compositions.size() > 0 && variables.compositions.all(c, c in ${celList(approved)})`,
        message: `the claim's Composition must be one approved for ${plan.environment}: ${list}`,
        messageExpression: [
          "variables.compositions.size() == 0",
          `  ? 'no Composition of ${claim.api.claimKind} matches spec.compositionSelector (approved for ${plan.environment}: ${list})'`,
          `  : 'Composition ' + variables.compositions.join(', ') + ' is not approved for ${plan.environment}: set spec.compositionRef.name to ${approved.join(" or ")}'`,
        ].join("\n"),
        reason: "Forbidden",
    };
}

/** One claim kind: parameters within the environment's allowed set, an approved Composition, UPDATE rules. */
export function claimPolicy(plan: AdmissionPlan, claim: ClaimPlan): PolicyObject {
    const reader = new ParameterReader();
    const parameters = parameterValidations(plan, claim, reader);
    const rules = claim.parameters.map((p) => describeRule(p)).filter((s) => s !== "");
    const description = [
        `${claim.api.claimKind} claims (${claim.api.group}/${claim.api.claimPlural}) in ${plan.environment}: Composition one of ${claim.approvedCompositions.join(", ") || "(none)"} (by compositionRef, compositionSelector or the XRD default ${claim.defaultComposition ?? "(none)"})`,
        ...rules,
    ].join("; ");
    return validatingPolicy(
        metadataFor(plan, claim.policyName, `${claim.api.claimKind} claims within what ${plan.environment} allows`, description + (claim.unconfigured ? " (no paved:admission entry: XRD bounds only)" : "")),
        [claim],
        [...reader.variables, ...compositionVariables(claim)],
        [...parameters, compositionValidation(plan, claim)],
    );
}

/** One line per parameter rule, for descriptions and the evidence. */
export function describeRule(p: PlannedParameter): string {
    const r = p.rule;
    const parts: string[] = [];
    if (r.allowed) parts.push(`one of ${r.allowed.join(", ")}`);
    if (r.min !== undefined && r.max !== undefined) parts.push(`between ${r.min} and ${r.max}`);
    else if (r.min !== undefined) parts.push(`at least ${r.min}`);
    else if (r.max !== undefined) parts.push(`at most ${r.max}`);
    if (r.equals !== undefined) parts.push(`equal to ${String(r.equals)}`);
    if (r.noDecrease) parts.push("never decreased on update");
    if (r.noDisable) parts.push("never switched off on update");
    return parts.length === 0 ? "" : `spec.parameters.${p.path} ${parts.join(", ")}`;
}

export function validatingPolicies(plan: AdmissionPlan): PolicyObject[] {
    return [claimLabelsPolicy(plan), ...plan.claims.map((c) => claimPolicy(plan, c))];
}
