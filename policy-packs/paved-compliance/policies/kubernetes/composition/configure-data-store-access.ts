import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { baseValue, claimNamespaceLabel, kindKey, readComposition, writers, type ComposedTemplate, type CompositionModel } from "./model";

/** Data stores reached over the network with credentials: what a claim's workloads connect to. */
export const networkDataStoreKinds = new Set([
    "rds.aws.upbound.io/Instance",
    "rds.aws.upbound.io/Cluster",
    "elasticache.aws.upbound.io/ReplicationGroup",
    "docdb.aws.upbound.io/Cluster",
    "memorydb.aws.upbound.io/Cluster",
]);

const externalSecret = "external-secrets.io/ExternalSecret";
const networkPolicy = "networking.k8s.io/NetworkPolicy";

/** Written only by a Required patch from the claim-namespace label of the XR. */
function inClaimNamespace(t: ComposedTemplate): string | undefined {
    if (baseValue(t, "metadata.namespace") !== undefined) return `${t.name} (${t.kind}): metadata.namespace is fixed in the base; it must be the claim's namespace.`;
    const ws = writers(t, "metadata.namespace");
    const ok = ws.length === 1 && ws[0].type === "FromCompositeFieldPath" && ws[0].fromFieldPath === claimNamespaceLabel && ws[0].toFieldPath === "metadata.namespace" && ws[0].policy?.fromFieldPath === "Required";
    return ok ? undefined : `${t.name} (${t.kind}): metadata.namespace is not set (only, and Required) from ${claimNamespaceLabel}.`;
}

export function dataStoreAccessProblems(c: CompositionModel): string[] {
    const stores = c.templates.filter((t) => networkDataStoreKinds.has(kindKey(t)));
    if (stores.length === 0) return [];
    const out: string[] = [];
    const names = stores.map((t) => `${t.name} (${t.kind})`).join(", ");
    const secrets = c.templates.filter((t) => kindKey(t) === externalSecret);
    const policies = c.templates.filter((t) => kindKey(t) === networkPolicy);
    if (secrets.length === 0) out.push(`composes ${names} but no ExternalSecret syncing its credentials into the claim's namespace.`);
    if (policies.length === 0) out.push(`composes ${names} but no NetworkPolicy letting the claim's namespace reach it.`);
    for (const t of [...secrets, ...policies]) {
        const problem = inClaimNamespace(t);
        if (problem) out.push(problem);
    }
    for (const t of secrets) {
        const ws = writers(t, "spec.secretStoreRef.name");
        if (!ws.some((p) => p.type === "FromEnvironmentFieldPath" && p.fromFieldPath === "platform.secretStore") || ws.some((p) => p.type !== "FromEnvironmentFieldPath")) {
            out.push(`${t.name} (ExternalSecret): spec.secretStoreRef.name must come from the EnvironmentConfig (platform.secretStore) only.`);
        }
    }
    for (const t of policies) {
        const types = baseValue(t, "spec.policyTypes");
        const egress = baseValue(t, "spec.egress");
        if (!Array.isArray(types) || !types.includes("Egress") || !Array.isArray(egress) || egress.length === 0) {
            out.push(`${t.name} (NetworkPolicy): must be an Egress policy with at least one egress rule.`);
        } else if (egress.some((rule) => !Array.isArray((rule as { ports?: unknown }).ports) || (rule as { ports: unknown[] }).ports.length === 0)) {
            out.push(`${t.name} (NetworkPolicy): every egress rule must name its port(s); an egress rule without ports allows every port.`);
        }
        if (baseValue(t, "spec.ingress") !== undefined || writers(t, "spec.ingress").length > 0) out.push(`${t.name} (NetworkPolicy): must not allow ingress.`);
    }
    return out;
}

/**
 * A data store composed for a claim is usable from the claim's namespace and nowhere else: its
 * credentials arrive there through an ExternalSecret, and a NetworkPolicy there allows the way out.
 * @severity high
 * @frameworks cis-eks:4.3.2, nist-800-53:IA-5, nist-800-53:AC-4
 */
export const configureDataStoreAccess: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-composition-configure-data-store-access",
    description:
        "Every Composition of a network data store (RDS, ElastiCache) must also compose, in the claim's namespace, an ExternalSecret (from the platform's secret store) syncing its credentials and an egress NetworkPolicy with named ports.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Ensure that all Namespaces have Network Policies defined", "cisEks:4.3.2", "nist:IA-5", "nist:AC-4"),
    remediationSteps:
        "Compose an external-secrets.io/v1 ExternalSecret (secretStoreRef.name from platform.secretStore) and a networking.k8s.io/v1 NetworkPolicy (Egress, ports listed), each with metadata.namespace patched (Required) from metadata.labels[crossplane.io/claim-namespace].",
    validateResource: validateResourceOfTypes(["kubernetes:apiextensions.crossplane.io/v1:Composition"], (args, report) => {
        const model = readComposition(args.props);
        if (typeof model === "string") {
            args.notApplicable(model);
            return;
        }
        if (!model.templates.some((t) => networkDataStoreKinds.has(kindKey(t)))) {
            args.notApplicable("composes no network data store");
            return;
        }
        for (const p of dataStoreAccessProblems(model)) report(`Composition ${model.name}: ${p}`);
    }),
};
