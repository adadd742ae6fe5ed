import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { keyPolicy, type KeyPurpose } from "./key-policy";

export { keyPolicy, type KeyPurpose } from "./key-policy";

export interface PlatformKeysArgs {
    /** Prefix of the key aliases, e.g. `paved-prod`. */
    aliasPrefix: string;
    accountId: pulumi.Input<string>;
    region: string;
    /** Protect the keys from `pulumi destroy` and retain them when removed from the program. */
    protect: boolean;
}

const purposes: Record<KeyPurpose, string> = {
    logs: "CloudWatch Logs: VPC flow logs and EKS control-plane logs",
    "kubernetes-secrets": "EKS envelope encryption of Kubernetes secrets",
    volumes: "EBS volumes of platform and Karpenter nodes",
    data: "Data stores composed by the catalog and platform secrets",
};

/** Deletion window for every platform key: the longest AWS allows, so a mistaken delete can be undone. */
export const keyDeletionWindowInDays = 30;

/** The platform's customer-managed KMS keys, one per purpose, rotation on, with an alias each. */
export class PlatformKeys extends pulumi.ComponentResource {
    public readonly logs: aws.kms.Key;
    public readonly kubernetesSecrets: aws.kms.Key;
    public readonly volumes: aws.kms.Key;
    public readonly data: aws.kms.Key;

    constructor(name: string, args: PlatformKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:encryption:PlatformKeys", name, {}, opts);
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };
        const make = (purpose: KeyPurpose): aws.kms.Key => {
            const key = new aws.kms.Key(
                `${name}-${purpose}`,
                {
                    description: `${args.aliasPrefix}: ${purposes[purpose]}`,
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: keyDeletionWindowInDays,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    policy: pulumi.output(args.accountId).apply((accountId) => JSON.stringify(keyPolicy(purpose, { accountId, region: args.region }))),
                },
                stateful,
            );
            new aws.kms.Alias(`${name}-${purpose}`, { name: `alias/${args.aliasPrefix}-${purpose}`, targetKeyId: key.keyId }, { parent: this });
            return key;
        };
        this.logs = make("logs");
        this.kubernetesSecrets = make("kubernetes-secrets");
        this.volumes = make("volumes");
        this.data = make("data");
        this.registerOutputs({
            logsKeyArn: this.logs.arn,
            kubernetesSecretsKeyArn: this.kubernetesSecrets.arn,
            volumesKeyArn: this.volumes.arn,
            dataKeyArn: this.data.arn,
        });
    }
}
