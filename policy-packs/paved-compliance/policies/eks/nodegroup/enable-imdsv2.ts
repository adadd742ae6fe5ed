import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Node groups launch from a launch template the program controls (where IMDSv2 and encryption are
 * checked), never from EKS's default template.
 * @severity high
 * @frameworks fsbp:EC2.8, fsbp:AutoScaling.3
 */
export const enableNodeGroupImdsv2: ResourceValidationPolicy = {
    name: "aws-eks-nodegroup-enable-imdsv2",
    description: "EKS node groups must launch from a program-managed launch template (IMDSv2, hop limit 1, encrypted volumes), not EKS defaults.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", "fsbp:EC2.8", "fsbp:AutoScaling.3"),
    remediationSteps: "Give the node group a launchTemplate {id, version} whose metadataOptions require IMDSv2 with hop limit 1; with @pulumi/eks set enableIMDSv2 or a launchTemplate, and skip the default node group.",
    validateResource: [
        validateResourceOfType(aws.eks.NodeGroup, (ng, _, report) => {
            if (!ng.launchTemplate?.id && !ng.launchTemplate?.name) {
                report("no launchTemplate: instances get EKS's default metadata options.");
            }
        }),
        validateResourceOfType(eks.ManagedNodeGroup, (ng, _, report) => {
            if (!ng.launchTemplate && ng.enableIMDSv2 !== true) {
                report("neither launchTemplate nor enableIMDSv2 is set.");
            }
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            if (cluster.skipDefaultNodeGroup !== true) {
                report("the default node group is created from a launch configuration this program does not control (set skipDefaultNodeGroup: true and use managed node groups with a launch template).");
            }
        }),
    ],
};
