import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

interface Config {
    breakGlassRolePattern: string;
}

const isClusterAdmin = (policyArn: string | undefined) => (policyArn ?? "").endsWith("/AmazonEKSClusterAdminPolicy");

/**
 * cluster-admin is granted through access entries to the break-glass role only.
 * @severity high
 * @frameworks cis-eks:4.1.1
 */
export const disallowClusterAdmin: ResourceValidationPolicy = {
    name: "aws-eks-accessentry-disallow-cluster-admin",
    description: "EKS access entries must grant AmazonEKSClusterAdminPolicy (or system:masters) to the break-glass role only.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Ensure that the cluster-admin role is only used where required", "cisEks:4.1.1", "cisEks:5.5.1"),
    remediationSteps: "Map operators to AmazonEKSViewPolicy or namespace-scoped AmazonEKSEditPolicy; keep cluster-admin for the break-glass role (its name matches the configured pattern).",
    configSchema: { properties: { breakGlassRolePattern: { type: "string", default: ":role/[A-Za-z0-9+=,.@_/-]*break-glass$" } } },
    validateResource: [
        validateResourceOfType(eks.Cluster, (cluster, args, report) => {
            const pattern = new RegExp(args.getConfig<Config>().breakGlassRolePattern);
            for (const [key, entry] of Object.entries(cluster.accessEntries ?? {})) {
                const admin = Object.values(entry.accessPolicies ?? {}).some((p) => isClusterAdmin(p.policyArn)) || (entry.kubernetesGroups ?? []).includes("system:masters");
                if (admin && !pattern.test(entry.principalArn)) {
                    report(`accessEntries.${key} gives cluster-admin to ${entry.principalArn}, which is not the break-glass role.`);
                }
            }
        }),
        validateResourceOfType(aws.eks.AccessPolicyAssociation, (association, args, report) => {
            if (isClusterAdmin(association.policyArn) && !new RegExp(args.getConfig<Config>().breakGlassRolePattern).test(association.principalArn)) {
                report(`associates AmazonEKSClusterAdminPolicy with ${association.principalArn}, which is not the break-glass role.`);
            }
        }),
        validateResourceOfType(aws.eks.AccessEntry, (entry, _, report) => {
            if ((entry.kubernetesGroups ?? []).includes("system:masters")) {
                report(`maps ${entry.principalArn} to system:masters.`);
            }
        }),
    ],
};
