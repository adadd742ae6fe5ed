import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Instances get no public IPv4 address; they reach the internet through NAT, if at all.
 * @severity high
 * @frameworks fsbp:EC2.9
 */
export const disallowPublicIp: ResourceValidationPolicy = {
    name: "aws-ec2-instance-disallow-public-ip",
    description: "EC2 instances must not have a public IPv4 address.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Amazon EC2 instances should not have a public IPv4 address", "fsbp:EC2.9", "cisEks:5.4.3"),
    remediationSteps: "Launch into a private subnet with associatePublicIpAddress: false; expose services through a load balancer.",
    validateResource: [
        validateResourceOfType(aws.ec2.Instance, (instance, _, report) => {
            if (instance.associatePublicIpAddress === true) {
                report("associatePublicIpAddress is true.");
            }
        }),
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, _, report) => {
            if ((lt.networkInterfaces ?? []).some((n) => String(n.associatePublicIpAddress) === "true")) {
                report("a network interface sets associatePublicIpAddress (FSBP EC2.25).");
            }
        }),
    ],
};
