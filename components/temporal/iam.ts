/**
 * What External Secrets needs to deliver Temporal's database password: read exactly the master-user
 * secret RDS manages for the instance (named `rds!db-...`, outside the platform's secret prefixes),
 * and decrypt it with the data key only through Secrets Manager, only for that secret.
 */
import { policyDocument, type PolicyDocument } from "../iam-documents";

export function databaseSecretReadPolicy(a: { secretArn: string; dataKeyArn: string; region: string }): PolicyDocument {
    return policyDocument(
        { Sid: "ReadTemporalDatabaseMasterSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: a.secretArn },
        {
            Sid: "DecryptItThroughSecretsManagerOnly",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: a.dataKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": `secretsmanager.${a.region}.amazonaws.com`, "kms:EncryptionContext:SecretARN": a.secretArn },
            },
        },
    );
}
