import { functionManifest, providerManifest } from "../../components/crossplane/manifests";
import { postgresLogExports } from "../../components/temporal/manifests";
import type { ResourceGraph } from "../../offline-engine/graph";
import type { PolicyCase } from "./cases";
import { graphOf, recorded, tags } from "./fixtures";

/** Cases of the RDS instance policies and the Crossplane package policy, merged into `policyCases`. */

const account = "123456789012";
const dataKey = `arn:aws:kms:eu-west-1:${account}:key/0c7d2a3e-0000-4000-8000-000000000001`;

/** Inputs of the Temporal database as components/temporal registers it: every RDS control on. */
function database(): Record<string, any> {
    return {
        identifier: "paved-prod-platform-temporal",
        engine: "postgres",
        engineVersion: "16",
        instanceClass: "db.m7g.large",
        allocatedStorage: 100,
        storageEncrypted: true,
        kmsKeyId: dataKey,
        publiclyAccessible: false,
        dbSubnetGroupName: "paved-prod-platform-temporal",
        vpcSecurityGroupIds: ["sg-0123456789abcdef0"],
        multiAz: true,
        backupRetentionPeriod: 35,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "paved-prod-platform-temporal-final",
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: [...postgresLogExports],
        manageMasterUserPassword: true,
        username: "temporal_admin",
        tags: { ...tags },
    };
}

const rds = (mutate?: (p: Record<string, any>) => void) => (): ResourceGraph => {
    const props = database();
    mutate?.(props);
    return graphOf([recorded("aws:rds/instance:Instance", props)]);
};

/** A Crossplane package as components/crossplane registers it. */
const pkg =
    (kind: "Provider" | "Function" | "Configuration", mutate?: (spec: Record<string, any>) => void) =>
    (): ResourceGraph => {
        const manifest: Record<string, any> =
            kind === "Function"
                ? structuredClone(functionManifest("patchAndTransform"))
                : kind === "Provider"
                  ? structuredClone(providerManifest("rds"))
                  : { apiVersion: "pkg.crossplane.io/v1", kind, metadata: { name: "platform-catalog" }, spec: { package: "xpkg.crossplane.io/acme/platform-catalog:v1.4.0" } };
        mutate?.(manifest.spec);
        return graphOf([recorded(`kubernetes:pkg.crossplane.io/v1:${kind}`, manifest)]);
    };

export const dataStorePolicyCases: Record<string, PolicyCase> = {
    "aws-rds-instance-disallow-public-access": {
        baselines: [
            { name: "Temporal's database: private", graph: rds() },
            { name: "publiclyAccessible left to its default (false)", graph: rds((p) => delete p.publiclyAccessible) },
        ],
        mutations: [{ name: "public endpoint", graph: rds((p) => (p.publiclyAccessible = true)), expect: /publiclyAccessible is true/ }],
    },
    "aws-rds-instance-enable-storage-encryption": {
        baselines: [{ name: "encrypted with the data key", graph: rds() }],
        mutations: [
            { name: "unencrypted", graph: rds((p) => (p.storageEncrypted = false)), expect: /storageEncrypted is not true/ },
            { name: "encryption left to the default (off)", graph: rds((p) => delete p.storageEncrypted), expect: /storageEncrypted is not true/ },
            { name: "AWS managed key (no kmsKeyId)", graph: rds((p) => delete p.kmsKeyId), expect: /kmsKeyId is not set/ },
            { name: "AWS managed key by alias", graph: rds((p) => (p.kmsKeyId = "alias/aws/rds")), expect: /is the AWS managed key/ },
        ],
    },
    "aws-rds-instance-configure-backup-retention": {
        baselines: [
            { name: "35 days", graph: rds() },
            { name: "exactly the 7-day minimum", graph: rds((p) => (p.backupRetentionPeriod = 7)) },
        ],
        mutations: [
            { name: "backups off", graph: rds((p) => (p.backupRetentionPeriod = 0)), expect: /automated backups and point-in-time recovery are off/ },
            { name: "retention left unset", graph: rds((p) => delete p.backupRetentionPeriod), expect: /backupRetentionPeriod is not set/ },
            { name: "one day short", graph: rds((p) => (p.backupRetentionPeriod = 6)), expect: /backupRetentionPeriod is 6, below the minimum of 7 days/ },
        ],
    },
    "aws-rds-instance-enable-deletion-protection": {
        baselines: [{ name: "deletion protection on", graph: rds() }],
        mutations: [
            { name: "off", graph: rds((p) => (p.deletionProtection = false)), expect: /deletionProtection is not true/ },
            { name: "left to the default (off)", graph: rds((p) => delete p.deletionProtection), expect: /deletionProtection is not true/ },
        ],
    },
    "aws-rds-instance-enable-iam-authentication": {
        baselines: [
            { name: "PostgreSQL with IAM authentication", graph: rds() },
            { name: "an engine without IAM authentication is not concerned", graph: rds((p) => Object.assign(p, { engine: "sqlserver-se", iamDatabaseAuthenticationEnabled: false, enabledCloudwatchLogsExports: ["error", "agent"] })) },
        ],
        mutations: [
            { name: "off", graph: rds((p) => (p.iamDatabaseAuthenticationEnabled = false)), expect: /iamDatabaseAuthenticationEnabled is not true/ },
            { name: "MySQL without it", graph: rds((p) => Object.assign(p, { engine: "mysql", iamDatabaseAuthenticationEnabled: undefined })), expect: /iamDatabaseAuthenticationEnabled is not true/ },
        ],
    },
    "aws-rds-instance-enable-log-exports": {
        baselines: [
            { name: "PostgreSQL: postgresql and upgrade", graph: rds() },
            { name: "MySQL: audit, error, general, slowquery", graph: rds((p) => Object.assign(p, { engine: "mysql", enabledCloudwatchLogsExports: ["audit", "error", "general", "slowquery"] })) },
        ],
        mutations: [
            { name: "no logs exported", graph: rds((p) => delete p.enabledCloudwatchLogsExports), expect: /missing postgresql, upgrade/ },
            { name: "upgrade log missing", graph: rds((p) => (p.enabledCloudwatchLogsExports = ["postgresql"])), expect: /missing upgrade \(engine postgres\)/ },
            { name: "unknown engine, nothing exported", graph: rds((p) => Object.assign(p, { engine: "db2-se", enabledCloudwatchLogsExports: [] })), expect: /enabledCloudwatchLogsExports is empty/ },
        ],
    },
    "kubernetes-crossplane-package-configure-pinned-version": {
        baselines: [
            { name: "provider pinned by tag (components/crossplane)", graph: pkg("Provider") },
            { name: "function pinned by tag (components/crossplane)", graph: pkg("Function") },
            { name: "configuration pinned by tag", graph: pkg("Configuration") },
            {
                name: "pinned by digest, pulled always",
                graph: pkg("Provider", (s) => Object.assign(s, { package: `xpkg.crossplane.io/crossplane-contrib/provider-aws-rds@sha256:${"a".repeat(64)}`, packagePullPolicy: "Always" })),
            },
            { name: "defaults left unset", graph: pkg("Function", (s) => ["revisionActivationPolicy", "ignoreCrossplaneConstraints", "skipDependencyResolution"].forEach((k) => delete s[k])) },
        ],
        mutations: [
            { name: "latest tag", graph: pkg("Provider", (s) => (s.package = "xpkg.crossplane.io/crossplane-contrib/provider-aws-rds:latest")), expect: /uses the "latest" tag/ },
            { name: "no tag, no digest", graph: pkg("Function", (s) => (s.package = "xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform")), expect: /neither a tag nor a digest/ },
            { name: "floating tag", graph: pkg("Configuration", (s) => (s.package = "xpkg.crossplane.io/acme/platform-catalog:main")), expect: /tag "main", which is not a release version/ },
            { name: "major-only tag", graph: pkg("Provider", (s) => (s.package = "xpkg.crossplane.io/crossplane-contrib/provider-aws-rds:v2")), expect: /tag "v2", which is not a release version/ },
            { name: "unapproved registry", graph: pkg("Provider", (s) => (s.package = "ghcr.io/someone/provider-aws-rds:v2.6.0")), expect: /does not come from an approved registry/ },
            { name: "manual revision activation", graph: pkg("Provider", (s) => (s.revisionActivationPolicy = "Manual")), expect: /revisionActivationPolicy is Manual/ },
            { name: "tag pulled always", graph: pkg("Function", (s) => (s.packagePullPolicy = "Always")), expect: /packagePullPolicy is Always on a tag/ },
            { name: "version constraints ignored", graph: pkg("Provider", (s) => (s.ignoreCrossplaneConstraints = true)), expect: /ignoreCrossplaneConstraints is true/ },
            { name: "dependencies skipped", graph: pkg("Provider", (s) => (s.skipDependencyResolution = true)), expect: /skipDependencyResolution is true/ },
            { name: "no package", graph: pkg("Provider", (s) => delete s.package), expect: /spec\.package is not set/ },
        ],
    },
};
