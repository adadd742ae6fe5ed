import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Kubernetes secrets are envelope-encrypted with a customer-managed KMS key.
 * @severity high
 * @frameworks fsbp:EKS.3, cis-eks:5.3.1
 */
export const enableSecretsEncryption: ResourceValidationPolicy = {
    name: "aws-eks-cluster-enable-secrets-encryption",
    description: "EKS clusters must envelope-encrypt Kubernetes secrets with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EKS clusters should use encrypted Kubernetes secrets", "fsbp:EKS.3", "cisEks:5.3.1"),
    remediationSteps: "Create a KMS key with rotation on and pass its ARN as the cluster's encryption key (eks.Cluster encryptionConfigKeyArn, or aws.eks.Cluster encryptionConfig {provider.keyArn, resources: [secrets]}). Encryption cannot be removed once enabled.",
    validateResource: [
        validateResourceOfType(aws.eks.Cluster, (cluster, _, report) => {
            const config = cluster.encryptionConfig;
            if (!config?.provider?.keyArn) {
                report("encryptionConfig.provider.keyArn is not set: secrets are stored without envelope encryption.");
            } else if (!(config.resources ?? []).includes("secrets")) {
                report('encryptionConfig.resources does not include "secrets".');
            }
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            if (!cluster.encryptionConfigKeyArn) {
                report("encryptionConfigKeyArn is not set: secrets are stored without envelope encryption.");
            }
        }),
    ],
};
