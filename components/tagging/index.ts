import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The four cost and ownership tags every taggable AWS resource carries. */
export const requiredTagKeys = ["Owner", "App", "Environment", "CostCenter"] as const;
export type RequiredTagKey = (typeof requiredTagKeys)[number];
export type PlatformTags = Record<RequiredTagKey, string>;

export interface PlatformTagSource {
    owner: string;
    app: string;
    environment: string;
    costCenter: string;
}

export function platformTags(source: PlatformTagSource): PlatformTags {
    return { Owner: source.owner, App: source.app, Environment: source.environment, CostCenter: source.costCenter };
}

/**
 * The explicit AWS provider every component receives. Its `defaultTags` tag every resource that
 * honours provider tags; components still set `tags` explicitly where a resource (or a remote
 * component's children) ignores them, and so that offline previews show them on the resource itself.
 */
export function platformAwsProvider(name: string, region: string, tags: PlatformTags, opts?: pulumi.CustomResourceOptions): aws.Provider {
    return new aws.Provider(name, { region: region as aws.Region, defaultTags: { tags } }, opts);
}
