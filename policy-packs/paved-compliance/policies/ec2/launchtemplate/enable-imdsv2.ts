import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

interface MetadataOptions {
    httpEndpoint?: string;
    httpTokens?: string;
    httpPutResponseHopLimit?: number;
}

/**
 * Instances answer only IMDSv2 (session tokens) and only to the host itself (hop limit 1), so a pod
 * cannot read the node's credentials.
 * @severity high
 * @frameworks fsbp:EC2.170, fsbp:EC2.8
 */
export const enableImdsv2: ResourceValidationPolicy = {
    name: "aws-ec2-launchtemplate-enable-imdsv2",
    description: "Launch templates and instances must require IMDSv2 (httpTokens: required) with a response hop limit of 1.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EC2 launch templates should use Instance Metadata Service Version 2 (IMDSv2)", "fsbp:EC2.170", "fsbp:EC2.8"),
    remediationSteps: "Set metadataOptions { httpEndpoint: enabled, httpTokens: required, httpPutResponseHopLimit: 1 }.",
    configSchema: { properties: { maximumHopLimit: { type: "integer", minimum: 1, maximum: 64, default: 1 } } },
    validateResource: [
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, report) => check(lt.metadataOptions, args.getConfig<{ maximumHopLimit: number }>().maximumHopLimit, report)),
        validateResourceOfType(aws.ec2.Instance, (i, args, report) => check(i.metadataOptions, args.getConfig<{ maximumHopLimit: number }>().maximumHopLimit, report)),
    ],
};

function check(options: MetadataOptions | undefined, maximumHopLimit: number, report: (m: string) => void): void {
    if (options?.httpEndpoint === "disabled") {
        return; // no metadata service at all
    }
    if (options?.httpTokens !== "required") {
        report(`metadataOptions.httpTokens is ${options?.httpTokens ?? "unset (IMDSv1 allowed)"}, not required.`);
    }
    const hops = options?.httpPutResponseHopLimit;
    if (hops === undefined || hops > maximumHopLimit) {
        report(`metadataOptions.httpPutResponseHopLimit is ${hops ?? "unset"}; it must be at most ${maximumHopLimit} so containers cannot reach the node's credentials.`);
    }
}
