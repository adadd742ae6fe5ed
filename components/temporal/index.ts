import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { charts, temporal as temporalVersions } from "../versions";
import {
    databaseCredentialsExternalSecret,
    databaseEgressPolicy,
    frontendIngressPolicy,
    databaseUser,
    postgresLogExports,
    postgresParameters,
    postgresPort,
    temporalClusterManifest,
    temporalClusterName,
    temporalDatabaseIdentifier,
    temporalFrontendPort,
    temporalNamespace,
} from "./manifests";
import { databaseSecretReadPolicy } from "./iam";
import { temporalOperatorValues } from "./values";

export * from "./iam";
export * from "./manifests";
export * from "./values";

/** The database settings a stack chooses (`paved:temporal.database`); everything else is fixed. */
export interface TemporalDatabaseSettings {
    instanceClass: string;
    allocatedStorageGiB: number;
    maxAllocatedStorageGiB: number;
    multiAz: boolean;
    backupRetentionDays: number;
    deletionProtection: boolean;
    logRetentionDays: number;
}

export interface TemporalArgs {
    /** `temporal-system`, from `ctx.platformNamespace`: operator webhook, frontend for the cluster, metrics for monitoring. */
    namespace: PlatformNamespace;
    highAvailability: boolean;
    numHistoryShards: number;
    database: TemporalDatabaseSettings;
    /** Names RDS resources `<prefix>-platform-temporal` (out of the Crossplane providers' reach). */
    resourceNamePrefix: string;
    vpcId: pulumi.Input<string>;
    dataSubnetIds: pulumi.Input<string[]>;
    dataSubnetCidrs: string[];
    /** The security group every node carries: the only source the database admits. */
    nodeSecurityGroupId: pulumi.Input<string>;
    /** Data key: storage, master secret and Performance Insights encryption. */
    dataKeyArn: pulumi.Input<string>;
    /** Logs key: the database's CloudWatch log groups. */
    logsKeyArn: pulumi.Input<string>;
    rdsMonitoringRoleArn: pulumi.Input<string>;
    /**
     * External Secrets: the ClusterSecretStore that reads Secrets Manager, what serves it (CRDs,
     * store), and the controller's role, which this component lets read the database secret (only it).
     */
    secrets: { storeName: string; refreshInterval: string; ready: pulumi.Input<pulumi.Resource[]>; controllerRoleArn: pulumi.Input<string> };
    region: string;
    /** cert-manager: the operator's webhook certificate and Temporal's mTLS certificates. */
    certManager: pulumi.Resource;
    /** Protect the database from `pulumi destroy` and retain it (and its log groups) when removed from the program. */
    protect: boolean;
    tags: Record<string, string>;
}

/**
 * Temporal for the catalog's TemporalNamespace claims: the temporal-operator (pinned; webhook
 * certificate from cert-manager) and one TemporalCluster persisting to an RDS PostgreSQL instance
 * this component creates: encrypted with the data key, private in the data subnets, reachable on
 * 5432 from the nodes only, TLS enforced, IAM authentication on, logs exported, backups kept, final
 * snapshot taken, master password managed by RDS in Secrets Manager and delivered by External Secrets.
 */
export class Temporal extends pulumi.ComponentResource {
    public readonly clusterName = temporalClusterName;
    public readonly clusterNamespace = temporalNamespace;
    public readonly frontendAddress = `${temporalClusterName}-frontend.${temporalNamespace}.svc.cluster.local:${temporalFrontendPort}`;
    public readonly database: aws.rds.Instance;
    public readonly databaseSecretArn: pulumi.Output<string>;
    public readonly release: k8s.helm.v3.Release;
    public readonly cluster: k8s.apiextensions.CustomResource;

    constructor(name: string, args: TemporalArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:temporal:Temporal", name, {}, opts);
        const child = { parent: this };
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };
        const identifier = temporalDatabaseIdentifier(args.resourceNamePrefix);
        const db = args.database;

        const subnetGroup = new aws.rds.SubnetGroup(
            `${name}-database`,
            { name: identifier, description: "Temporal persistence: isolated data subnets only", subnetIds: args.dataSubnetIds, tags: args.tags },
            child,
        );
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-database`,
            {
                vpcId: args.vpcId,
                description: "Temporal persistence: PostgreSQL from the cluster's nodes only",
                ingress: [{ description: "PostgreSQL from EKS nodes", protocol: "tcp", fromPort: postgresPort, toPort: postgresPort, securityGroups: [args.nodeSecurityGroupId] }],
                egress: [],
                revokeRulesOnDelete: true,
                tags: { ...args.tags, Name: identifier },
            },
            child,
        );
        const parameters = new aws.rds.ParameterGroup(
            `${name}-database`,
            {
                name: identifier,
                family: temporalVersions.postgresParameterFamily,
                description: "Temporal persistence: TLS required, connections and DDL logged",
                parameters: postgresParameters.map((p) => ({ ...p, applyMethod: "pending-reboot" })),
                tags: args.tags,
            },
            child,
        );
        // Pre-created so RDS writes into KMS-encrypted groups with retention, not default ones.
        const logGroups = postgresLogExports.map(
            (type) =>
                new aws.cloudwatch.LogGroup(
                    `${name}-database-${type}`,
                    { name: `/aws/rds/instance/${identifier}/${type}`, retentionInDays: db.logRetentionDays, kmsKeyId: args.logsKeyArn, tags: args.tags },
                    stateful,
                ),
        );

        this.database = new aws.rds.Instance(
            `${name}-database`,
            {
                identifier,
                engine: "postgres",
                engineVersion: temporalVersions.postgresMajorVersion,
                autoMinorVersionUpgrade: true,
                instanceClass: db.instanceClass,
                storageType: "gp3",
                allocatedStorage: db.allocatedStorageGiB,
                maxAllocatedStorage: db.maxAllocatedStorageGiB,
                storageEncrypted: true,
                kmsKeyId: args.dataKeyArn,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [securityGroup.id],
                publiclyAccessible: false,
                port: postgresPort,
                multiAz: db.multiAz,
                parameterGroupName: parameters.name,
                caCertIdentifier: "rds-ca-rsa2048-g1",
                username: databaseUser,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.dataKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                backupRetentionPeriod: db.backupRetentionDays,
                backupWindow: "01:00-02:00",
                maintenanceWindow: "sun:02:30-sun:03:30",
                copyTagsToSnapshot: true,
                deleteAutomatedBackups: false,
                deletionProtection: db.deletionProtection,
                skipFinalSnapshot: false,
                finalSnapshotIdentifier: `${identifier}-final`,
                enabledCloudwatchLogsExports: postgresLogExports,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: args.dataKeyArn,
                performanceInsightsRetentionPeriod: 7,
                monitoringInterval: 60,
                monitoringRoleArn: args.rdsMonitoringRoleArn,
                applyImmediately: false,
                tags: { ...args.tags, Name: identifier },
            },
            { ...stateful, dependsOn: logGroups },
        );
        this.databaseSecretArn = this.database.masterUserSecrets.apply((secrets) => {
            const arn = secrets?.[0]?.secretArn;
            if (!arn) {
                throw new Error(`RDS instance ${identifier} reports no managed master-user secret`);
            }
            return arn;
        });

        this.release = pinnedRelease("temporal-operator", charts.temporalOperator, { namespace: args.namespace.name, values: temporalOperatorValues(args) }, {
            ...child,
            dependsOn: [...args.namespace.ready, args.certManager],
        });

        const egress = new k8s.networking.v1.NetworkPolicy(`${name}-database-egress`, databaseEgressPolicy(args.dataSubnetCidrs), { ...child, dependsOn: args.namespace.ready });
        const ingress = new k8s.networking.v1.NetworkPolicy(`${name}-frontend-ingress`, frontendIngressPolicy(), { ...child, dependsOn: args.namespace.ready });

        // The RDS-managed secret lies outside the platform's secret prefixes: grant External Secrets exactly this one.
        const readGrant = new aws.iam.RolePolicy(
            `${name}-external-secrets-database-secret`,
            {
                role: pulumi.output(args.secrets.controllerRoleArn).apply((arn) => arn.split("/").pop()!),
                name: "temporal-database-secret",
                policy: pulumi
                    .all([this.databaseSecretArn, args.dataKeyArn])
                    .apply(([secretArn, dataKeyArn]) => JSON.stringify(databaseSecretReadPolicy({ secretArn, dataKeyArn, region: args.region }))),
            },
            child,
        );
        const secret = databaseCredentialsExternalSecret({ storeName: args.secrets.storeName, secretArn: this.databaseSecretArn, refreshInterval: args.secrets.refreshInterval });
        const credentials = new k8s.apiextensions.CustomResource(
            `${name}-database-credentials`,
            { apiVersion: secret.apiVersion, kind: secret.kind, metadata: secret.metadata, spec: secret.spec },
            { ...child, dependsOn: pulumi.output(args.secrets.ready).apply((ready) => [...args.namespace.ready, ...ready, readGrant]) },
        );

        const manifest = temporalClusterManifest({
            databaseEndpoint: pulumi.interpolate`${this.database.address}:${postgresPort}`,
            numHistoryShards: args.numHistoryShards,
            replicas: args.highAvailability ? 2 : 1,
        });
        this.cluster = new k8s.apiextensions.CustomResource(
            `${name}-cluster`,
            { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: manifest.metadata, spec: manifest.spec },
            { ...child, dependsOn: [this.release, credentials, egress, ingress, this.database, args.certManager] },
        );

        this.registerOutputs({
            clusterName: this.clusterName,
            clusterNamespace: this.clusterNamespace,
            frontendAddress: this.frontendAddress,
            databaseEndpoint: this.database.endpoint,
            databaseSecretArn: this.databaseSecretArn,
        });
    }
}
