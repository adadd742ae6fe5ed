import { partitionOf, policyDocument, type PolicyDocument } from "../iam-documents";

export interface ExternalSecretsIamContext {
    accountId: string;
    region: string;
    /** Secret name prefixes from `paved:secrets.prefixes`, each ending in '/'. */
    prefixes: string[];
    /** The platform data key (`PlatformKeys.data`): the key platform secrets are encrypted with. */
    dataKeyArn: string;
}

/** Actions External Secrets needs to read a secret by name: the value and its metadata. Nothing to list, write or delete. */
export const secretReadActions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"];

/** ARN patterns of the secrets under the configured prefixes (Secrets Manager appends a random 6-character suffix). */
export function secretArnPatterns(ctx: Pick<ExternalSecretsIamContext, "accountId" | "region" | "prefixes">): string[] {
    const partition = partitionOf(ctx.region);
    return ctx.prefixes.map((prefix) => `arn:${partition}:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${prefix}*`);
}

/**
 * Read access to the platform's secrets, by name, under the configured prefixes only.
 *
 * No `secretsmanager:ListSecrets` (nor `BatchGetSecretValue`): ExternalSecrets here always name the
 * secret (`remoteRef.key`); listing is only needed for `dataFrom.find` by name pattern or tags,
 * which would let any ExternalSecret enumerate every secret name in the account (ListSecrets
 * cannot be scoped to a resource). Tenants' secrets come through the catalog with their own scope.
 */
export function secretsManagerReadPolicy(ctx: ExternalSecretsIamContext): PolicyDocument {
    return policyDocument({
        Sid: "ReadPlatformSecretsByName",
        Effect: "Allow",
        Action: secretReadActions,
        Resource: secretArnPatterns(ctx),
    });
}

/**
 * Decrypt with the platform data key only, only when Secrets Manager asks for it, and only for a
 * secret under the configured prefixes (Secrets Manager's encryption context names the secret).
 * Never `kms:Decrypt` on `*` (FSBP KMS.1, KMS.2).
 */
export function dataKeyDecryptPolicy(ctx: ExternalSecretsIamContext): PolicyDocument {
    return policyDocument({
        Sid: "DecryptPlatformSecretsThroughSecretsManager",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: ctx.dataKeyArn,
        Condition: {
            StringEquals: { "kms:ViaService": `secretsmanager.${ctx.region}.amazonaws.com` },
            StringLike: { "kms:EncryptionContext:SecretARN": secretArnPatterns(ctx) },
        },
    });
}
