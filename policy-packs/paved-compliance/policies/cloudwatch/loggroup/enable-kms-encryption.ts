import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Log groups are encrypted with a customer-managed KMS key.
 * @severity medium
 * @frameworks nist-800-53:SC-28, cis-eks:2.1.2
 */
export const enableKmsEncryption: ResourceValidationPolicy = {
    name: "aws-cloudwatch-loggroup-enable-kms-encryption",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key (audit and flow logs hold sensitive data).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Protection of information at rest", "nist:SC-28", "cisEks:2.1.2"),
    remediationSteps: "Set kmsKeyId to a customer-managed key whose policy lets logs.<region>.amazonaws.com use it (see components/encryption).",
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, _, report) => {
        if (!group.kmsKeyId) {
            report("kmsKeyId is not set: the group is encrypted with a CloudWatch-owned key.");
        }
    }),
};
