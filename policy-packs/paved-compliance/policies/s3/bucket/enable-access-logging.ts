import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { bucketsOf, configuring } from "./related";

/**
 * Every bucket writes server access logs (log buckets themselves are exempt by tag).
 * @severity medium
 * @frameworks fsbp:S3.9
 */
export const enableAccessLogging: StackValidationPolicy = {
    name: "aws-s3-bucket-enable-access-logging",
    description: "Every S3 bucket must deliver server access logs to a log bucket, except buckets tagged as log buckets.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("S3 general purpose bucket server access logging should be enabled", "fsbp:S3.9", "nist:AU-12"),
    remediationSteps: "Add aws.s3.BucketLogging for the bucket with a targetBucket; tag the target log bucket paved.io/log-bucket=true.",
    configSchema: { properties: { logBucketTag: { type: "string", default: "paved.io/log-bucket" } } },
    validateStack: (args, report) => {
        const { logBucketTag } = args.getConfig<{ logBucketTag: string }>();
        for (const bucket of bucketsOf(args.resources)) {
            if ((bucket.props.tags as Record<string, string> | undefined)?.[logBucketTag] === "true") {
                continue;
            }
            if (configuring(args.resources, bucket, ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"]).length === 0) {
                report(`bucket ${bucket.name} has no server access logging.`, bucket.urn);
            }
        }
    },
};
