import { strict as assert } from "assert";
import * as path from "path";
import { errorsOf, formatProblem, loadCrdDirectory, validateManifest } from "../../manifest-validator";
import { admit, compilePolicies, type AdmissionInput, type CompiledPolicySet, type PolicyResult } from "../../admission-evaluator";
import { loadCatalog } from "../../catalog";
import { admissionPoliciesForStack, catalogResourceMap, stacks, type AdmissionPolicies } from "../../admission-policies";
import type { PolicyObject } from "../../admission-policies/validating";

const generated = new Map<string, AdmissionPolicies>();

/** A stack's generated policies (once per process). */
export function policiesOf(stack: string): AdmissionPolicies {
    let g = generated.get(stack);
    if (!g) {
        g = admissionPoliciesForStack(stack, loadCatalog());
        generated.set(stack, g);
    }
    return g;
}

export const allStacks = stacks();

export function compile(policies: readonly PolicyObject[]): CompiledPolicySet {
    return compilePolicies(policies, { resourceMap: catalogResourceMap(loadCatalog()) });
}

const compiledCache = new Map<string, CompiledPolicySet>();
export function compiledFor(stack: string): CompiledPolicySet {
    let c = compiledCache.get(stack);
    if (!c) {
        c = compile(policiesOf(stack).validating);
        compiledCache.set(stack, c);
    }
    return c;
}

/** The result of one named policy on one request. */
export function resultOf(compiled: CompiledPolicySet, policy: string, input: AdmissionInput): PolicyResult {
    const r = admit(compiled, input).results.find((x) => x.policy === policy);
    if (!r) throw new Error(`no result for policy ${policy}`);
    return r;
}

export { referenceClaimText as REFERENCE_CLAIM } from "../helpers/reference-claim";

/** The object validates against the Kyverno CRDs of PAVED_CRD_DIR (use inside describeWithCrds). */
export function assertValidForKyverno(object: unknown, label: string): void {
    const registry = loadCrdDirectory(path.join(process.env.PAVED_CRD_DIR!, "kyverno"));
    const errors = errorsOf(validateManifest(registry, object)).map(formatProblem);
    assert.deepEqual(errors, [], `${label} is not valid for the Kyverno CRDs`);
}
