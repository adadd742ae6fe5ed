import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";

const providerConfigType = /^kubernetes:aws\.(m\.)?upbound\.io\/v[0-9a-z]+:(Cluster)?ProviderConfig$/;
const allowedSources = ["PodIdentity", "IRSA", "WebIdentity"];

/**
 * Crossplane's AWS providers authenticate with short-lived, workload-bound credentials, never keys in a Secret.
 * @severity high
 * @frameworks nist-800-53:IA-5
 */
export const disallowStaticCredentials: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-providerconfig-disallow-static-credentials",
    description: "AWS ProviderConfigs must use PodIdentity, IRSA or WebIdentity credentials, never long-lived access keys from a Secret.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Authenticator management", "nist:IA-5", "cisEks:4.4.2"),
    remediationSteps: "Set spec.credentials.source: PodIdentity and associate the providers' service account with a bounded role (components/crossplane).",
    validateResource: validateResourceOfTypes(["kubernetes:aws.upbound.io/v1beta1:ProviderConfig", "kubernetes:aws.m.upbound.io/v1beta1:ProviderConfig", "kubernetes:aws.m.upbound.io/v1beta1:ClusterProviderConfig"], (args, report) => {
        if (!providerConfigType.test(args.type)) {
            args.notApplicable("not an AWS ProviderConfig");
        }
        const source = ((args.props.spec ?? {}) as { credentials?: { source?: string } }).credentials?.source;
        if (!source || !allowedSources.includes(source)) {
            report(`spec.credentials.source is ${source ?? "unset"}, not one of ${allowedSources.join(", ")}.`);
        }
    }),
};
