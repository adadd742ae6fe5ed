import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * The VPC CNI enforces Kubernetes NetworkPolicies; without it, default-deny policies are ignored.
 * @severity high
 * @frameworks cis-eks:4.3.1, cis-eks:5.4.4
 */
export const enableNetworkPolicy: ResourceValidationPolicy = {
    name: "aws-eks-addon-enable-network-policy",
    description: "The vpc-cni add-on must enforce Kubernetes NetworkPolicies (enableNetworkPolicy), so namespaces' default-deny policies take effect.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Ensure CNI plugin supports network policies", "cisEks:4.3.1", "cisEks:5.4.4"),
    remediationSteps: 'Set eks.Cluster vpcCniOptions.enableNetworkPolicy: true, or the vpc-cni add-on configurationValues {"enableNetworkPolicy": "true"}.',
    validateResource: [
        validateResourceOfType(aws.eks.Addon, (addon, args, report) => {
            if (addon.addonName !== "vpc-cni") {
                args.notApplicable("not the vpc-cni add-on");
            }
            let values: Record<string, unknown> = {};
            try {
                values = addon.configurationValues ? JSON.parse(addon.configurationValues) : {};
            } catch {
                report("configurationValues is not valid JSON.");
                return;
            }
            if (String(values.enableNetworkPolicy) !== "true") {
                report('configurationValues does not set enableNetworkPolicy to "true".');
            }
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            if (cluster.vpcCniOptions?.enableNetworkPolicy !== true) {
                report("vpcCniOptions.enableNetworkPolicy is not true.");
            }
        }),
        validateResourceOfType(eks.VpcCniAddon, (addon, _, report) => {
            if (addon.enableNetworkPolicy !== true) {
                report("enableNetworkPolicy is not true.");
            }
        }),
    ],
};
