import type { ResourceValidationArgs } from "@pulumi/policy";
import { typesHonouringDefaultTags, typesWithOwnTagsOnly } from "./taggable-types";

/** The tags the platform requires on every taggable AWS resource (the pack config can change them). */
export const defaultRequiredTags = ["Owner", "App", "Environment", "CostCenter"];

/** Components whose `tags` input reaches their (offline-invisible) children. */
const componentsWithTags = new Set(["eks:index:Cluster", "awsx:ec2:Vpc", "eks:index:ManagedNodeGroup", "eks:index:NodeGroupV2"]);

export type TaggingKind = "provider-default-tags" | "own-tags" | "tag-list" | "component";

/** How a resource type receives tags, or undefined when it cannot be tagged. */
export function taggingKind(type: string): TaggingKind | undefined {
    if (type === "aws:autoscaling/group:Group") {
        return "tag-list";
    }
    if (typesHonouringDefaultTags.has(type)) {
        return "provider-default-tags";
    }
    if (typesWithOwnTagsOnly.has(type)) {
        return "own-tags";
    }
    return componentsWithTags.has(type) ? "component" : undefined;
}

/** Tags set on the resource itself. */
export function ownTags(props: Record<string, any>, kind: TaggingKind): Record<string, string> {
    if (kind === "tag-list") {
        const list = (props.tags ?? []) as { key: string; value: string }[];
        return Object.fromEntries(list.map((t) => [t.key, t.value]));
    }
    return { ...((props.tags ?? {}) as Record<string, string>) };
}

/** The provider's `defaultTags.tags` (a JSON string when the provider's inputs come from the engine). */
export function providerDefaultTags(provider: ResourceValidationArgs["provider"]): Record<string, string> {
    let value: unknown = provider?.props?.defaultTags;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            return {};
        }
    }
    const tags = (value as { tags?: Record<string, string> } | undefined)?.tags;
    return tags ? { ...tags } : {};
}

/** The tags the resource ends up with: provider defaults (where honoured) overridden by its own. */
export function effectiveTags(args: Pick<ResourceValidationArgs, "props" | "provider">, kind: TaggingKind): Record<string, string> {
    const defaults = kind === "provider-default-tags" ? providerDefaultTags(args.provider) : {};
    return { ...defaults, ...ownTags(args.props, kind) };
}
