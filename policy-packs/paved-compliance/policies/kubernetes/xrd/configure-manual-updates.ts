import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";

const xrdType = /^kubernetes:apiextensions\.crossplane\.io\/v[0-9a-z]+:CompositeResourceDefinition$/;

/**
 * A changed Composition reaches existing claims only when their owners opt in.
 * @severity medium
 * @frameworks nist-800-53:CM-3
 */
export const configureManualUpdates: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-xrd-configure-manual-updates",
    description: "Catalog XRDs must default to compositionUpdatePolicy Manual, so a new Composition revision never rolls onto running claims unannounced.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Configuration change control", "nist:CM-3", "nist:CM-4"),
    remediationSteps: "Set spec.defaultCompositionUpdatePolicy: Manual in the XRD; claims move to a new revision through compositionRevisionRef or compositionUpdatePolicy.",
    validateResource: validateResourceOfTypes(["kubernetes:apiextensions.crossplane.io/v1:CompositeResourceDefinition", "kubernetes:apiextensions.crossplane.io/v2:CompositeResourceDefinition"], (args, report) => {
        if (!xrdType.test(args.type)) {
            args.notApplicable("not an XRD");
        }
        const spec = (args.props.spec ?? {}) as { defaultCompositionUpdatePolicy?: string };
        if (spec.defaultCompositionUpdatePolicy !== "Manual") {
            report(`spec.defaultCompositionUpdatePolicy is ${spec.defaultCompositionUpdatePolicy ?? "unset (Automatic)"}, not Manual.`);
        }
    }),
};
