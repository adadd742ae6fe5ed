import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyObject } from "../../admission-policies";

export interface AdmissionPoliciesArgs {
    /** The stack's generated policies (admission-policies/: ValidatingPolicies, then the GeneratingPolicy). */
    policies: PolicyObject[];
    /** What serves the policies.kyverno.io CRDs and runs the webhook: the Kyverno release (`Admission.policiesReady`). */
    kyvernoReady: pulumi.Resource[];
    /** What serves the claim kinds the policies match (the catalog's XRDs), so Kyverno resolves them at once. */
    claimKindsReady?: pulumi.Resource[];
}

/**
 * Installs the stack's Kyverno admission policies, one CustomResource each, after Kyverno: a first
 * `pulumi up` would otherwise fail on the missing CRDs, and a policy without the webhook enforces nothing.
 */
export class AdmissionPolicies extends pulumi.ComponentResource {
    /** Names of the installed policies, by kind. */
    public readonly policyNames: { validating: string[]; generating: string[] };

    constructor(name: string, args: AdmissionPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:admission:AdmissionPolicies", name, {}, opts);
        for (const policy of args.policies) {
            new k8s.apiextensions.CustomResource(
                `${name}-${policy.metadata.name}`,
                { apiVersion: policy.apiVersion, kind: policy.kind, metadata: policy.metadata, spec: policy.spec },
                { parent: this, dependsOn: [...args.kyvernoReady, ...(args.claimKindsReady ?? [])] },
            );
        }
        this.policyNames = {
            validating: args.policies.filter((p) => p.kind === "ValidatingPolicy").map((p) => p.metadata.name),
            generating: args.policies.filter((p) => p.kind === "GeneratingPolicy").map((p) => p.metadata.name),
        };
        this.registerOutputs({ policies: args.policies.map((p) => `${p.kind}/${p.metadata.name}`) });
    }
}
