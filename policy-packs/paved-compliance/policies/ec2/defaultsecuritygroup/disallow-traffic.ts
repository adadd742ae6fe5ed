import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { dependsOnAny, vpcTypes } from "../vpc/enable-flow-logs";

/**
 * Each VPC's default security group is managed and allows nothing, so nothing lands in it by accident.
 * @severity medium
 * @frameworks fsbp:EC2.2
 */
export const disallowTraffic: StackValidationPolicy = {
    name: "aws-ec2-defaultsecuritygroup-disallow-traffic",
    description: "Every VPC's default security group must be adopted by the program with no ingress and no egress rules.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("VPC default security groups should not allow inbound or outbound traffic", "fsbp:EC2.2", "cisEks:5.4.3"),
    remediationSteps: "Add aws.ec2.DefaultSecurityGroup for the VPC with ingress: [] and egress: [].",
    validateStack: (args, report) => {
        const defaults = args.resources.filter((r) => r.type === "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        for (const sg of defaults) {
            const ingress = (sg.props.ingress ?? []) as unknown[];
            const egress = (sg.props.egress ?? []) as unknown[];
            if (ingress.length > 0 || egress.length > 0) {
                report(`default security group ${sg.name} has ${ingress.length} ingress and ${egress.length} egress rules; it must have none.`, sg.urn);
            }
        }
        for (const vpc of args.resources.filter((r) => vpcTypes.includes(r.type))) {
            const targets = new Set([vpc.urn, ...(vpc.parent && vpcTypes.includes(vpc.parent.type) ? [vpc.parent.urn] : [])]);
            if (!defaults.some((d) => dependsOnAny(d, "vpcId", targets))) {
                report(`VPC ${vpc.name}: its default security group is not managed (no aws.ec2.DefaultSecurityGroup takes its vpcId), so it keeps AWS's allow-all-from-itself rules.`, vpc.urn);
            }
        }
    },
};
