/**
 * Kyverno admission policies for the catalog's claims, generated per stack from `paved:admission`
 * (stack config) and the catalog's XRDs: group, plural, parameter paths, types and defaults come from
 * the XRDs, the allowed sets from the stack. The rendered policies and their kyverno-test suites are
 * committed under `admission-policies/<stack>/` (a test fails when they differ from the generator's).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadCatalog, type Catalog } from "../catalog";
import { problemsError } from "../cli/errors";
import { findProject, loadStackConfigFile } from "../offline-engine/project-files";
import { parseStackConfig, StackConfigError, type PlatformConfig } from "../stacks/config";
import { admit, buildResourceMap, compilePolicies, type CompiledPolicySet, type ResourceMap } from "../admission-evaluator";
import type { AdmissionConfig } from "./config";
import { renderStackFiles, type RenderedPolicy } from "./files";
import { namespaceObjectFor, tenantNamespaces, type TenantNamespaces } from "./namespaces";
import type { TenantSpec } from "../components/tenants/manifests";
import { tenantNetworkPolicy } from "./generating";
import { planAdmission, type AdmissionPlan } from "./plan";
import { claimSuite, labelSuite } from "./suites";
import { claimLabelsPolicy, claimPolicy, type PolicyObject } from "./validating";

export { admissionSchema, type AdmissionConfig, type ClaimRules, type ParameterRule } from "./config";
export { planAdmission, REQUIRED_CLAIM_LABELS, CROSSPLANE_USERNAME, type AdmissionPlan, type ClaimPlan } from "./plan";
export { goldenPathLabels, withGoldenPathLabels } from "./golden-path";
export { expectClaim, expectLabels } from "./oracle";
export { CLAIM_LABELS_POLICY, type PolicyObject } from "./validating";
export { TENANT_NETWORK_POLICY } from "./generating";
export { policiesDir } from "./files";
export { bareNamespace, namespaceObjectFor, tenantNamespaces, type TenantNamespaces } from "./namespaces";

const repositoryRoot = path.resolve(__dirname, "..");

export interface AdmissionPolicies {
    plan: AdmissionPlan;
    /** ValidatingPolicies, each with its suite cases (unless asked without), then the GeneratingPolicy. */
    rendered: RenderedPolicy[];
    /** Every policy object, in install order. */
    policies: PolicyObject[];
    validating: PolicyObject[];
}

export interface AdmissionSource {
    stack: string;
    environment: string;
    admission: AdmissionConfig;
    /** `paved:tenants`: the suites judge claims in these namespaces as the program creates them. */
    tenants?: Readonly<Record<string, TenantSpec>>;
    catalog?: Catalog;
}

/** Plans and generates a stack's policies; a config the catalog contradicts is a UserInputError (exit 2) listing every problem. */
export function generateAdmissionPolicies(source: AdmissionSource, options: { suites?: boolean } = {}): AdmissionPolicies {
    const catalog = source.catalog ?? loadCatalog();
    const namespaces = tenantNamespaces(source.tenants ?? {}, source.environment);
    const { plan, problems } = planAdmission({ stack: source.stack, environment: source.environment, admission: source.admission, catalog, namespaces });
    if (problems.length > 0) throw problemsError(`invalid paved:admission for stack ${source.stack}:`, problems);
    const rendered: RenderedPolicy[] = [
        { policy: claimLabelsPolicy(plan), cases: options.suites === false ? undefined : labelSuite(plan) },
        ...plan.claims.map((c) => ({ policy: claimPolicy(plan, c), cases: options.suites === false ? undefined : claimSuite(plan, c) })),
        { policy: tenantNetworkPolicy(plan) },
    ];
    const policies = rendered.map((r) => r.policy);
    return { plan, rendered, policies, validating: policies.filter((p) => p.kind === "ValidatingPolicy") };
}

/** The stack config of `Pulumi.<stack>.yaml`, validated (UserInputError on a missing stack, StackConfigError on bad config). */
export function stackConfig(stack: string): PlatformConfig {
    return parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);
}

/** A stack's policies from its `Pulumi.<stack>.yaml`. */
export function admissionPoliciesForStack(stack: string, catalog?: Catalog): AdmissionPolicies {
    const cfg = stackConfig(stack);
    return generateAdmissionPolicies({ stack, environment: cfg.environment, admission: cfg.admission, tenants: cfg.tenants, catalog });
}

/** Every stack of the project (`Pulumi.<stack>.yaml` beside Pulumi.yaml). */
export function stacks(): string[] {
    return fs.readdirSync(repositoryRoot).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => !!s).sort();
}

/** The files the generator writes for a stack. */
export function stackFiles(stack: string, catalog?: Catalog): Record<string, string> {
    const generated = admissionPoliciesForStack(stack, catalog);
    return renderStackFiles(stack, generated.rendered, generated.plan.namespaces);
}

/** Kind ↔ plural for the claims (and XRs) of the catalog, on top of the core kinds. */
export function catalogResourceMap(catalog: Catalog = loadCatalog()): ResourceMap {
    return buildResourceMap(catalog.apis.map((a) => a.xrd));
}

const compiledCache = new Map<string, CompiledPolicySet>();

/** A stack's ValidatingPolicies compiled once per process (for `paved admit`, `paved render`, the bench). */
export function compiledAdmissionPolicies(stack: string): CompiledPolicySet {
    let compiled = compiledCache.get(stack);
    if (!compiled) {
        const catalog = loadCatalog();
        compiled = compilePolicies(admissionPoliciesForStack(stack, catalog).validating, { resourceMap: catalogResourceMap(catalog) });
        compiledCache.set(stack, compiled);
    }
    return compiled;
}

/**
 * The policies the program installs for its stack: a config the catalog contradicts is a
 * StackConfigError (every problem, `paved:admission...: rule`), like any other bad stack config.
 */
export function policiesForProgram(stack: string, cfg: Pick<PlatformConfig, "environment" | "admission">): PolicyObject[] {
    const catalog = loadCatalog();
    const { problems } = planAdmission({ stack, environment: cfg.environment, admission: cfg.admission, catalog });
    if (problems.length > 0) throw new StackConfigError(problems);
    return generateAdmissionPolicies({ stack, environment: cfg.environment, admission: cfg.admission, catalog }, { suites: false }).policies;
}

const namespacesCache = new Map<string, TenantNamespaces>();

/** A stack's onboarded tenant namespaces as the cluster serves them (`paved:tenants` of `Pulumi.<stack>.yaml`), once per process. */
export function stackTenantNamespaces(stack: string): TenantNamespaces {
    let namespaces = namespacesCache.get(stack);
    if (!namespaces) {
        const cfg = stackConfig(stack);
        namespaces = tenantNamespaces(cfg.tenants, cfg.environment);
        namespacesCache.set(stack, namespaces);
    }
    return namespaces;
}

/**
 * The Namespace object the API server would hand the webhook for a namespaced object in `namespace`
 * on the stack's cluster: the onboarded tenant's as the program creates it, else a bare namespace.
 */
export function namespaceObjectForStack(stack: string, namespace: string): Record<string, unknown> {
    return namespaceObjectFor(stackTenantNamespaces(stack), namespace) as unknown as Record<string, unknown>;
}

/**
 * Why the stack's admission policies deny a claim as a developer's CREATE (empty when admitted):
 * one "Policy <name> failed: <message>" line per denying policy. The object should be the one the
 * API server hands the webhook: schema-validated and defaulted, in its namespace (default when none),
 * judged with that namespace as the stack's cluster holds it (`namespaceObjectForStack`).
 */
export function admissionDenials(stack: string, object: Record<string, unknown>): string[] {
    const compiled = compiledAdmissionPolicies(stack);
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "default";
    const subject = namespace === metadata.namespace ? object : { ...object, metadata: { ...metadata, namespace } };
    return admit(compiled, { object: subject, namespaceObject: namespaceObjectForStack(stack, namespace) }).denials;
}
