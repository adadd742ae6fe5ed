import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { ec2NodeClassSpec, ec2NodeClassType } from "./ec2nodeclass";

/**
 * Nodes Karpenter launches answer only IMDSv2, and only to the host (hop limit 1), so pods cannot
 * read the node role's credentials.
 * @severity high
 * @frameworks fsbp:EC2.8, fsbp:EC2.170
 */
export const enableEc2NodeClassImdsv2: ResourceValidationPolicy = {
    name: "kubernetes-karpenter-ec2nodeclass-enable-imdsv2",
    description: "Karpenter EC2NodeClasses must set metadataOptions explicitly with httpTokens: required and httpPutResponseHopLimit: 1.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", "fsbp:EC2.8", "fsbp:EC2.170", "nist:AC-6"),
    remediationSteps:
        "Set spec.metadataOptions { httpEndpoint: enabled, httpProtocolIPv6: disabled, httpTokens: required, httpPutResponseHopLimit: 1 } (components/karpenter/manifests.ts nodeMetadataOptions).",
    configSchema: { properties: { maximumHopLimit: { type: "integer", minimum: 1, maximum: 64, default: 1 } } },
    validateResource: validateResourceOfTypes([ec2NodeClassType], (args, report) => {
        const spec = ec2NodeClassSpec(args);
        if (!spec) {
            return;
        }
        const { maximumHopLimit } = args.getConfig<{ maximumHopLimit: number }>();
        const options = spec.metadataOptions;
        if (!options) {
            report("spec.metadataOptions is not set: the node class relies on the CRD's defaults; state httpTokens: required and httpPutResponseHopLimit: 1 explicitly.");
            return;
        }
        if (options.httpEndpoint === "disabled") {
            return; // no metadata service at all
        }
        if (options.httpTokens !== "required") {
            report(`spec.metadataOptions.httpTokens is ${options.httpTokens ?? "unset"}, not required (IMDSv1 allowed).`);
        }
        const hops = options.httpPutResponseHopLimit;
        if (hops === undefined || hops > maximumHopLimit) {
            report(`spec.metadataOptions.httpPutResponseHopLimit is ${hops ?? "unset"}; it must be at most ${maximumHopLimit} so pods cannot reach the node's credentials.`);
        }
    }),
};
