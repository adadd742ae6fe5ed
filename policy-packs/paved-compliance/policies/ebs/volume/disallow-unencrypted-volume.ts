import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * EBS volumes are encrypted with a customer-managed key.
 * @severity high
 * @frameworks fsbp:EC2.3
 */
export const disallowUnencryptedVolume: ResourceValidationPolicy = {
    name: "aws-ebs-volume-disallow-unencrypted-volume",
    description: "EBS volumes must be encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Attached Amazon EBS volumes should be encrypted at-rest", "fsbp:EC2.3", "fsbp:EC2.7", "nist:SC-28"),
    remediationSteps: "Set encrypted: true and kmsKeyId to the platform volumes key.",
    validateResource: validateResourceOfType(aws.ebs.Volume, (volume, _, report) => {
        if (volume.encrypted !== true) {
            report("encrypted is not true.");
        } else if (!volume.kmsKeyId) {
            report("kmsKeyId is not set: encrypted with the AWS-managed key, not a customer-managed one.");
        }
    }),
};
