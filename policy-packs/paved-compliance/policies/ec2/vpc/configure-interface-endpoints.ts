import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { dependsOnAny, vpcTypes } from "./enable-flow-logs";

/** Interface endpoints FSBP expects in every VPC, by service suffix and control. */
export const requiredEndpoints: Record<string, string> = { ec2: "EC2.10", "ecr.api": "EC2.55", "ecr.dkr": "EC2.56", ssm: "EC2.57" };

/**
 * Every VPC reaches EC2, ECR and SSM through interface endpoints with private DNS, not the internet.
 * @severity medium
 * @frameworks fsbp:EC2.10, fsbp:EC2.55, fsbp:EC2.56, fsbp:EC2.57
 */
export const configureInterfaceEndpoints: StackValidationPolicy = {
    name: "aws-ec2-vpc-configure-interface-endpoints",
    description: "Every VPC must have interface endpoints with private DNS for EC2, ECR (api and dkr) and SSM.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service", "fsbp:EC2.10", "fsbp:EC2.55", "fsbp:EC2.56", "fsbp:EC2.57"),
    remediationSteps: "Create aws.ec2.VpcEndpoint (Interface, privateDnsEnabled) for com.amazonaws.<region>.{ec2,ecr.api,ecr.dkr,ssm} in the private subnets (components/network does).",
    validateStack: (args, report) => {
        const endpoints = args.resources.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
        for (const vpc of args.resources.filter((r) => vpcTypes.includes(r.type))) {
            const targets = new Set([vpc.urn, ...(vpc.parent && vpcTypes.includes(vpc.parent.type) ? [vpc.parent.urn] : [])]);
            const mine = endpoints.filter((e) => dependsOnAny(e, "vpcId", targets));
            const missing = Object.keys(requiredEndpoints).filter(
                (service) => !mine.some((e) => String(e.props.serviceName ?? "").endsWith(`.${service}`) && e.props.vpcEndpointType === "Interface" && e.props.privateDnsEnabled === true),
            );
            if (missing.length > 0) {
                report(`VPC ${vpc.name} has no private-DNS interface endpoint for ${missing.map((m) => `${m} (${requiredEndpoints[m]})`).join(", ")}.`, vpc.urn);
            }
        }
    },
};
