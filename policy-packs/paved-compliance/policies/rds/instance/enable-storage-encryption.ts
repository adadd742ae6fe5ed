import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Database storage, backups and snapshots are encrypted with a customer-managed KMS key.
 * @severity high
 * @frameworks fsbp:RDS.3
 */
export const enableStorageEncryption: ResourceValidationPolicy = {
    name: "aws-rds-instance-enable-storage-encryption",
    description: "RDS DB instances must encrypt storage at rest with a customer-managed KMS key (not the AWS managed aws/rds key).",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("RDS DB instances should have encryption at-rest enabled", "fsbp:RDS.3", "fsbp:RDS.4", "nist:SC-28"),
    remediationSteps: "Set storageEncrypted: true and kmsKeyId to a customer-managed key (the platform data key, PlatformKeys.data). Encryption cannot be added to an existing instance: restore from an encrypted snapshot copy.",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _, report) => {
        if (db.storageEncrypted !== true) {
            report("storageEncrypted is not true: storage, automated backups and snapshots are unencrypted.");
            return;
        }
        if (!db.kmsKeyId) {
            report("kmsKeyId is not set: storage is encrypted with the AWS managed key aws/rds, which the platform cannot control or audit.");
        } else if (/alias\/aws\/rds$/.test(db.kmsKeyId)) {
            report(`kmsKeyId ${db.kmsKeyId} is the AWS managed key, not a customer-managed key.`);
        }
    }),
};
