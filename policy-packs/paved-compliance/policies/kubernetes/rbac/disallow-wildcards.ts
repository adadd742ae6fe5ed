import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";

const roleTypes = ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "kubernetes:rbac.authorization.k8s.io/v1:Role"];
const escalating = ["bind", "escalate", "impersonate"];

interface Rule {
    apiGroups?: string[];
    resources?: string[];
    verbs?: string[];
    nonResourceURLs?: string[];
}

/**
 * Roles the program writes name their API groups, resources and verbs, and never grant bind,
 * escalate or impersonate.
 * @severity high
 * @frameworks cis-eks:4.1.3, cis-eks:4.1.8
 */
export const disallowWildcardsAndEscalation: ResourceValidationPolicy = {
    name: "kubernetes-rbac-role-disallow-wildcards",
    description: 'Kubernetes Roles and ClusterRoles the program creates must not use "*" in apiGroups, resources or verbs, nor grant bind, escalate or impersonate.',
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Minimize wildcard use in Roles and ClusterRoles", "cisEks:4.1.3", "cisEks:4.1.8"),
    remediationSteps: "List the API groups, resources and verbs explicitly; aggregate to an existing role instead of granting escalation verbs.",
    validateResource: validateResourceOfTypes(roleTypes, (args, report) => {
        if (!roleTypes.includes(args.type)) {
            args.notApplicable("not an RBAC role");
        }
        const rules = ((args.props.rules ?? []) as Rule[]).map((r) => ({ ...r }));
        rules.forEach((rule, i) => {
            for (const field of ["apiGroups", "resources", "verbs"] as const) {
                if ((rule[field] ?? []).includes("*")) {
                    report(`rules[${i}].${field} contains "*".`);
                }
            }
            const bad = (rule.verbs ?? []).filter((v) => escalating.includes(v));
            if (bad.length > 0) {
                report(`rules[${i}] grants ${bad.join(", ")}.`);
            }
        });
    }),
};
