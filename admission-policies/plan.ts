import type { Catalog, CatalogApi } from "../catalog";
import type { AdmissionConfig, ParameterRule } from "./config";
import type { TenantNamespaces } from "./namespaces";
import { xrdParameters, type XrdParameter } from "./xrd-parameters";

/**
 * Labels every claim carries, on the claim or inherited from its namespace (an onboarded tenant's
 * namespace carries them all, `paved:tenants`); the Owner, App, Environment and CostCenter of its resources.
 */
export const REQUIRED_CLAIM_LABELS = ["owner", "app", "environment", "cost-center"] as const;

/**
 * Requests Crossplane itself makes on claims (finalizers, resourceRef, the selected compositionRef)
 * are not judged again: the claim was admitted when the developer submitted it, and a tightened
 * policy must not wedge the claim's reconciliation. The core controller's service account of the
 * Crossplane chart in its namespace.
 */
export const CROSSPLANE_USERNAME = "system:serviceaccount:crossplane-system:crossplane";

/** A parameter rule resolved against its XRD declaration. */
export interface PlannedParameter {
    path: string;
    xrd: XrdParameter;
    rule: ParameterRule;
}

/** Everything the policies, suites and oracle of one claim kind are built from. */
export interface ClaimPlan {
    api: CatalogApi;
    /** `<claim kind, lower case>-claims`. */
    policyName: string;
    /** Compositions allowed in this environment. */
    approvedCompositions: string[];
    /** Every Composition of the API and its labels (for compositionSelector). */
    compositions: { name: string; labels: Record<string, string> }[];
    defaultComposition?: string;
    parameters: PlannedParameter[];
    /** True when `paved:admission.claims` has no entry for this kind. */
    unconfigured: boolean;
}

export interface AdmissionPlan {
    stack: string;
    environment: string;
    claims: ClaimPlan[];
    /** The onboarded tenants' namespaces as the cluster serves them (`paved:tenants`): the suites judge claims in them. */
    namespaces: TenantNamespaces;
    /** Facts a reviewer should know (APIs without environment rules). */
    warnings: string[];
}

export interface PlanInput {
    stack: string;
    /** `paved:environment`. */
    environment: string;
    /** `paved:admission`. */
    admission: AdmissionConfig;
    catalog: Catalog;
    /** The stack's tenant namespaces as served (admission-policies/namespaces.ts); none when absent. */
    namespaces?: TenantNamespaces;
}

export function claimPolicyName(api: CatalogApi): string {
    return `${api.claimKind.toLowerCase()}-claims`;
}

const where = (kind: string, rest = "") => `paved:admission.claims.${kind}${rest}`;

/**
 * Resolves `paved:admission` against the catalog. Returns every problem (a kind the catalog does
 * not have, a parameter its XRD does not declare, a value outside the XRD's enum, a rule that does
 * not fit the parameter's type, an unknown composition), one `key.path: rule` line each.
 */
export function planAdmission(input: PlanInput): { plan: AdmissionPlan; problems: string[] } {
    const problems: string[] = [];
    const warnings: string[] = [];
    const kinds = new Map(input.catalog.apis.map((a) => [a.claimKind, a]));
    for (const kind of Object.keys(input.admission.claims)) {
        if (!kinds.has(kind)) problems.push(`${where(kind)}: no catalog API has claim kind ${kind} (catalog: ${[...kinds.keys()].join(", ")})`);
    }
    const claims = input.catalog.apis.map((api): ClaimPlan => {
        const rules = input.admission.claims[api.claimKind];
        const declared = xrdParameters(api);
        const parameters: PlannedParameter[] = [];
        for (const [path, rule] of Object.entries(rules?.parameters ?? {})) {
            const xrd = declared.get(path);
            const at = where(api.claimKind, `.parameters.${path}`);
            if (!xrd) {
                const leaves = [...declared.values()].filter((p) => p.type !== "object").map((p) => p.path);
                problems.push(`${at}: ${api.claimKind} has no parameter ${path} (catalog/${api.xrdFile} declares: ${leaves.join(", ")})`);
                continue;
            }
            problems.push(...ruleProblems(at, xrd, rule));
            parameters.push({ path, xrd, rule });
        }
        const names = api.compositions.map((c) => c.name);
        const approved = rules?.compositions ?? (api.defaultComposition ? [api.defaultComposition] : []);
        (rules?.compositions ?? []).forEach((name, i) => {
            if (!names.includes(name)) problems.push(`${where(api.claimKind, `.compositions[${i}]`)}: ${name} is not a Composition of ${api.claimKind} (catalog: ${names.join(", ")})`);
        });
        if (!rules) warnings.push(`${api.claimKind}: no paved:admission.claims entry; its XRD's bounds apply and only its default composition (${api.defaultComposition ?? "none"}) is approved`);
        return {
            api,
            policyName: claimPolicyName(api),
            approvedCompositions: approved,
            compositions: api.compositions.map((c) => ({ name: c.name, labels: c.labels })),
            defaultComposition: api.defaultComposition,
            parameters,
            unconfigured: !rules,
        };
    });
    return { plan: { stack: input.stack, environment: input.environment, claims, namespaces: input.namespaces ?? {}, warnings }, problems };
}

function ruleProblems(at: string, xrd: XrdParameter, rule: ParameterRule): string[] {
    const problems: string[] = [];
    const type = xrd.type;
    const fits = (v: unknown) => (type === "integer" ? typeof v === "number" && Number.isInteger(v) : type === "string" ? typeof v === "string" : type === "boolean" ? typeof v === "boolean" : false);
    const inEnum = (v: unknown) => xrd.enum === undefined || xrd.enum.includes(v as never);
    if (type !== "integer" && type !== "string" && type !== "boolean") {
        return [`${at}: rules apply to integer, string and boolean parameters (${xrd.path} is ${type})`];
    }
    rule.allowed?.forEach((v, i) => {
        if (type === "boolean") problems.push(`${at}.allowed: does not apply to a boolean parameter (use equals)`);
        else if (!fits(v)) problems.push(`${at}.allowed[${i}]: ${JSON.stringify(v)} is not a ${type}`);
        else if (!inEnum(v)) problems.push(`${at}.allowed[${i}]: ${JSON.stringify(v)} is not one of the XRD's values (${xrd.enum!.join(", ")})`);
    });
    for (const bound of ["min", "max"] as const) {
        if (rule[bound] !== undefined && type !== "integer") problems.push(`${at}.${bound}: applies to integer parameters only (${xrd.path} is ${type})`);
    }
    if (rule.equals !== undefined && (!fits(rule.equals) || !inEnum(rule.equals))) {
        problems.push(`${at}.equals: ${JSON.stringify(rule.equals)} is not a valid ${type} value of ${xrd.path}`);
    }
    if (rule.noDecrease && type !== "integer") problems.push(`${at}.noDecrease: applies to integer parameters only (${xrd.path} is ${type})`);
    if (rule.noDisable && type !== "boolean") problems.push(`${at}.noDisable: applies to boolean parameters only (${xrd.path} is ${type})`);
    return problems;
}
