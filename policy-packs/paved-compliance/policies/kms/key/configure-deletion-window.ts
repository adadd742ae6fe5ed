import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Keys scheduled for deletion stay recoverable for the longest window AWS allows.
 * @severity medium
 * @frameworks fsbp:KMS.3
 */
export const configureDeletionWindow: ResourceValidationPolicy = {
    name: "aws-kms-key-configure-deletion-window",
    description: "KMS keys must keep a 30-day deletion window so a mistaken deletion can be cancelled before data becomes unreadable.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("AWS KMS keys should not be deleted unintentionally", "fsbp:KMS.3"),
    remediationSteps: "Set deletionWindowInDays: 30 (the provider default is 30; do not lower it).",
    configSchema: { properties: { minimumDays: { type: "integer", minimum: 7, maximum: 30, default: 30 } } },
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        const { minimumDays } = args.getConfig<{ minimumDays: number }>();
        const days = key.deletionWindowInDays ?? 30;
        if (days < minimumDays) {
            report(`deletionWindowInDays is ${days}, below ${minimumDays}.`);
        }
    }),
};
