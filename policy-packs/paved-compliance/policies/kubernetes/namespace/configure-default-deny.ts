import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

const namespaceType = "kubernetes:core/v1:Namespace";
const networkPolicyType = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

interface Manifest {
    metadata?: { name?: string; namespace?: string };
    spec?: { podSelector?: Record<string, unknown>; policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
}

/**
 * Every namespace the program creates denies all traffic by default; allows are explicit.
 * @severity high
 * @frameworks cis-eks:4.3.2
 */
export const configureDefaultDeny: StackValidationPolicy = {
    name: "kubernetes-core-namespace-configure-default-deny",
    description: "Every namespace the program creates must have a NetworkPolicy selecting all pods that denies both ingress and egress.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Ensure that all Namespaces have Network Policies defined", "cisEks:4.3.2", "cisEks:5.4.4"),
    remediationSteps: "Create the namespace with PlatformNamespace (components/network-policies), which adds default-deny and the explicit allows.",
    validateStack: (args, report) => {
        const denied = new Set(
            args.resources
                .filter((r) => r.type === networkPolicyType)
                .map((r) => r.props as Manifest)
                .filter((p) => isDefaultDeny(p))
                .map((p) => p.metadata?.namespace),
        );
        for (const ns of args.resources.filter((r) => r.type === namespaceType)) {
            const name = (ns.props as Manifest).metadata?.name;
            if (!name || !denied.has(name)) {
                report(`namespace ${name ?? ns.name} has no default-deny NetworkPolicy (podSelector {} with policyTypes Ingress and Egress and no rules).`, ns.urn);
            }
        }
    },
};

function isDefaultDeny(p: Manifest): boolean {
    const spec = p.spec ?? {};
    const types = spec.policyTypes ?? [];
    return Object.keys(spec.podSelector ?? { x: 1 }).length === 0 && types.includes("Ingress") && types.includes("Egress") && !spec.ingress?.length && !spec.egress?.length;
}
