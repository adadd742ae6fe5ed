import * as assert from "node:assert/strict";
import fc from "fast-check";
import { minimumBackupRetentionDays } from "../../stacks/config";
import { charts, temporal as temporalVersions } from "../../components/versions";
import { databaseCredentialsSecret, postgresLogExports, temporalClusterName, temporalNamespace } from "../../components/temporal";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { runProgram } from "../../offline-engine/run-program";
import type { ResourceGraph } from "../../offline-engine/graph";
import { validTemporalConfig } from "../helpers/config-arbitrary";
import { waitsFor } from "../helpers/graph";
import { input, ofType, one, repositoryRoot, stackGraph } from "../helpers/stacks";

const instanceType = "aws:rds/instance:Instance";
const database = (g: ResourceGraph) => one(g, instanceType);

function stackConfig(stack: string): Record<string, string> {
    return loadStackConfigFile(findProject(repositoryRoot), stack).config;
}

/** The database controls that hold for every valid config. */
function databaseProblems(g: ResourceGraph, expected: { backupRetentionDays: number; multiAz: boolean; deletionProtection: boolean }): string[] {
    const db = database(g);
    const problems: string[] = [];
    const want: Record<string, unknown> = {
        publiclyAccessible: false,
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        skipFinalSnapshot: false,
        manageMasterUserPassword: true,
        multiAz: expected.multiAz,
        deletionProtection: expected.deletionProtection,
        backupRetentionPeriod: expected.backupRetentionDays,
    };
    for (const [k, v] of Object.entries(want)) {
        if (input(db, k) !== v) {
            problems.push(`${k} is ${JSON.stringify(input(db, k))}, expected ${JSON.stringify(v)}`);
        }
    }
    if (input<number>(db, "backupRetentionPeriod") < minimumBackupRetentionDays) {
        problems.push("backups below the minimum");
    }
    const dataKey = one(g, "aws:kms/key:Key", "keys-data").urn;
    for (const k of ["kmsKeyId", "masterUserSecretKmsKeyId", "performanceInsightsKmsKeyId"]) {
        if (JSON.stringify(db.propertyDependencies[k]) !== JSON.stringify([dataKey])) {
            problems.push(`${k} is not the data key`);
        }
    }
    if (JSON.stringify(input(db, "enabledCloudwatchLogsExports")) !== JSON.stringify(postgresLogExports)) {
        problems.push("log exports");
    }
    return problems;
}

describe("temporal component", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("the database is encrypted with the data key, private, backed up, IAM-authenticated, logged; Multi-AZ and deletion protection in prod", () => {
        assert.deepEqual(databaseProblems(dev, { backupRetentionDays: 7, multiAz: false, deletionProtection: false }), []);
        assert.deepEqual(databaseProblems(prod, { backupRetentionDays: 35, multiAz: true, deletionProtection: true }), []);
        const db = database(prod);
        assert.equal(input(db, "engine"), "postgres");
        assert.equal(input(db, "engineVersion"), temporalVersions.postgresMajorVersion);
        assert.equal(input(db, "identifier"), "paved-prod-platform-temporal");
        assert.equal(input(db, "finalSnapshotIdentifier"), "paved-prod-platform-temporal-final");
        assert.equal(db.protect, true, "protected from destroy in prod");
        assert.equal(db.retainOnDelete, true);
        assert.equal(database(dev).protect, false);
        assert.deepEqual(db.propertyDependencies.monitoringRoleArn, [one(prod, "aws:iam/role:Role", "crossplane-rds-monitoring").urn]);
    });

    it("sits in the data subnets behind a security group that admits 5432 from the nodes only", () => {
        const db = database(dev);
        const subnets = one(dev, "aws:rds/subnetGroup:SubnetGroup", "temporal-database");
        assert.deepEqual(db.propertyDependencies.dbSubnetGroupName, [subnets.urn]);
        assert.deepEqual(input(subnets, "subnetIds"), dev.stackOutputs.dataSubnetIds);
        const sg = one(dev, "aws:ec2/securityGroup:SecurityGroup", "temporal-database");
        assert.deepEqual(db.propertyDependencies.vpcSecurityGroupIds, [sg.urn]);
        assert.deepEqual(input(sg, "egress"), []);
        const ingress = input<any[]>(sg, "ingress");
        assert.equal(ingress.length, 1);
        assert.deepEqual([ingress[0].protocol, ingress[0].fromPort, ingress[0].toPort], ["tcp", 5432, 5432]);
        assert.deepEqual(ingress[0].securityGroups, [dev.stackOutputs.nodeSecurityGroupId]);
        assert.equal(ingress[0].cidrBlocks, undefined);
        const params = input<{ name: string; value: string }[]>(one(dev, "aws:rds/parameterGroup:ParameterGroup", "temporal-database"), "parameters");
        assert.ok(params.some((p) => p.name === "rds.force_ssl" && p.value === "1"), "TLS required");
    });

    it("log groups for the exported logs exist first, encrypted with the logs key, with retention from config", () => {
        for (const [g, days] of [[dev, 90], [prod, 365]] as const) {
            for (const type of postgresLogExports) {
                const group = one(g, "aws:cloudwatch/logGroup:LogGroup", `temporal-database-${type}`);
                assert.equal(input(group, "name"), `/aws/rds/instance/paved-${g.stack}-platform-temporal/${type}`);
                assert.equal(input(group, "retentionInDays"), days);
                assert.deepEqual(group.propertyDependencies.kmsKeyId, [one(g, "aws:kms/key:Key", "keys-logs").urn]);
                assert.ok(database(g).dependencies.includes(group.urn));
            }
        }
    });

    it("the master password reaches the cluster through an ExternalSecret on the aws-secretsmanager store; External Secrets may read that one secret", () => {
        const es = one(dev, "kubernetes:external-secrets.io/v1:ExternalSecret", "temporal-database-credentials");
        assert.equal(input(es, "apiVersion"), "external-secrets.io/v1");
        assert.deepEqual(input(es, "spec.secretStoreRef"), { kind: "ClusterSecretStore", name: "aws-secretsmanager" });
        const data = input<any[]>(es, "spec.data");
        assert.deepEqual(data.map((d) => [d.secretKey, d.remoteRef.property]), [["username", "username"], ["password", "password"]]);
        for (const d of data) {
            assert.match(d.remoteRef.key, /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-/);
        }
        assert.ok(waitsFor(dev, es, one(dev, "kubernetes:external-secrets.io/v1:ClusterSecretStore")), "after the store");
        assert.ok(waitsFor(dev, es, one(dev, "kubernetes:helm.sh/v3:Release", "external-secrets")), "after the ESO CRDs");
        const grant = one(dev, "aws:iam/rolePolicy:RolePolicy", "temporal-external-secrets-database-secret");
        const doc = JSON.parse(input<string>(grant, "policy"));
        assert.deepEqual(doc.Statement[0].Resource, data[0].remoteRef.key, "exactly the database's secret");
        assert.equal(doc.Statement[1].Condition.StringEquals["kms:EncryptionContext:SecretARN"], data[0].remoteRef.key);
        assert.match(input<string>(grant, "role"), /^external-secrets-controller-[0-9a-f]{7}$/, "the External Secrets controller's role");
        assert.ok(grant.dependencies.includes(one(dev, "aws:iam/role:Role", "external-secrets-controller").urn));
    });

    it("the TemporalCluster persists to the database over TLS, reads the synced secret, and waits for the operator, the secret and the database", () => {
        const cluster = one(dev, "kubernetes:temporal.io/v1beta1:TemporalCluster");
        assert.equal(input(cluster, "metadata.name"), temporalClusterName);
        assert.equal(input(cluster, "metadata.namespace"), temporalNamespace);
        assert.equal(input(cluster, "spec.version"), temporalVersions.serverVersion);
        const db = database(dev);
        for (const store of ["defaultStore", "visibilityStore"]) {
            const s = input<any>(cluster, `spec.persistence.${store}`);
            assert.equal(s.sql.connectAddr, `paved-dev-platform-temporal.${/\.([0-9a-f]{12})\./.exec(s.sql.connectAddr)![1]}.eu-west-1.rds.amazonaws.com:5432`);
            assert.equal(s.sql.pluginName, "postgres12");
            assert.deepEqual(s.passwordSecretRef, { name: databaseCredentialsSecret, key: "password" });
            assert.equal(s.tls.enabled, true);
        }
        assert.deepEqual(cluster.propertyDependencies.spec?.includes(db.urn), true);
        assert.deepEqual(input(cluster, "spec.mTLS"), { provider: "cert-manager", internode: { enabled: true }, frontend: { enabled: true }, refreshInterval: "1h" });
        const operator = one(dev, "kubernetes:helm.sh/v3:Release", "temporal-operator");
        for (const dependency of [operator, one(dev, "kubernetes:external-secrets.io/v1:ExternalSecret", "temporal-database-credentials"), db, one(dev, "kubernetes:helm.sh/v3:Release", "cert-manager")]) {
            assert.ok(waitsFor(dev, cluster, dependency), `waits for ${dependency.name}`);
        }
        assert.equal(input(operator, "version"), charts.temporalOperator.version);
        assert.ok(waitsFor(dev, operator, one(dev, "kubernetes:helm.sh/v3:Release", "cert-manager")), "the webhook certificate comes from cert-manager");
        assert.ok(waitsFor(dev, operator, one(dev, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "temporal-system-default-deny")));
        assert.equal(input(one(dev, "kubernetes:helm.sh/v3:Release", "cert-manager"), "version"), charts.certManager.version);
    });

    it("the Temporal namespace lets the frontend in from the cluster and PostgreSQL out to the data subnets only", () => {
        const egress = one(dev, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "temporal-database-egress");
        const network = JSON.parse(dev.config["paved:network"]);
        const rule = input<any[]>(egress, "spec.egress")[0];
        assert.deepEqual(rule.ports, [{ protocol: "TCP", port: 5432 }]);
        assert.equal(rule.to.length, network.availabilityZoneCount);
        assert.ok(rule.to.every((p: any) => p.ipBlock.cidr.startsWith("10.40.")));
        const ingress = one(dev, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "temporal-frontend-ingress");
        assert.equal(input(ingress, "spec.podSelector.matchLabels")["app.kubernetes.io/component"], "frontend");
        assert.deepEqual(input<any[]>(ingress, "spec.ingress")[0].ports, [{ protocol: "TCP", port: 7233 }]);
    });

    it("disabled by config: no operator, cluster, database or cert-manager, and the EnvironmentConfig names no Temporal", async () => {
        const temporal = JSON.parse(stackConfig("dev")["paved:temporal"]);
        const off = await stackGraph("dev", { "paved:temporal": JSON.stringify({ ...temporal, enabled: false }) });
        assert.deepEqual(ofType(off, instanceType), []);
        assert.deepEqual(ofType(off, "kubernetes:temporal.io/v1beta1:TemporalCluster"), []);
        assert.ok(!off.resources.some((r) => r.type === "kubernetes:helm.sh/v3:Release" && ["temporal-operator", "cert-manager"].includes(r.name)));
        const env = one(off, "kubernetes:apiextensions.crossplane.io/v1beta1:EnvironmentConfig");
        assert.equal(input<any>(env, "data").platform.temporal, undefined);
    });

    it("property: for any valid Temporal config the database is never public, unencrypted or kept below the backup minimum", async () => {
        const base = stackConfig("dev");
        await fc.assert(
            fc.asyncProperty(validTemporalConfig, async (temporal) => {
                const g = await runProgram({ programPath: repositoryRoot, stack: "dev", config: { ...base, "paved:temporal": JSON.stringify({ ...temporal, enabled: true }) } });
                const db = temporal.database;
                assert.deepEqual(databaseProblems(g, { backupRetentionDays: db.backupRetentionDays, multiAz: db.multiAz, deletionProtection: db.deletionProtection }), []);
                assert.equal(input(database(g), "allocatedStorage"), db.allocatedStorageGiB);
                assert.equal(input(one(g, "kubernetes:temporal.io/v1beta1:TemporalCluster"), "spec.numHistoryShards"), temporal.numHistoryShards ?? 512);
            }),
            { numRuns: 4 },
        );
    });
});
