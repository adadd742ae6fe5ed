import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Symmetric customer-managed keys rotate their key material.
 * @severity medium
 * @frameworks fsbp:KMS.4
 */
export const enableKeyRotation: ResourceValidationPolicy = {
    name: "aws-kms-key-enable-key-rotation",
    description: "Symmetric KMS keys must have automatic key rotation enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("AWS KMS key rotation should be enabled", "fsbp:KMS.4", "nist:SC-12"),
    remediationSteps: "Set enableKeyRotation: true (optionally rotationPeriodInDays between 90 and 2560).",
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT" || (key.keyUsage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") {
            args.notApplicable("AWS rotates only symmetric encryption keys");
        }
        if (key.enableKeyRotation !== true) {
            report("enableKeyRotation is not true.");
        }
    }),
};
