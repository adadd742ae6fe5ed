import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import {
    claimNameLabel,
    claimNamespaceLabel,
    describePatch,
    fromClaimParameters,
    isAwsManaged,
    kindKey,
    overlaps,
    patchTarget,
    readComposition,
    untaggableKinds,
    writers,
    type ComposedTemplate,
    type CompositionModel,
} from "./model";

/**
 * Where each required tag of a composed AWS resource comes from: the claim (through the labels the
 * claim controller puts on the XR) or the EnvironmentConfig. The platform's own Owner/App may come
 * first (`platform.defaults.*`, for an XR created without a claim), as long as the claim's value wins.
 */
export const tagSources: Record<string, { last: { type: string; from: string }; alsoAllowed?: { type: string; from: string }[] }> = {
    Owner: { last: { type: "FromCompositeFieldPath", from: claimNamespaceLabel }, alsoAllowed: [{ type: "FromEnvironmentFieldPath", from: "platform.defaults.Owner" }] },
    App: { last: { type: "FromCompositeFieldPath", from: claimNameLabel }, alsoAllowed: [{ type: "FromEnvironmentFieldPath", from: "platform.defaults.App" }] },
    Environment: { last: { type: "FromEnvironmentFieldPath", from: "tags.Environment" } },
    CostCenter: { last: { type: "FromEnvironmentFieldPath", from: "tags.CostCenter" } },
};

function tagProblems(t: ComposedTemplate): string[] {
    const out: string[] = [];
    for (const [tag, source] of Object.entries(tagSources)) {
        const field = `spec.forProvider.tags[${tag}]`;
        const ws = writers(t, field);
        const allowed = [source.last, ...(source.alsoAllowed ?? [])];
        const exact = (p: (typeof ws)[number], s: { type: string; from: string }) => p.type === s.type && p.fromFieldPath === s.from && patchTarget(p) === field;
        const last = ws[ws.length - 1];
        if (!last || !exact(last, source.last)) {
            out.push(`${t.name} (${t.kind}): tag ${tag} is not set last by ${source.last.type} ${source.last.from}.`);
        }
        for (const p of ws.filter((x) => !allowed.some((s) => exact(x, s)))) out.push(`${t.name} (${t.kind}): ${describePatch(p)} writes tag ${tag}; only ${allowed.map((s) => s.from).join(" or ")} may.`);
    }
    for (const p of fromClaimParameters(t)) {
        const target = patchTarget(p);
        if (target !== undefined && overlaps(target, "spec.forProvider.tags")) out.push(`${t.name} (${t.kind}): ${describePatch(p)} lets the claim write tags (${target}).`);
    }
    return out;
}

/** Every composed AWS resource that can carry tags gets Owner, App, Environment and CostCenter from the claim and the EnvironmentConfig. */
export function missingTagProblems(c: CompositionModel): string[] {
    return c.templates.filter((t) => isAwsManaged(t) && !untaggableKinds.has(kindKey(t))).flatMap(tagProblems);
}

/**
 * Compositions tag everything they compose in AWS with the four cost and ownership tags.
 * @severity medium
 * @frameworks aws-tagging:required-tag-keys
 */
export const missingRequiredTags: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-composition-missing-required-tags",
    description:
        "Every AWS resource a Composition composes must get the tags Owner (claim namespace), App (claim name), Environment and CostCenter (EnvironmentConfig) from patches a claim cannot override.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Resources created from the catalog carry the required cost and ownership tags", "tagging:required-tag-keys", "nist:CM-8"),
    remediationSteps:
        "Add the tags PatchSet to the resource: FromCompositeFieldPath metadata.labels[crossplane.io/claim-namespace] -> spec.forProvider.tags[Owner], metadata.labels[crossplane.io/claim-name] -> tags[App], FromEnvironmentFieldPath tags.Environment and tags.CostCenter -> tags[Environment]/tags[CostCenter]; never patch tags from spec.parameters.",
    validateResource: validateResourceOfTypes(["kubernetes:apiextensions.crossplane.io/v1:Composition"], (args, report) => {
        const model = readComposition(args.props);
        if (typeof model === "string") {
            args.notApplicable(model);
            return;
        }
        for (const p of missingTagProblems(model)) report(`Composition ${model.name}: ${p}`);
    }),
};
