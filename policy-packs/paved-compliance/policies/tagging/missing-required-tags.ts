import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../controls";
import { defaultRequiredTags, effectiveTags, taggingKind } from "./tag-sources";

/**
 * Every taggable resource carries the ownership and cost tags, from its own tags or its provider's defaultTags.
 * @severity medium
 * @frameworks aws-tagging:required-tag-keys
 */
export const missingRequiredTags: ResourceValidationPolicy = {
    name: "aws-tagging-resource-missing-required-tags",
    description: "Every taggable AWS resource must carry the tags Owner, App, Environment and CostCenter (its own tags or its provider's defaultTags).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Resources should have the required tag keys", "tagging:required-tag-keys", "nist:CM-8"),
    remediationSteps: "Give the AWS provider defaultTags with the four tags (components/tagging), and set tags explicitly on resources that ignore provider tags (Auto Scaling groups, launch template tagSpecifications, remote components).",
    configSchema: { properties: { requiredTags: { type: "array", items: { type: "string" }, minItems: 1, default: defaultRequiredTags } } },
    validateResource: (args, report) => {
        const kind = taggingKind(args.type);
        if (!kind) {
            args.notApplicable("resource type cannot be tagged");
        }
        const { requiredTags } = args.getConfig<{ requiredTags: string[] }>();
        const tags = effectiveTags(args, kind!);
        const missing = requiredTags.filter((k) => !(typeof tags[k] === "string" && tags[k].trim() !== ""));
        if (missing.length > 0) {
            report(`missing tags: ${missing.join(", ")}${kind === "provider-default-tags" ? "" : " (this type ignores provider defaultTags; tag it explicitly)"}.`);
        }
    },
};
