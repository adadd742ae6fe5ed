import { partitionOf, policyDocument, type PolicyDocument, type PolicyStatement } from "../iam-documents";

/** What a platform key encrypts; decides which AWS services its key policy admits. */
export type KeyPurpose = "logs" | "kubernetes-secrets" | "volumes" | "data";

export interface KeyPolicyContext {
    accountId: string;
    region: string;
}

/**
 * Key policy: the account root administers the key (so IAM policies can grant use, and the key can
 * never become unmanageable), plus the service grants the purpose needs. No wildcard principals.
 */
export function keyPolicy(purpose: KeyPurpose, ctx: KeyPolicyContext): PolicyDocument {
    const partition = partitionOf(ctx.region);
    const root: PolicyStatement = {
        Sid: "AccountAdministersKey",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${ctx.accountId}:root` },
        Action: "kms:*",
        Resource: "*",
    };
    return policyDocument(root, ...serviceStatements(purpose, ctx, partition));
}

function serviceStatements(purpose: KeyPurpose, ctx: KeyPolicyContext, partition: string): PolicyStatement[] {
    switch (purpose) {
        case "logs":
            return [
                {
                    Sid: "CloudWatchLogsUseKey",
                    Effect: "Allow",
                    Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${ctx.region}:${ctx.accountId}:*` } },
                },
            ];
        case "volumes": {
            // Managed node groups launch through Auto Scaling, whose service-linked role needs the key.
            const autoscaling = `arn:${partition}:iam::${ctx.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
            return [
                {
                    Sid: "AutoScalingUsesKeyForVolumes",
                    Effect: "Allow",
                    Principal: { AWS: autoscaling },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                },
                {
                    Sid: "AutoScalingGrantsForAttachedVolumes",
                    Effect: "Allow",
                    Principal: { AWS: autoscaling },
                    Action: "kms:CreateGrant",
                    Resource: "*",
                    Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
                },
            ];
        }
        case "kubernetes-secrets":
        case "data":
            // Used through IAM policies of the EKS cluster role and the service roles; root delegation suffices.
            return [];
    }
}
