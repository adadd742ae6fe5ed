import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * EFS file systems are encrypted at rest with a customer-managed key.
 * @severity high
 * @frameworks fsbp:EFS.1
 */
export const enableEfsEncryption: ResourceValidationPolicy = {
    name: "aws-efs-filesystem-enable-encryption",
    description: "EFS file systems must be encrypted at rest with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Elastic File System should be configured to encrypt file data at-rest using AWS KMS", "fsbp:EFS.1", "nist:SC-28"),
    remediationSteps: "Set encrypted: true and kmsKeyId (encryption cannot be turned on after creation).",
    validateResource: validateResourceOfType(aws.efs.FileSystem, (fs, _, report) => {
        if (fs.encrypted !== true) {
            report("encrypted is not true.");
        } else if (!fs.kmsKeyId) {
            report("kmsKeyId is not set: encrypted with the AWS-managed key.");
        }
    }),
};
