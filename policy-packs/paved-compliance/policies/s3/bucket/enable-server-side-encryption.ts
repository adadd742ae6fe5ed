import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { bucketsOf, configuring } from "./related";

const sseTypes = ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"];

interface SseRule {
    applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyId?: string };
    bucketKeyEnabled?: boolean;
}

/**
 * Buckets encrypt with a customer-managed KMS key, with an S3 bucket key.
 * @severity high
 * @frameworks fsbp:S3.17
 */
export const enableServerSideEncryption: StackValidationPolicy = {
    name: "aws-s3-bucket-enable-server-side-encryption",
    description: "Every S3 bucket must have a server-side encryption configuration using SSE-KMS with a customer-managed key and a bucket key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("S3 general purpose buckets should be encrypted at rest with AWS KMS keys", "fsbp:S3.17", "nist:SC-28"),
    remediationSteps: 'Add aws.s3.BucketServerSideEncryptionConfiguration for the bucket with rules [{applyServerSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: <key ARN>}, bucketKeyEnabled: true}].',
    validateStack: (args, report) => {
        for (const bucket of bucketsOf(args.resources)) {
            const configs = configuring(args.resources, bucket, sseTypes);
            if (configs.length === 0) {
                report(`bucket ${bucket.name} has no server-side encryption configuration in the program (objects would use SSE-S3 with an AWS-owned key).`, bucket.urn);
                continue;
            }
            for (const rule of configs.flatMap((c) => (c.props.rules ?? []) as SseRule[])) {
                const byDefault = rule.applyServerSideEncryptionByDefault;
                if (!byDefault?.sseAlgorithm?.startsWith("aws:kms") || !byDefault.kmsMasterKeyId) {
                    report(`bucket ${bucket.name}: encryption is ${byDefault?.sseAlgorithm ?? "unset"}${byDefault?.kmsMasterKeyId ? "" : " without a customer-managed key"}.`, bucket.urn);
                } else if (rule.bucketKeyEnabled !== true) {
                    report(`bucket ${bucket.name}: bucketKeyEnabled is not true (every object calls KMS).`, bucket.urn);
                }
            }
        }
    },
};
