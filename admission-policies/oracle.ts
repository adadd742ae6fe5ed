import { CROSSPLANE_USERNAME, REQUIRED_CLAIM_LABELS, type AdmissionPlan, type ClaimPlan, type PlannedParameter } from "./plan";

/**
 * What the admission policies must decide, written a second time in plain TypeScript and without
 * CEL: the suites take their expected results for claims that are not built to break one rule
 * from here, and a property test checks the generated CEL agrees with it on any object.
 */

export type Expected = { status: "pass" | "fail" | "skip"; why: string };

export interface OracleRequest {
    object: unknown;
    oldObject?: unknown;
    /** The claim's Namespace as the API server hands it (null or absent: none). */
    namespaceObject?: unknown;
    operation?: "CREATE" | "UPDATE";
    username?: string;
}

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isInt = (v: unknown): boolean => typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v));
const isType = (type: string, v: unknown): boolean => (type === "integer" ? isInt(v) : type === "string" ? typeof v === "string" : type === "boolean" ? typeof v === "boolean" : false);
const num = (v: unknown): number => Number(v);
const same = (a: unknown, b: unknown): boolean => (isInt(a) && isInt(b) ? num(a) === num(b) : a === b);
const mapOr = (v: unknown): Obj => (isMap(v) ? v : {});

function skipped(req: OracleRequest): Expected | undefined {
    if (req.username === CROSSPLANE_USERNAME) return { status: "skip", why: "request by Crossplane" };
    const metadata = mapOr(mapOr(req.object).metadata);
    if (Object.prototype.hasOwnProperty.call(metadata, "deletionTimestamp")) return { status: "skip", why: "being deleted" };
    return undefined;
}

/** A label with a non-empty string value. */
const labelSet = (labels: Obj, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key) && typeof labels[key] === "string" && labels[key] !== "";

/**
 * The `claim-labels` verdict: each required label set on the claim or, failing that, on its
 * namespace; the environment is the claim's label when set, else the namespace's.
 */
export function expectLabels(plan: AdmissionPlan, req: OracleRequest): Expected {
    const skip = skipped(req);
    if (skip) return skip;
    const metadata = mapOr(mapOr(req.object).metadata);
    const labels = mapOr(metadata.labels);
    // The API server hands a Namespace only with an object in one (it always fills the namespace in; offline it may be absent).
    const namespaced = typeof metadata.namespace === "string" && metadata.namespace !== "";
    const inherited = namespaced ? mapOr(mapOr(mapOr(req.namespaceObject).metadata).labels) : {};
    const missing = REQUIRED_CLAIM_LABELS.filter((l) => !labelSet(labels, l) && !labelSet(inherited, l));
    if (missing.length > 0) return { status: "fail", why: `missing labels ${missing.join(", ")}` };
    const environment = labelSet(labels, "environment") ? labels.environment : inherited.environment;
    if (environment !== plan.environment) {
        return { status: "fail", why: `environment ${String(environment)} (${labelSet(labels, "environment") ? "on the claim" : "from the namespace"}) is not ${plan.environment}` };
    }
    const from = REQUIRED_CLAIM_LABELS.filter((l) => !labelSet(labels, l));
    return { status: "pass", why: from.length === 0 ? "labelled for this environment" : `labelled for this environment (${from.join(", ")} from the namespace)` };
}

/** A parameter's value as the policy reads it: the XRD default when absent, null when neither. */
export function parameterValue(object: unknown, p: PlannedParameter): unknown {
    let node: Obj = mapOr(mapOr(mapOr(object).spec).parameters);
    const segments = p.path.split(".");
    for (const s of segments.slice(0, -1)) node = mapOr(node[s]);
    const last = segments[segments.length - 1];
    if (Object.prototype.hasOwnProperty.call(node, last)) return node[last];
    return p.xrd.default === undefined ? null : p.xrd.default;
}

/** The Compositions Crossplane could pick for the claim. */
export function effectiveCompositions(claim: ClaimPlan, object: unknown): string[] {
    const spec = mapOr(mapOr(object).spec);
    const ref = isMap(spec.compositionRef) && typeof spec.compositionRef.name === "string" ? spec.compositionRef.name : "";
    if (ref !== "") return [ref];
    const selector = isMap(spec.compositionSelector) && isMap(spec.compositionSelector.matchLabels) ? spec.compositionSelector.matchLabels : {};
    if (Object.keys(selector).length > 0) {
        return claim.compositions
            .filter((c) => Object.entries(selector).every(([k, v]) => typeof v === "string" && Object.prototype.hasOwnProperty.call(c.labels, k) && c.labels[k] === v))
            .map((c) => c.name);
    }
    return claim.defaultComposition ? [claim.defaultComposition] : [];
}

/** The `<kind>-claims` verdict. */
export function expectClaim(claim: ClaimPlan, req: OracleRequest): Expected {
    const skip = skipped(req);
    if (skip) return skip;
    const update = req.operation === "UPDATE";
    for (const p of claim.parameters) {
        const v = parameterValue(req.object, p);
        const field = `spec.parameters.${p.path}`;
        if (v !== null && !isType(p.xrd.type, v)) return { status: "fail", why: `${field} has the wrong type` };
        const present = v !== null;
        const r = p.rule;
        if (r.allowed && present && !r.allowed.some((a) => same(a, v))) return { status: "fail", why: `${field} not allowed` };
        if (r.min !== undefined && present && num(v) < r.min) return { status: "fail", why: `${field} below ${r.min}` };
        if (r.max !== undefined && present && num(v) > r.max) return { status: "fail", why: `${field} above ${r.max}` };
        if (r.equals !== undefined && !(present && same(v, r.equals))) return { status: "fail", why: `${field} must be ${String(r.equals)}` };
        if (update && (r.noDecrease || r.noDisable)) {
            const old = isMap(req.oldObject) ? parameterValue(req.oldObject, p) : null;
            if (r.noDecrease && isInt(old) && present && num(v) < num(old)) return { status: "fail", why: `${field} decreased` };
            if (r.noDisable && old === true && v !== true) return { status: "fail", why: `${field} switched off` };
        }
    }
    const compositions = effectiveCompositions(claim, req.object);
    if (compositions.length === 0) return { status: "fail", why: "no Composition matches" };
    const unapproved = compositions.filter((c) => !claim.approvedCompositions.includes(c));
    if (unapproved.length > 0) return { status: "fail", why: `Composition ${unapproved.join(", ")} not approved` };
    return { status: "pass", why: "within what the environment allows" };
}
