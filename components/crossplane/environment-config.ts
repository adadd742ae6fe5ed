/**
 * The contract between the substrate and the catalog: the EnvironmentConfig `platform-aws-defaults`
 * every Composition reads (function-environment-configs), filled from substrate outputs. Compositions
 * patch from these paths with `FromEnvironmentFieldPath`, e.g. `aws.dataSubnetIds`, `tags.CostCenter`.
 */

export const environmentConfigName = "platform-aws-defaults";

export interface PlatformEnvironment {
    aws: {
        region: string;
        accountId: string;
        vpcId: string;
        vpcCidr: string;
        /** Workload subnets (nodes, pods). */
        privateSubnetIds: string[];
        privateSubnetCidrs: string[];
        /** Isolated subnets for data stores (no route to the internet). */
        dataSubnetIds: string[];
        dataSubnetCidrs: string[];
        /** The security group every node carries: data stores admit traffic from it only. */
        nodeSecurityGroupId: string;
        /** Platform data key: encrypts platform-level secrets; each composed data store gets its own CMK. */
        dataKmsKeyArn: string;
        /**
         * Names of S3 buckets (external name) and KMS aliases the catalog composes start with `<resourceNamePrefix>-`:
         * the Crossplane providers' IAM policies allow no other names for these (see components/crossplane/iam.ts).
         */
        resourceNamePrefix: string;
        /** Role RDS enhanced monitoring assumes (`monitoringRoleArn`): the only role the providers may pass. */
        rdsMonitoringRoleArn: string;
    };
    platform: {
        environment: string;
        clusterName: string;
        /** ClusterSecretStore that ExternalSecrets composed into claim namespaces use. */
        secretStore: string;
        /** Temporal frontend for TemporalNamespace claims, when the substrate runs one. */
        temporal?: { clusterName: string; namespace: string; frontendPort: number };
        /** The platform's own Owner and App tags: fallbacks for a composed resource whose claim gives neither. */
        defaults: { Owner: string; App: string };
    };
    /** Tags every composed AWS resource carries besides Owner (claim namespace) and App (claim name). */
    tags: { Environment: string; CostCenter: string };
}

export function environmentConfigManifest(data: PlatformEnvironment) {
    return {
        apiVersion: "apiextensions.crossplane.io/v1beta1",
        kind: "EnvironmentConfig",
        metadata: { name: environmentConfigName, labels: { "app.kubernetes.io/managed-by": "paved" } },
        data,
    };
}
