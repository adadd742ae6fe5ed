import type { CatalogApi } from "../catalog";
import { exampleLabels, withGoldenPathLabels } from "./golden-path";
import { namespaceObjectFor } from "./namespaces";
import { expectClaim, expectLabels, type Expected } from "./oracle";
import type { AdmissionPlan, ClaimPlan, PlannedParameter } from "./plan";

/**
 * The kyverno-test cases of each generated policy. Claims built to break one rule carry the result
 * they were built for (and the generator checks the oracle agrees); the catalog's examples and the
 * minimal claims take theirs from the oracle (oracle.ts), never from the CEL under test.
 */

type Obj = Record<string, any>;

export interface SuiteCase {
    name: string;
    kind: string;
    object: Obj;
    expected: Expected["status"];
    operation?: "UPDATE";
    /** Why this result, for reviewers and the evidence. */
    why: string;
}

export const SYNTHETIC_NAMESPACE = "team-a";
/** A namespace no stack onboards: claims there carry their labels themselves or are denied. */
export const UNREGISTERED_NAMESPACE = "not-onboarded";

function plainJson(value: unknown): any {
    return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
}

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function setPath(target: Obj, path: string, value: unknown): void {
    const segments = path.split(".");
    let node = target;
    for (const s of segments.slice(0, -1)) node = node[s] = typeof node[s] === "object" && node[s] !== null ? node[s] : {};
    node[segments[segments.length - 1]] = value;
}

function deletePath(target: Obj, path: string): void {
    const segments = path.split(".");
    let node = target;
    for (const s of segments.slice(0, -1)) {
        node = node?.[s];
        if (typeof node !== "object" || node === null) return;
    }
    delete node[segments[segments.length - 1]];
}

function otherEnvironment(environment: string): string {
    return environment === "prod" ? "dev" : "prod";
}

/** The catalog's examples, golden-path labels added, as plain JSON. */
function examples(api: CatalogApi, environment: string): Obj[] {
    return api.examples.map((e) => withGoldenPathLabels(plainJson(e.object), exampleLabels(plainJson(e.object), environment)));
}

function synthetic(plan: AdmissionPlan, api: CatalogApi, name: string, parameters: Obj | undefined, extraSpec: Obj = {}): Obj {
    const spec: Obj = { ...(parameters === undefined ? {} : { parameters }), ...extraSpec };
    return withGoldenPathLabels(
        { apiVersion: api.apiVersion, kind: api.claimKind, metadata: { name, namespace: SYNTHETIC_NAMESPACE }, spec },
        { team: "team-a", app: "orders", environment: plan.environment, costCenter: "CC-4200-APPS" },
    );
}

function beingDeleted(claim: Obj, name: string): Obj {
    const copy = structuredClone(claim);
    copy.metadata.name = name;
    copy.metadata.deletionTimestamp = "2026-11-01T00:00:00Z";
    copy.metadata.finalizers = ["finalizer.apiextensions.crossplane.io"];
    return copy;
}

const AS_WRITTEN = "catalog example as written (no labels)";

/**
 * `claim-labels`: every catalog example as written (admitted where its namespace is onboarded, the
 * oracle says which) and with golden-path labels (admitted anywhere); in a namespace nobody onboarded,
 * missing or wrong labels fail; in an onboarded one, labels are inherited, partly or wholly, and a
 * claim's own environment label overrides the namespace's.
 */
export function labelSuite(plan: AdmissionPlan): SuiteCase[] {
    if (Object.prototype.hasOwnProperty.call(plan.namespaces, UNREGISTERED_NAMESPACE)) {
        throw new Error(`admission-policies: stack ${plan.stack} onboards ${UNREGISTERED_NAMESPACE}, the namespace the suites use as not onboarded`);
    }
    const tenant = Object.keys(plan.namespaces).sort()[0];
    const cases: SuiteCase[] = [];
    for (const claim of plan.claims) {
        const kind = claim.api.claimKind;
        for (const object of claim.api.examples.map((e) => plainJson(e.object) as Obj)) {
            cases.push({ name: object.metadata.name, kind, object, expected: "pass", why: AS_WRITTEN });
        }
        const labelled = examples(claim.api, plan.environment).map((o) => ({ ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-golden-path` } }));
        for (const object of labelled) cases.push({ name: object.metadata.name, kind, object, expected: "pass", why: "catalog example with the golden-path labels" });
        const base = labelled[0] ?? synthetic(plan, claim.api, slug(kind), {});
        const prefix = slug(kind);
        const variant = (suffix: string, namespace: string, expected: "pass" | "fail", edit: (labels: Obj, o: Obj) => void, why: string): void => {
            const object = structuredClone(base);
            object.metadata.name = `${prefix}-${suffix}`;
            object.metadata.namespace = namespace;
            edit(object.metadata.labels, object);
            cases.push({ name: object.metadata.name, kind, object, expected, why });
        };
        const elsewhere = UNREGISTERED_NAMESPACE;
        variant("no-labels", elsewhere, "fail", (_l, o) => delete o.metadata.labels, "no labels at all, in a namespace nobody onboarded");
        variant("no-cost-center", elsewhere, "fail", (l) => delete l["cost-center"], "cost-center missing, in a namespace nobody onboarded");
        variant("empty-owner", elsewhere, "fail", (l) => (l.owner = ""), "owner empty, in a namespace nobody onboarded");
        variant("other-environment", elsewhere, "fail", (l) => (l.environment = otherEnvironment(plan.environment)), `environment label is not ${plan.environment}`);
        if (tenant !== undefined) {
            variant("inherits-all", tenant, "pass", (_l, o) => delete o.metadata.labels, `no labels: all four inherited from the onboarded namespace ${tenant}`);
            variant("partial-labels", tenant, "pass", (_l, o) => (o.metadata.labels = { owner: "platform-guests", app: "reporting" }), `owner and app on the claim, environment and cost-center from ${tenant}`);
            variant("empty-owner-inherits", tenant, "pass", (l) => (l.owner = ""), `owner empty on the claim: ${tenant}'s applies`);
            variant("overrides-environment", tenant, "fail", (_l, o) => (o.metadata.labels = { environment: otherEnvironment(plan.environment) }), `the claim's environment label overrides ${tenant}'s with one that is not ${plan.environment}`);
        }
        const deleted = beingDeleted(base, `${prefix}-being-deleted`);
        deleted.metadata.namespace = elsewhere;
        delete deleted.metadata.labels;
        cases.push({ name: deleted.metadata.name, kind, object: deleted, expected: "skip", why: "being deleted: not judged again" });
    }
    return checked(cases, (c) => expectLabels(plan, { object: c.object, operation: c.operation, namespaceObject: namespaceObjectFor(plan.namespaces, c.object.metadata.namespace) }), [AS_WRITTEN]);
}

/** A value the rule allows, for building the compliant claim. */
function compliantValue(p: PlannedParameter): unknown {
    const r = p.rule;
    if (r.equals !== undefined) return r.equals;
    if (r.allowed) return r.allowed[0];
    if (r.min !== undefined || r.max !== undefined) {
        const d = typeof p.xrd.default === "number" ? p.xrd.default : undefined;
        if (d !== undefined && (r.min === undefined || d >= r.min) && (r.max === undefined || d <= r.max)) return d;
        return r.min ?? r.max;
    }
    return p.xrd.default ?? (p.xrd.type === "boolean" ? true : p.xrd.enum?.[0]);
}

/** Values that break one rule each, with a name and a reason. */
function violations(p: PlannedParameter): { suffix: string; value: unknown; why: string }[] {
    const r = p.rule;
    const out: { suffix: string; value: unknown; why: string }[] = [];
    const wrongType = p.xrd.type === "string" ? 42 : "42";
    out.push({ suffix: "wrong-type", value: wrongType, why: `spec.parameters.${p.path} of the wrong type` });
    if (r.allowed) {
        const outside = p.xrd.enum?.find((v) => !r.allowed!.includes(v as string | number))
            ?? (p.xrd.type === "integer" ? Math.max(...(r.allowed as number[])) + 1 : `${String(r.allowed[0])}-other`);
        out.push({ suffix: "not-allowed", value: outside, why: `spec.parameters.${p.path} ${String(outside)} is not in the allowed set` });
    }
    if (r.min !== undefined) out.push({ suffix: "below-min", value: r.min - 1, why: `spec.parameters.${p.path} below ${r.min}` });
    if (r.max !== undefined) out.push({ suffix: "above-max", value: r.max + 1, why: `spec.parameters.${p.path} above ${r.max}` });
    if (r.equals !== undefined) {
        const other = typeof r.equals === "boolean" ? !r.equals : p.xrd.enum?.find((v) => v !== r.equals);
        if (other !== undefined) out.push({ suffix: "not-equal", value: other, why: `spec.parameters.${p.path} must be ${String(r.equals)}` });
    }
    return out;
}

/** The compliant claim of a kind: every required and every ruled parameter set to an allowed value, an approved Composition. */
export function compliantClaim(plan: AdmissionPlan, claim: ClaimPlan, name = `${slug(claim.api.claimKind)}-compliant`): Obj {
    const params: Obj = {};
    for (const p of claim.parameters) setPath(params, p.path, compliantValue(p));
    for (const required of requiredParameters(claim)) {
        if (!claim.parameters.some((p) => p.path === required.path)) setPath(params, required.path, required.value);
    }
    const approved = claim.approvedCompositions[0];
    return synthetic(plan, claim.api, name, params, approved ? { compositionRef: { name: approved } } : {});
}

/** Parameters the XRD requires (top level of spec.parameters), with a value its schema accepts. */
function requiredParameters(claim: ClaimPlan): { path: string; value: unknown }[] {
    const params = claim.api.xrd.spec as Obj;
    const version = (params.versions as Obj[]).find((v) => v.name === claim.api.version);
    const schema = version?.schema?.openAPIV3Schema?.properties?.spec?.properties?.parameters;
    const required: string[] = schema?.required ?? [];
    return required.map((name) => {
        const prop = plainJson(schema.properties?.[name] ?? {});
        const value = prop.enum?.[0] ?? prop.default ?? (prop.type === "integer" ? prop.minimum ?? 1 : prop.type === "boolean" ? true : "x");
        return { path: name, value };
    });
}

/** `<kind>-claims`: compliant, minimal and example claims, one violation per rule, Composition choices, deletion. */
export function claimSuite(plan: AdmissionPlan, claim: ClaimPlan): SuiteCase[] {
    const kind = claim.api.claimKind;
    const prefix = slug(kind);
    const cases: SuiteCase[] = [];
    const compliant = compliantClaim(plan, claim);
    cases.push({ name: compliant.metadata.name, kind, object: compliant, expected: "pass", why: "every parameter within the allowed set, approved Composition" });
    const update = structuredClone(compliant);
    update.metadata.name = `${prefix}-unchanged-update`;
    cases.push({ name: update.metadata.name, kind, object: update, expected: "pass", operation: "UPDATE", why: "UPDATE that changes nothing" });

    const minimal = synthetic(plan, claim.api, `${prefix}-minimal`, undefined);
    const required = requiredParameters(claim);
    if (required.length > 0) {
        minimal.spec.parameters = {};
        for (const r of required) setPath(minimal.spec.parameters, r.path, (compliant.spec.parameters as Obj)[r.path] ?? r.value);
    }
    cases.push({ name: minimal.metadata.name, kind, object: minimal, expected: "pass", why: "optional fields absent: XRD defaults and the default Composition apply" });

    for (const object of examples(claim.api, plan.environment)) {
        cases.push({ name: object.metadata.name, kind, object, expected: "pass", why: "catalog example with the golden-path labels" });
    }

    for (const p of claim.parameters) {
        for (const v of violations(p)) {
            const object = structuredClone(compliant);
            object.metadata.name = `${prefix}-${slug(p.path)}-${v.suffix}`;
            setPath(object.spec.parameters, p.path, v.value);
            cases.push({ name: object.metadata.name, kind, object, expected: "fail", why: v.why });
        }
        if (p.rule.equals !== undefined && p.xrd.default === undefined) {
            const object = structuredClone(compliant);
            object.metadata.name = `${prefix}-${slug(p.path)}-absent`;
            deletePath(object.spec.parameters, p.path);
            cases.push({ name: object.metadata.name, kind, object, expected: "fail", why: `spec.parameters.${p.path} absent but required to be ${String(p.rule.equals)}` });
        }
    }

    for (const c of claim.compositions.filter((c) => !claim.approvedCompositions.includes(c.name))) {
        const byRef = structuredClone(compliant);
        byRef.metadata.name = `${prefix}-composition-${slug(c.name)}`;
        byRef.spec.compositionRef = { name: c.name };
        cases.push({ name: byRef.metadata.name, kind, object: byRef, expected: "fail", why: `Composition ${c.name} is not approved for ${plan.environment}` });
        if (Object.keys(c.labels).length > 0) {
            const bySelector = structuredClone(compliant);
            bySelector.metadata.name = `${prefix}-selector-${slug(c.name)}`;
            delete bySelector.spec.compositionRef;
            bySelector.spec.compositionSelector = { matchLabels: c.labels };
            cases.push({ name: bySelector.metadata.name, kind, object: bySelector, expected: "fail", why: `compositionSelector picks ${c.name}, not approved for ${plan.environment}` });
        }
    }
    const nothing = structuredClone(compliant);
    nothing.metadata.name = `${prefix}-selector-matches-nothing`;
    delete nothing.spec.compositionRef;
    nothing.spec.compositionSelector = { matchLabels: { "platform.example.com/tier": "unreviewed" } };
    cases.push({ name: nothing.metadata.name, kind, object: nothing, expected: "fail", why: "compositionSelector matches no Composition" });
    const approvedOnly = claim.compositions.find((c) => claim.approvedCompositions.includes(c.name) && Object.keys(c.labels).length > 0
        && claim.compositions.every((o) => claim.approvedCompositions.includes(o.name) || !Object.entries(c.labels).every(([k, v]) => o.labels[k] === v)));
    if (approvedOnly) {
        const bySelector = structuredClone(compliant);
        bySelector.metadata.name = `${prefix}-selector-approved`;
        delete bySelector.spec.compositionRef;
        bySelector.spec.compositionSelector = { matchLabels: approvedOnly.labels };
        cases.push({ name: bySelector.metadata.name, kind, object: bySelector, expected: "pass", why: `compositionSelector picks ${approvedOnly.name}, approved for ${plan.environment}` });
    }
    const unknown = structuredClone(compliant);
    unknown.metadata.name = `${prefix}-composition-unknown`;
    unknown.spec.compositionRef = { name: `${prefix}-unreviewed` };
    cases.push({ name: unknown.metadata.name, kind, object: unknown, expected: "fail", why: "a Composition that is not in the catalog" });

    const deleted = beingDeleted(compliant, `${prefix}-being-deleted`);
    deleted.spec.compositionRef = { name: `${prefix}-unreviewed` };
    cases.push({ name: deleted.metadata.name, kind, object: deleted, expected: "skip", why: "being deleted: not judged again" });

    // Minimal and example claims: the oracle says what the environment allows.
    return checked(cases, (c) => expectClaim(claim, { object: c.object, oldObject: c.operation === "UPDATE" ? c.object : undefined, operation: c.operation }), ["catalog example with the golden-path labels", "optional fields absent: XRD defaults and the default Composition apply"]);
}

/**
 * Cases built for a result must agree with the oracle (else the generator is wrong); cases whose
 * `why` is in `fromOracle` take the oracle's result and reason.
 */
function checked(cases: SuiteCase[], oracle: (c: SuiteCase) => Expected, fromOracle: string[] = []): SuiteCase[] {
    return cases.map((c) => {
        const expected = oracle(c);
        if (fromOracle.includes(c.why)) return { ...c, expected: expected.status, why: `${c.why}: ${expected.why}` };
        if (expected.status !== c.expected) {
            throw new Error(`admission-policies: case ${c.kind} ${c.name} was built to ${c.expected} but the oracle says ${expected.status} (${expected.why})`);
        }
        return c;
    });
}
