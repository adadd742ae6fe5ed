import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

interface Config {
    minimumDays: number;
}

/**
 * Log groups keep logs for a set period: long enough for investigations, never unbounded by accident.
 * @severity medium
 * @frameworks nist-800-53:AU-11
 */
export const configureRetention: ResourceValidationPolicy = {
    name: "aws-cloudwatch-loggroup-configure-retention",
    description: "CloudWatch log groups must set retentionInDays explicitly, at or above the minimum the pack config sets.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Audit record retention", "nist:AU-11", "cisEks:2.1.2"),
    remediationSteps: "Set retentionInDays (e.g. 365 in prod, at least 90 elsewhere); retention is configured per stack under paved:network.flowLogs and paved:cluster.controlPlaneLogRetentionDays.",
    configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 90 } } },
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, report) => {
        const { minimumDays } = args.getConfig<Config>();
        const days = group.retentionInDays;
        if (days === undefined || days === 0) {
            report("retentionInDays is not set: logs are kept forever with no decision recorded.");
        } else if (days < minimumDays) {
            report(`retentionInDays is ${days}, below the minimum of ${minimumDays}.`);
        }
    }),
};
