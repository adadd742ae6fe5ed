import type { PolicyResource } from "@pulumi/policy";

/** Bucket types of @pulumi/aws 7 (and the deprecated V2 alias). */
export const bucketTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/**
 * The resources of the given types that configure `bucket`: linked through the `bucket` property's
 * dependencies (no values read, so unknowns during a real preview do not matter).
 */
export function configuring(resources: PolicyResource[], bucket: PolicyResource, types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type) && (r.propertyDependencies.bucket ?? []).some((d) => d.urn === bucket.urn));
}

export function bucketsOf(resources: PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => bucketTypes.includes(r.type));
}
