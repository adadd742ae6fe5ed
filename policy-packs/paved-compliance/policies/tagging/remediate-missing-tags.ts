import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../controls";
import { effectiveTags, ownTags, taggingKind } from "./tag-sources";

/**
 * Fills missing required tags with the values the pack config gives (a safety net, not the primary mechanism).
 * @severity low
 * @frameworks aws-tagging:required-tag-keys
 */
export const remediateMissingTags: ResourceValidationPolicy = {
    name: "aws-tagging-resource-remediate-missing-tags",
    description: "Adds the pack config's default values for required tags a taggable resource lacks, before validation runs.",
    enforcementLevel: "remediate",
    severity: "low",
    ...implementsControls("Resources should have the required tag keys", "tagging:required-tag-keys"),
    remediationSteps: "Configure `defaults` (tag key -> value) for this policy in the pack config; fix the program so the remediation has nothing to do.",
    configSchema: {
        properties: { defaults: { type: "object", additionalProperties: { type: "string", minLength: 1 }, default: {} } },
    },
    remediateResource: (args) => {
        const kind = taggingKind(args.type);
        if (!kind || kind === "tag-list" || kind === "component") {
            return undefined;
        }
        const { defaults } = args.getConfig<{ defaults: Record<string, string> }>();
        const present = effectiveTags(args, kind);
        const fill = Object.fromEntries(Object.entries(defaults).filter(([k]) => !present[k]));
        if (Object.keys(fill).length === 0) {
            return undefined;
        }
        return { ...args.props, tags: { ...ownTags(args.props, kind), ...fill } };
    },
};
