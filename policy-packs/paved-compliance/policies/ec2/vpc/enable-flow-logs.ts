import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

export const vpcTypes = ["aws:ec2/vpc:Vpc", "awsx:ec2:Vpc"];

/**
 * Every VPC the program creates has a flow log.
 * @severity medium
 * @frameworks fsbp:EC2.6
 */
export const enableFlowLogs: StackValidationPolicy = {
    name: "aws-ec2-vpc-enable-flow-logs",
    description: "Every VPC must have a VPC flow log in the same program, so network traffic is recorded for investigation.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("VPC flow logging should be enabled in all VPCs", "fsbp:EC2.6", "nist:AU-12"),
    remediationSteps: "Create an aws.ec2.FlowLog for the VPC (vpcId from the VPC), delivering to a KMS-encrypted CloudWatch log group with retention.",
    validateStack: (args, report) => {
        const flowLogs = args.resources.filter((r) => r.type === "aws:ec2/flowLog:FlowLog");
        for (const vpc of args.resources.filter((r) => vpcTypes.includes(r.type))) {
            // A raw VPC inside an awsx Vpc is reached through its parent's outputs.
            const targets = new Set([vpc.urn, ...(vpc.parent && vpcTypes.includes(vpc.parent.type) ? [vpc.parent.urn] : [])]);
            if (!flowLogs.some((f) => dependsOnAny(f, "vpcId", targets))) {
                report(`VPC ${vpc.name} has no flow log (no aws.ec2.FlowLog takes its vpcId).`, vpc.urn);
            }
        }
    },
};

/** True when the given property of `r` was computed from one of `targets` (no property values read). */
export function dependsOnAny(r: PolicyResource, property: string, targets: Set<string>): boolean {
    return (r.propertyDependencies[property] ?? []).some((d) => targets.has(d.urn));
}
