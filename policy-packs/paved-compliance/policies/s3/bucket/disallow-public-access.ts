import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { bucketsOf, configuring } from "./related";

const settings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/**
 * Every bucket blocks public access with all four settings.
 * @severity critical
 * @frameworks fsbp:S3.8, fsbp:S3.1
 */
export const disallowPublicAccess: StackValidationPolicy = {
    name: "aws-s3-bucket-disallow-public-access",
    description: "Every S3 bucket must have a public access block with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls("S3 general purpose buckets should block public access", "fsbp:S3.8", "fsbp:S3.1", "fsbp:S3.2", "fsbp:S3.3"),
    remediationSteps: "Add aws.s3.BucketPublicAccessBlock for the bucket with the four settings true.",
    validateStack: (args, report) => {
        for (const bucket of bucketsOf(args.resources)) {
            const blocks = configuring(args.resources, bucket, ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"]);
            if (blocks.length === 0) {
                report(`bucket ${bucket.name} has no public access block.`, bucket.urn);
                continue;
            }
            const off = settings.filter((s) => !blocks.some((b) => b.props[s] === true));
            if (off.length > 0) {
                report(`bucket ${bucket.name}: public access block leaves ${off.join(", ")} off.`, bucket.urn);
            }
        }
    },
};
