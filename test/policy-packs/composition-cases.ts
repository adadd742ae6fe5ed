/**
 * Baselines and breaking mutations for the policies that judge the Compositions the program installs:
 * the baseline is the real catalog (every Composition as components/catalog registers it), each
 * mutation breaks one control in one Composition.
 */
import { loadCatalog } from "../../catalog";
import { catalogManifests } from "../../components/catalog/manifests";
import type { ResourceGraph } from "../../offline-engine/graph";
import type { PolicyCase } from "./cases";
import { graphOf, recorded } from "./fixtures";

type Obj = Record<string, any>;
const compositionType = "kubernetes:apiextensions.crossplane.io/v1:Composition";

/** Every catalog Composition as the program records it, optionally one of them changed. */
function catalogGraph(name?: string, mutate?: (c: Obj) => void): () => ResourceGraph {
    return () => {
        const manifests = catalogManifests(loadCatalog()).filter((m) => m.manifest.kind === "Composition");
        if (name && !manifests.some((m) => m.key === name)) throw new Error(`no Composition ${name}`);
        return graphOf(
            manifests.map((m) => {
                const inputs = JSON.parse(JSON.stringify(m.manifest)) as Obj;
                if (m.key === name) mutate?.(inputs);
                return recorded(compositionType, inputs, { name: `catalog-composition-${m.key}` });
            }),
        );
    };
}

const pt = (c: Obj): Obj => c.spec.pipeline.find((s: Obj) => s.input?.kind === "Resources").input;
const resource = (c: Obj, name: string): Obj => {
    const r = pt(c).resources.find((x: Obj) => x.name === name);
    if (!r) throw new Error(`no composed resource ${name}`);
    return r;
};
const forProvider = (c: Obj, name: string): Obj => resource(c, name).base.spec.forProvider;
const drop = (c: Obj, name: string) => (pt(c).resources = pt(c).resources.filter((x: Obj) => x.name !== name));
const addPatch = (c: Obj, name: string, patch: Obj) => resource(c, name).patches.push(patch);
const fromClaim = (param: string, to: string) => ({ type: "FromCompositeFieldPath", fromFieldPath: `spec.parameters.${param}`, toFieldPath: to });

const pg = "postgresql-aws-standard";
const cache = "elasticache-aws-standard";
const bucket = "s3bucket-aws-standard";
const queue = "sqsqueue-aws-standard";

const wholeCatalog = { name: "every Composition of the catalog", graph: catalogGraph() };

export const compositionPolicyCases: Record<string, PolicyCase> = {
    "kubernetes-crossplane-composition-configure-compliance-fields": {
        baselines: [wholeCatalog],
        mutations: [
            { name: "RDS storage not encrypted", graph: catalogGraph(pg, (c) => (forProvider(c, "rds-instance").storageEncrypted = false)), expect: /storageEncrypted is false; must be true/ },
            { name: "RDS encrypted with a key named by ARN", graph: catalogGraph(pg, (c) => { delete forProvider(c, "rds-instance").kmsKeyIdSelector; forProvider(c, "rds-instance").kmsKeyId = "arn:aws:kms:eu-west-1:1:key/x"; }), expect: /kmsKeyIdSelector\.matchControllerRef is not set/ },
            { name: "RDS public flag patched from the claim", graph: catalogGraph(pg, (c) => addPatch(c, "rds-instance", fromClaim("public", "spec.forProvider.publiclyAccessible"))), expect: /FromCompositeFieldPath spec\.parameters\.public\) writes spec\.forProvider\.publiclyAccessible/ },
            { name: "RDS backups for 3 days", graph: catalogGraph("postgresql-aws-hardened", (c) => (forProvider(c, "rds-instance").backupRetentionPeriod = 3)), expect: /backupRetentionPeriod is 3; must be >= 7/ },
            { name: "RDS backup retention from the claim", graph: catalogGraph(pg, (c) => addPatch(c, "rds-instance", fromClaim("backupDays", "spec.forProvider.backupRetentionPeriod"))), expect: /writes spec\.forProvider\.backupRetentionPeriod/ },
            { name: "RDS without deletion protection", graph: catalogGraph(pg, (c) => delete forProvider(c, "rds-instance").deletionProtection), expect: /deletionProtection is not set in the base/ },
            { name: "RDS master password not managed", graph: catalogGraph(pg, (c) => (forProvider(c, "rds-instance").manageMasterUserPassword = false)), expect: /manageMasterUserPassword is false/ },
            { name: "subnet group subnets from the claim", graph: catalogGraph(pg, (c) => addPatch(c, "subnet-group", fromClaim("subnets", "spec.forProvider.subnetIds"))), expect: /writes spec\.forProvider\.subnetIds; only aws\.dataSubnetIds/ },
            { name: "subnet group in the private (workload) subnets", graph: catalogGraph(cache, (c) => (resource(c, "subnet-group").patches.find((p: Obj) => p.toFieldPath === "spec.forProvider.subnetIds").fromFieldPath = "aws.privateSubnetIds")), expect: /subnetIds is not patched from the EnvironmentConfig path aws\.dataSubnetIds/ },
            { name: "ingress rule open to 0.0.0.0/0", graph: catalogGraph(pg, (c) => (forProvider(c, "security-group-ingress").cidrIpv4 = "0.0.0.0/0")), expect: /cidrIpv4 is "0\.0\.0\.0\/0"; must be unset/ },
            { name: "ingress source from the claim", graph: catalogGraph(cache, (c) => addPatch(c, "security-group-ingress", fromClaim("sourceSg", "spec.forProvider.referencedSecurityGroupId"))), expect: /writes spec\.forProvider\.referencedSecurityGroupId; only aws\.nodeSecurityGroupId/ },
            { name: "ElastiCache at-rest encryption as a boolean (the provider wants the string)", graph: catalogGraph(cache, (c) => (forProvider(c, "replication-group").atRestEncryptionEnabled = true)), expect: /atRestEncryptionEnabled is true; must be the string "true"/ },
            { name: "ElastiCache without TLS", graph: catalogGraph(cache, (c) => (forProvider(c, "replication-group").transitEncryptionEnabled = false)), expect: /transitEncryptionEnabled is false/ },
            { name: "ElastiCache without snapshots", graph: catalogGraph(cache, (c) => (forProvider(c, "replication-group").snapshotRetentionLimit = 0)), expect: /snapshotRetentionLimit is 0; must be >= 1/ },
            { name: "bucket public policy allowed", graph: catalogGraph(bucket, (c) => (forProvider(c, "public-access-block").blockPublicPolicy = false)), expect: /blockPublicPolicy is false; must be true/ },
            { name: "bucket SSE-S3 instead of its key", graph: catalogGraph(bucket, (c) => (forProvider(c, "server-side-encryption").rule[0].applyServerSideEncryptionByDefault.sseAlgorithm = "AES256")), expect: /sseAlgorithm is "AES256"; must be "aws:kms"/ },
            { name: "bucket without versioning", graph: catalogGraph(bucket, (c) => drop(c, "versioning")), expect: /Bucket without a BucketVersioning/ },
            { name: "bucket ACLs enabled", graph: catalogGraph(bucket, (c) => (forProvider(c, "ownership-controls").rule.objectOwnership = "ObjectWriter")), expect: /objectOwnership is "ObjectWriter"/ },
            {
                name: "bucket policy that allows instead of denying plain HTTP",
                graph: catalogGraph(bucket, (c) => {
                    const p = resource(c, "bucket-policy").patches.find((x: Obj) => x.toFieldPath === "spec.forProvider.policy");
                    p.combine.string.fmt = p.combine.string.fmt.replace('"Effect":"Deny"', '"Effect":"Allow"');
                }),
                expect: /no BucketPolicy denies s3:\* to everyone when aws:SecureTransport is false/,
            },
            { name: "queue key ARN optional (a queue could be created unencrypted)", graph: catalogGraph(queue, (c) => delete resource(c, "queue").patches.find((p: Obj) => p.toFieldPath === "spec.forProvider.kmsMasterKeyId").policy), expect: /queue \(Queue\): spec\.forProvider\.kmsMasterKeyId is not patched \(policy Required\)/ },
            { name: "queue key from the claim", graph: catalogGraph(queue, (c) => addPatch(c, "dead-letter-queue", fromClaim("key", "spec.forProvider.kmsMasterKeyId"))), expect: /writes spec\.forProvider\.kmsMasterKeyId; only the key's ARN/ },
            { name: "queue with SQS-managed encryption", graph: catalogGraph(queue, (c) => (forProvider(c, "queue").sqsManagedSseEnabled = true)), expect: /sqsManagedSseEnabled is true; must be unset/ },
            { name: "dead-letter queue without its TLS-only policy", graph: catalogGraph(queue, (c) => drop(c, "dead-letter-queue-policy")), expect: /2 Queue\(s\) but 1 QueuePolicy/ },
            { name: "key rotation off", graph: catalogGraph(bucket, (c) => (forProvider(c, "kms-key").enableKeyRotation = false)), expect: /kms-key \(Key\): spec\.forProvider\.enableKeyRotation is false/ },
            { name: "data store without its own key", graph: catalogGraph(cache, (c) => drop(c, "kms-key")), expect: /composes no kms\.aws\.upbound\.io Key/ },
        ],
    },
    "kubernetes-crossplane-composition-missing-required-tags": {
        baselines: [wholeCatalog],
        mutations: [
            { name: "RDS instance without the tags PatchSet", graph: catalogGraph(pg, (c) => (resource(c, "rds-instance").patches = resource(c, "rds-instance").patches.filter((p: Obj) => p.patchSetName !== "aws-common"))), expect: /rds-instance \(Instance\): tag Owner is not set last/ },
            { name: "queue tags without the claim's App", graph: catalogGraph(queue, (c) => (pt(c).patchSets.find((s: Obj) => s.name === "tags").patches = pt(c).patchSets.find((s: Obj) => s.name === "tags").patches.filter((p: Obj) => p.toFieldPath !== "spec.forProvider.tags[App]" || p.type !== "FromCompositeFieldPath"))), expect: /tag App is not set last by FromCompositeFieldPath metadata\.labels\[crossplane\.io\/claim-name\]/ },
            { name: "claim chooses the CostCenter", graph: catalogGraph(bucket, (c) => addPatch(c, "bucket", fromClaim("costCenter", "spec.forProvider.tags[CostCenter]"))), expect: /writes tag CostCenter; only tags\.CostCenter may/ },
            { name: "claim writes the whole tag map", graph: catalogGraph(cache, (c) => addPatch(c, "replication-group", fromClaim("tags", "spec.forProvider.tags"))), expect: /lets the claim write tags \(spec\.forProvider\.tags\)/ },
            { name: "Environment tag fixed in the base only", graph: catalogGraph(pg, (c) => { const s = pt(c).patchSets.find((x: Obj) => x.name === "aws-common"); s.patches = s.patches.filter((p: Obj) => p.fromFieldPath !== "tags.Environment"); }), expect: /tag Environment is not set last by FromEnvironmentFieldPath tags\.Environment/ },
        ],
    },
    "kubernetes-crossplane-composition-configure-data-store-access": {
        baselines: [wholeCatalog],
        mutations: [
            { name: "database without an ExternalSecret", graph: catalogGraph(pg, (c) => drop(c, "credentials")), expect: /no ExternalSecret syncing its credentials/ },
            { name: "cache without a NetworkPolicy", graph: catalogGraph(cache, (c) => drop(c, "network-policy")), expect: /no NetworkPolicy letting the claim's namespace reach it/ },
            { name: "ExternalSecret in a fixed namespace", graph: catalogGraph(pg, (c) => { resource(c, "credentials").base.metadata = { namespace: "default" }; }), expect: /credentials \(ExternalSecret\): metadata\.namespace is fixed in the base/ },
            { name: "NetworkPolicy namespace chosen by the claim", graph: catalogGraph("postgresql-aws-hardened", (c) => addPatch(c, "network-policy", fromClaim("namespace", "metadata.namespace"))), expect: /network-policy \(NetworkPolicy\): metadata\.namespace is not set \(only, and Required\)/ },
            { name: "NetworkPolicy egress to every port", graph: catalogGraph(cache, (c) => delete resource(c, "network-policy").base.spec.egress[0].ports), expect: /every egress rule must name its port/ },
            { name: "secret store from the claim", graph: catalogGraph(pg, (c) => addPatch(c, "credentials", fromClaim("store", "spec.secretStoreRef.name"))), expect: /secretStoreRef\.name must come from the EnvironmentConfig/ },
        ],
    },
};
