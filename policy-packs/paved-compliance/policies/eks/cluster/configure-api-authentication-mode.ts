import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Cluster access is managed with access entries (authentication mode API), not the aws-auth ConfigMap.
 * @severity high
 * @frameworks cis-eks:4.1.7, cis-eks:5.5.1
 */
export const configureApiAuthenticationMode: ResourceValidationPolicy = {
    name: "aws-eks-cluster-configure-api-authentication-mode",
    description: "EKS clusters must use authentication mode API: access is granted by access entries, auditable in IAM, never by editing the aws-auth ConfigMap.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Use Cluster Access Manager API to streamline and enhance the management of access controls", "cisEks:4.1.7", "cisEks:5.5.1"),
    remediationSteps: "Set authenticationMode to API (eks.Cluster authenticationMode, aws.eks.Cluster accessConfig.authenticationMode). Existing clusters migrate CONFIG_MAP -> API_AND_CONFIG_MAP -> API.",
    validateResource: [
        validateResourceOfType(aws.eks.Cluster, (cluster, _, report) => {
            const mode = cluster.accessConfig?.authenticationMode ?? "CONFIG_MAP";
            if (mode !== "API") {
                report(`accessConfig.authenticationMode is ${mode}, not API.`);
            }
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            const mode = cluster.authenticationMode ?? "CONFIG_MAP";
            if (mode !== "API") {
                report(`authenticationMode is ${mode}, not API.`);
            }
        }),
    ],
};
