/**
 * Temporal's Kubernetes objects and database settings as pure functions: the TemporalCluster, the
 * ExternalSecret that delivers the RDS-managed master password, the database's network allows,
 * and the RDS parameters and names the component uses.
 */
import type * as pulumi from "@pulumi/pulumi";
import { temporal as temporalVersions } from "../versions";

export const temporalNamespace = "temporal-system";
export const temporalClusterName = "temporal";
/** Frontend gRPC port (operator default); workers and the operator's namespace controller call it. */
export const temporalFrontendPort = 7233;
/** Prometheus metrics port of the Temporal services. */
export const temporalMetricsPort = 9090;
export const postgresPort = 5432;
/** The Kubernetes secret the ExternalSecret writes and the TemporalCluster reads its password from. */
export const databaseCredentialsSecret = "temporal-database-credentials";
export const databaseUser = "temporal_admin";
/** Log types a PostgreSQL instance exports to CloudWatch (FSBP RDS.9 / RDS.36). */
export const postgresLogExports = ["postgresql", "upgrade"];

const managedBy = { "app.kubernetes.io/managed-by": "paved" };

/** RDS identifier of Temporal's database: `<prefix>-platform-...`, which the Crossplane providers may never change. */
export function temporalDatabaseIdentifier(resourceNamePrefix: string): string {
    return `${resourceNamePrefix}-platform-temporal`;
}

/** PostgreSQL parameters: TLS required for every connection, connections and DDL logged. */
export const postgresParameters: { name: string; value: string }[] = [
    { name: "rds.force_ssl", value: "1" },
    { name: "log_connections", value: "1" },
    { name: "log_disconnections", value: "1" },
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: "1000" },
];

export interface ExternalSecretArgs {
    /** ClusterSecretStore that reads AWS Secrets Manager. */
    storeName: string;
    /** ARN of the master-user secret RDS manages (`masterUserSecrets[0].secretArn`). */
    secretArn: pulumi.Input<string>;
    refreshInterval: string;
}

/** The RDS-managed master secret (JSON `{username, password}`) as a Kubernetes secret in the Temporal namespace. */
export function databaseCredentialsExternalSecret(a: ExternalSecretArgs) {
    return {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        // Pulumi waits until the secret is synced, so the TemporalCluster never starts without its password.
        metadata: { name: databaseCredentialsSecret, namespace: temporalNamespace, labels: { ...managedBy }, annotations: { "pulumi.com/waitFor": "condition=Ready" } },
        spec: {
            refreshInterval: a.refreshInterval,
            secretStoreRef: { kind: "ClusterSecretStore", name: a.storeName },
            target: { name: databaseCredentialsSecret, creationPolicy: "Owner", deletionPolicy: "Retain" },
            data: [
                { secretKey: "username", remoteRef: { key: a.secretArn, property: "username" } },
                { secretKey: "password", remoteRef: { key: a.secretArn, property: "password" } },
            ],
        },
    };
}

export interface TemporalClusterArgs {
    /** RDS endpoint as `host:port`. */
    databaseEndpoint: pulumi.Input<string>;
    numHistoryShards: number;
    replicas: number;
}

function sqlStore(databaseName: string, address: pulumi.Input<string>) {
    return {
        sql: {
            user: databaseUser,
            pluginName: "postgres12",
            databaseName,
            connectAddr: address,
            connectProtocol: "tcp",
            maxConns: 20,
            maxIdleConns: 20,
        },
        passwordSecretRef: { name: databaseCredentialsSecret, key: "password" },
        // The server enforces TLS (rds.force_ssl); the RDS CA bundle is not in the image, so the
        // server name is not verified yet (see README: deliver the bundle and turn verification on).
        tls: { enabled: true, enableHostVerification: false },
    };
}

/** The Temporal cluster: PostgreSQL on RDS for both stores, mTLS between services and on the frontend (cert-manager). */
export function temporalClusterManifest(a: TemporalClusterArgs) {
    const address = a.databaseEndpoint;
    const service = { replicas: a.replicas };
    return {
        apiVersion: "temporal.io/v1beta1",
        kind: "TemporalCluster",
        metadata: { name: temporalClusterName, namespace: temporalNamespace, labels: { ...managedBy } },
        spec: {
            version: temporalVersions.serverVersion,
            numHistoryShards: a.numHistoryShards,
            persistence: { defaultStore: sqlStore("temporal", address), visibilityStore: sqlStore("temporal_visibility", address) },
            services: { frontend: { ...service, port: temporalFrontendPort }, history: { ...service }, matching: { ...service }, worker: { ...service } },
            mTLS: { provider: "cert-manager", internode: { enabled: true }, frontend: { enabled: true }, refreshInterval: "1h" },
            metrics: { enabled: true, prometheus: { listenPort: temporalMetricsPort } },
            ui: { enabled: true, replicas: a.replicas },
            admintools: { enabled: false },
            log: { level: "info", format: "json" },
            jobTtlSecondsAfterFinished: 3600,
        },
    };
}

/** Egress from the Temporal namespace to the database subnets on the PostgreSQL port only. */
export function databaseEgressPolicy(dataSubnetCidrs: string[]) {
    return {
        apiVersion: "networking.k8s.io/v1" as const,
        kind: "NetworkPolicy" as const,
        metadata: { name: "allow-postgresql-to-data-subnets", namespace: temporalNamespace, labels: { ...managedBy } },
        spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: dataSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port: postgresPort }] }],
        },
    };
}

/** Ingress to the frontend pods only, on the gRPC port, from any namespace (workers; TemporalNamespace claims get a matching egress allow). */
export function frontendIngressPolicy() {
    return {
        apiVersion: "networking.k8s.io/v1" as const,
        kind: "NetworkPolicy" as const,
        metadata: { name: "allow-frontend-from-cluster", namespace: temporalNamespace, labels: { ...managedBy } },
        spec: {
            podSelector: { matchLabels: { "app.kubernetes.io/name": temporalClusterName, "app.kubernetes.io/part-of": "temporal", "app.kubernetes.io/component": "frontend" } },
            policyTypes: ["Ingress"],
            ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ protocol: "TCP", port: temporalFrontendPort }] }],
        },
    };
}
