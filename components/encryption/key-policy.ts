import { partitionOf, policyDocument, type PolicyDocument, type PolicyStatement } from "../iam-documents";

/** What a platform key encrypts; decides which AWS services its key policy admits. */
export type KeyPurpose = "logs" | "kubernetes-secrets" | "volumes" | "data";

export interface KeyPolicyContext {
    accountId: string;
    region: string;
}

/**
 * Key policy: the account root administers the key (so IAM policies can grant use, and the key can
 * never become unmanageable), plus the service grants the purpose needs. A wildcard principal appears only
 * behind account and calling-service conditions.
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
            // EBS uses the key on behalf of whoever launches the instance: the Auto Scaling and EC2 Spot
            // service-linked roles (managed node groups, Karpenter spot capacity). Scoped by account and
            // by EC2 as the calling service, like the AWS-managed EBS key; no principal has to exist first.
            const throughEbs = { StringEquals: { "kms:CallerAccount": ctx.accountId, "kms:ViaService": `ec2.${ctx.region}.amazonaws.com` } };
            return [
                {
                    Sid: "EbsInThisAccountUsesKeyForVolumes",
                    Effect: "Allow",
                    Principal: { AWS: "*" },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                    Condition: throughEbs,
                },
                {
                    Sid: "EbsInThisAccountGrantsForAttachedVolumes",
                    Effect: "Allow",
                    Principal: { AWS: "*" },
                    Action: "kms:CreateGrant",
                    Resource: "*",
                    Condition: { ...throughEbs, Bool: { "kms:GrantIsForAWSResource": true } },
                },
            ];
        }
        case "kubernetes-secrets":
        case "data":
            // Used through IAM policies of the EKS cluster role and the service roles; root delegation suffices.
            return [];
    }
}
