import type * as eks from "@pulumi/eks";
import type * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../iam-documents";

export interface AccessRoles {
    /** Break-glass roles: the only principals with cluster-admin. */
    breakGlassRoleArns: pulumi.Input<string>[];
    /** Read-only roles (operators, auditors): AmazonEKSViewPolicy. */
    readOnlyRoleArns: pulumi.Input<string>[];
    region: string;
}

export const clusterAdminPolicyArn = (region: string) => `arn:${partitionOf(region)}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`;
export const viewPolicyArn = (region: string) => `arn:${partitionOf(region)}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`;

/** EKS access entries (authentication mode API, CIS 4.1.7, 5.5.1): cluster-admin for break-glass roles only. */
export function accessEntries(roles: AccessRoles): Record<string, eks.types.input.AccessEntryArgs> {
    const entries: Record<string, eks.types.input.AccessEntryArgs> = {};
    roles.breakGlassRoleArns.forEach((principalArn, i) => {
        entries[`break-glass-${i}`] = {
            principalArn,
            type: "STANDARD",
            accessPolicies: { clusterAdmin: { policyArn: clusterAdminPolicyArn(roles.region), accessScope: { type: "cluster" } } },
        };
    });
    roles.readOnlyRoleArns.forEach((principalArn, i) => {
        entries[`read-only-${i}`] = {
            principalArn,
            type: "STANDARD",
            accessPolicies: { view: { policyArn: viewPolicyArn(roles.region), accessScope: { type: "cluster" } } },
        };
    });
    return entries;
}
