import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { bucketsOf, configuring } from "./related";

/**
 * Every bucket keeps object versions, so overwrites and deletions can be undone.
 * @severity medium
 * @frameworks nist-800-53:CP-9
 */
export const enableVersioning: StackValidationPolicy = {
    name: "aws-s3-bucket-enable-versioning",
    description: "Every S3 bucket must have versioning Enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("System backup", "nist:CP-9", "nist:SI-12"),
    remediationSteps: 'Add aws.s3.BucketVersioning for the bucket with versioningConfiguration {status: "Enabled"}.',
    validateStack: (args, report) => {
        for (const bucket of bucketsOf(args.resources)) {
            const configs = configuring(args.resources, bucket, ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"]);
            if (!configs.some((c) => (c.props.versioningConfiguration as { status?: string } | undefined)?.status === "Enabled")) {
                report(`bucket ${bucket.name} does not have versioning Enabled.`, bucket.urn);
            }
        }
    },
};
