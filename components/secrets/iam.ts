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

/** Tags upjet puts on every resource Crossplane manages: the catalog's keys and secrets carry them. */
export const crossplaneKindTag = "crossplane-kind";

/**
 * Read access to the secrets the catalog composes for claims — RDS-managed master passwords
 * (`rds!db-...`) and Crossplane-managed secrets such as ElastiCache auth tokens — and decryption
 * with the claims' own keys, only through Secrets Manager. Scoped by the tags upjet sets on every
 * managed resource, so no secret or key outside the catalog qualifies (RDS-managed secrets qualify
 * by name and because their key is a catalog key).
 */
export function catalogSecretsPolicy(ctx: Pick<ExternalSecretsIamContext, "accountId" | "region">): PolicyDocument {
    const partition = partitionOf(ctx.region);
    const secrets = `arn:${partition}:secretsmanager:${ctx.region}:${ctx.accountId}:secret:`;
    return policyDocument(
        {
            Sid: "ReadRdsManagedMasterSecrets",
            Effect: "Allow",
            Action: secretReadActions,
            Resource: `${secrets}rds!db-*`,
        },
        {
            Sid: "ReadCatalogManagedSecrets",
            Effect: "Allow",
            Action: secretReadActions,
            Resource: `${secrets}*`,
            Condition: { StringEquals: { [`secretsmanager:ResourceTag/${crossplaneKindTag}`]: "secret.secretsmanager.aws.upbound.io" } },
        },
        {
            Sid: "DecryptWithCatalogKeysThroughSecretsManager",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: `arn:${partition}:kms:${ctx.region}:${ctx.accountId}:key/*`,
            Condition: {
                StringEquals: { "kms:ViaService": `secretsmanager.${ctx.region}.amazonaws.com`, [`aws:ResourceTag/${crossplaneKindTag}`]: "key.kms.aws.upbound.io" },
            },
        },
    );
}
