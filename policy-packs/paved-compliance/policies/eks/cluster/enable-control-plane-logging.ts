import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

export const requiredLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/**
 * All five control-plane log types go to CloudWatch Logs.
 * @severity medium
 * @frameworks fsbp:EKS.8, cis-eks:2.1.1
 */
export const enableControlPlaneLogging: ResourceValidationPolicy = {
    name: "aws-eks-cluster-enable-control-plane-logging",
    description: "EKS clusters must send all five control-plane log types (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("EKS clusters should have audit logging enabled", "fsbp:EKS.8", "cisEks:2.1.1", "cisEks:2.1.2"),
    remediationSteps: `Set enabledClusterLogTypes to ${JSON.stringify(requiredLogTypes)} and pre-create the /aws/eks/<name>/cluster log group with KMS and retention.`,
    validateResource: [
        validateResourceOfType(aws.eks.Cluster, (cluster, _, report) => check(cluster.enabledClusterLogTypes, report)),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => check(cluster.enabledClusterLogTypes, report)),
    ],
};

function check(enabled: string[] | undefined, report: (m: string) => void): void {
    const missing = requiredLogTypes.filter((t) => !(enabled ?? []).includes(t));
    if (missing.length > 0) {
        report(`enabledClusterLogTypes is missing ${missing.join(", ")}.`);
    }
}
