/**
 * The compliance invariants of a converged render, as a list of violations (empty when compliant):
 * encrypted with the Composition's own rotating key, private, in the data subnets, ingress from the
 * node security group only, the four tags, credentials and network access in the claim's namespace,
 * backups at or above the tier's minimum.
 */
import type { ClaimRender } from "./render";
import { untaggableKinds } from "../policy-packs/paved-compliance/policies/kubernetes/composition/model";

type Obj = Record<string, any>;
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : (v as number));
const same = (a: unknown, b: unknown) => JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? Number(v) : v)) === JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? Number(v) : v));

/** Minimum automated-backup retention per PostgreSQL tier (days). */
export const backupMinimum: Record<string, number> = { "postgresql-aws-standard": 7, "postgresql-aws-hardened": 35 };

export function invariantViolations(render: ClaimRender, env: Obj): string[] {
    const v: string[] = [];
    const claim = render.claim as Obj;
    const params: Obj = claim.spec.parameters ?? {};
    const ns: string = claim.metadata.namespace;
    const out = render.output;
    const all = out.resources.map((r) => ({ name: r.name, r: r.resource as Obj }));
    const kind = (k: string) => all.filter((x) => `${x.r.apiVersion.split("/")[0]}/${x.r.kind}` === k).map((x) => x.r);
    const check = (ok: boolean, what: string) => {
        if (!ok) v.push(what);
    };
    const tags = { Owner: ns, App: claim.metadata.name, Environment: env.tags.Environment, CostCenter: env.tags.CostCenter };
    const xrStatus: Obj = (out.composite as Obj).status ?? {};

    check(out.ready, `XR not ready: ${JSON.stringify(out.results)}`);
    for (const { name, r } of all) {
        const group = r.apiVersion.split("/")[0];
        if (group.endsWith(".aws.upbound.io")) {
            check(r.spec.forProvider.region === env.aws.region, `${name}: region ${r.spec.forProvider.region}`);
            if (!untaggableKinds.has(`${group}/${r.kind}`)) check(same(r.spec.forProvider.tags, tags), `${name}: tags ${JSON.stringify(r.spec.forProvider.tags)}`);
        } else {
            const expected = r.kind === "TemporalClusterClient" ? env.platform.temporal.namespace : ns;
            check(r.metadata.namespace === expected, `${name}: namespace ${r.metadata.namespace}, expected ${expected}`);
        }
    }

    const keys = kind("kms.aws.upbound.io/Key");
    for (const k of keys) {
        check(k.spec.forProvider.enableKeyRotation === true, "key rotation off");
        check(num(k.spec.forProvider.deletionWindowInDays) === 30, "key deletion window");
        check(k.spec.deletionPolicy === "Orphan", "key not orphaned on delete");
    }
    const ownKey = (sel: unknown) => same(sel, { matchControllerRef: true }) && keys.length === 1;
    for (const sn of [...kind("rds.aws.upbound.io/SubnetGroup"), ...kind("elasticache.aws.upbound.io/SubnetGroup")]) {
        check(same(sn.spec.forProvider.subnetIds, env.aws.dataSubnetIds), `subnet group not in the data subnets: ${sn.spec.forProvider.subnetIds}`);
    }
    const rules = kind("ec2.aws.upbound.io/SecurityGroupIngressRule");
    for (const rule of rules) {
        const fp = rule.spec.forProvider;
        check(fp.referencedSecurityGroupId === env.aws.nodeSecurityGroupId, `ingress from ${fp.referencedSecurityGroupId}`);
        check(fp.cidrIpv4 === undefined && fp.cidrIpv6 === undefined && fp.prefixListId === undefined, "ingress from a CIDR or prefix list");
        check(same(fp.securityGroupIdSelector, { matchControllerRef: true }), "ingress rule on another security group");
    }
    for (const sg of kind("ec2.aws.upbound.io/SecurityGroup")) check(sg.spec.forProvider.vpcId === env.aws.vpcId, "security group outside the platform VPC");

    /** Network data stores: exactly one ExternalSecret and one NetworkPolicy to the data subnets on the store's port. */
    const networkAccess = (port: number) => {
        const es = kind("external-secrets.io/ExternalSecret");
        const np = kind("networking.k8s.io/NetworkPolicy");
        check(es.length === 1 && np.length === 1, `ExternalSecrets ${es.length}, NetworkPolicies ${np.length}`);
        for (const e of es) check(e.spec.secretStoreRef.name === env.platform.secretStore && e.spec.secretStoreRef.kind === "ClusterSecretStore", "ExternalSecret store");
        for (const p of np) {
            check(same(p.spec.policyTypes, ["Egress"]) && p.spec.ingress === undefined, "NetworkPolicy not egress-only");
            check(same(p.spec.egress, [{ to: env.aws.dataSubnetCidrs.map((cidr: string) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port }] }]), `NetworkPolicy egress ${JSON.stringify(p.spec.egress, (_k, x) => (typeof x === "bigint" ? Number(x) : x))}`);
        }
        check(rules.length === 1 && num(rules[0].spec.forProvider.fromPort) === port && num(rules[0].spec.forProvider.toPort) === port, "ingress rule port");
    };

    switch (render.api.claimKind) {
        case "PostgreSQLInstance": {
            const [db] = kind("rds.aws.upbound.io/Instance");
            const fp = db.spec.forProvider;
            const hardened = render.composition.name === "postgresql-aws-hardened";
            check(fp.storageEncrypted === true && ownKey(fp.kmsKeyIdSelector), "storage not encrypted with its own key");
            check(fp.publiclyAccessible === false, "public");
            check(num(fp.backupRetentionPeriod) >= backupMinimum[render.composition.name], `backups ${fp.backupRetentionPeriod}`);
            check(fp.deletionProtection === true && fp.skipFinalSnapshot === false, "no deletion protection or final snapshot");
            check(fp.manageMasterUserPassword === true && ownKey(fp.masterUserSecretKmsKeyIdSelector), "master secret not managed with its own key");
            check(fp.multiAz === (hardened ? true : params.multiAZ), `multiAz ${fp.multiAz}`);
            check(num(fp.allocatedStorage) === num(params.storageGB) && fp.instanceClass === params.instanceClass, "size not from the claim");
            check(same(fp.dbSubnetGroupNameSelector, { matchControllerRef: true }) && same(fp.vpcSecurityGroupIdSelector, { matchControllerRef: true }), "placement selectors");
            networkAccess(5432);
            break;
        }
        case "ElastiCacheCluster": {
            const [rg] = kind("elasticache.aws.upbound.io/ReplicationGroup");
            const fp = rg.spec.forProvider;
            const multi = num(params.nodes) > 1;
            check(fp.atRestEncryptionEnabled === "true" && ownKey(fp.kmsKeyIdSelector), "not encrypted at rest with its own key");
            check(fp.transitEncryptionEnabled === true && fp.transitEncryptionMode === "required", "no TLS");
            check(fp.autoGenerateAuthToken === true, "no auth token");
            check(num(fp.snapshotRetentionLimit) >= 1, "no snapshots");
            check(fp.automaticFailoverEnabled === multi && fp.multiAzEnabled === multi && num(fp.numCacheClusters) === num(params.nodes), "failover/Multi-AZ not following the node count");
            const [secret] = kind("secretsmanager.aws.upbound.io/Secret");
            check(ownKey(secret.spec.forProvider.kmsKeyIdSelector), "auth token secret not encrypted with its own key");
            const [es] = kind("external-secrets.io/ExternalSecret");
            check(es.spec.data[0].remoteRef.key === secret.spec.forProvider.name, "ExternalSecret does not read the auth token secret");
            networkAccess(6379);
            break;
        }
        case "S3Bucket": {
            const [b] = kind("s3.aws.upbound.io/Bucket");
            const name = b.metadata.annotations["crossplane.io/external-name"];
            check(typeof name === "string" && name.startsWith(`${env.aws.resourceNamePrefix}-`) && name.length <= 63, `bucket name ${name}`);
            const [pab] = kind("s3.aws.upbound.io/BucketPublicAccessBlock");
            check(["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every((f) => pab.spec.forProvider[f] === true), "public access not blocked");
            const [sse] = kind("s3.aws.upbound.io/BucketServerSideEncryptionConfiguration");
            const rule = sse.spec.forProvider.rule[0];
            check(rule.applyServerSideEncryptionByDefault.sseAlgorithm === "aws:kms" && ownKey(rule.applyServerSideEncryptionByDefault.kmsMasterKeyIdSelector) && rule.bucketKeyEnabled === true, "not SSE-KMS with its own key");
            check(kind("s3.aws.upbound.io/BucketVersioning")[0].spec.forProvider.versioningConfiguration.status === "Enabled", "not versioned");
            check(kind("s3.aws.upbound.io/BucketOwnershipControls")[0].spec.forProvider.rule.objectOwnership === "BucketOwnerEnforced", "ACLs enabled");
            const policy = JSON.parse(kind("s3.aws.upbound.io/BucketPolicy")[0].spec.forProvider.policy);
            check(same(policy.Statement[0].Resource, [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`]) && policy.Statement[0].Effect === "Deny" && policy.Statement[0].Condition.Bool["aws:SecureTransport"] === "false", "bucket policy not TLS-only on the bucket");
            const expiry = kind("s3.aws.upbound.io/BucketLifecycleConfiguration")[0].spec.forProvider.rule[2];
            const days = params.lifecycle?.expireAfterDays;
            check(expiry.status === (days === undefined ? "Disabled" : "Enabled") && (days === undefined || num(expiry.expiration[0].days) === num(days)), "object expiry not as claimed");
            break;
        }
        case "SQSQueue": {
            const queues = kind("sqs.aws.upbound.io/Queue");
            check(queues.length === 2, `${queues.length} queues`);
            for (const q of queues) {
                check(q.spec.forProvider.kmsMasterKeyId === xrStatus.kmsKeyArn && typeof xrStatus.kmsKeyArn === "string" && keys.length === 1, "queue not encrypted with its own key");
                check(q.spec.forProvider.sqsManagedSseEnabled === undefined, "SQS-managed SSE");
                check(String(q.spec.forProvider.name).startsWith(`${env.aws.resourceNamePrefix}-`), "queue name prefix");
            }
            const main = queues.find((q) => q.metadata.labels["platform.example.com/queue"] === "main")!;
            check(num(main.spec.forProvider.messageRetentionSeconds) === num(params.messageRetentionSeconds) && num(main.spec.forProvider.visibilityTimeoutSeconds) === num(params.visibilityTimeoutSeconds), "retention/visibility not from the claim");
            const policies = kind("sqs.aws.upbound.io/QueuePolicy").map((p) => JSON.parse(p.spec.forProvider.policy).Statement[0]);
            check(same(policies.map((s) => s.Resource).sort(), [xrStatus.queueArn, xrStatus.deadLetterQueueArn].sort()) && policies.every((s) => s.Effect === "Deny" && s.Condition.Bool["aws:SecureTransport"] === "false"), "queues not TLS-only");
            const redrive = JSON.parse(kind("sqs.aws.upbound.io/QueueRedrivePolicy")[0].spec.forProvider.redrivePolicy);
            check(redrive.deadLetterTargetArn === xrStatus.deadLetterQueueArn && redrive.maxReceiveCount === num(params.maxReceiveCount), "redrive");
            break;
        }
        case "TemporalNamespace": {
            const [tn] = kind("temporal.io/TemporalNamespace");
            check(tn.spec.retentionPeriod === `${num(params.retentionDays) * 24}h`, `retention ${tn.spec.retentionPeriod}`);
            check(same(tn.spec.clusterRef, { name: env.platform.temporal.clusterName, namespace: env.platform.temporal.namespace }) && tn.spec.allowDeletion === false, "cluster ref / deletion");
            const [np] = kind("networking.k8s.io/NetworkPolicy");
            check(num(np.spec.egress[0].ports[0].port) === env.platform.temporal.frontendPort && np.spec.egress[0].to[0].namespaceSelector.matchLabels["kubernetes.io/metadata.name"] === env.platform.temporal.namespace, "NetworkPolicy not to the Temporal frontend");
            check(kind("temporal.io/TemporalClusterClient").length === 1, "no client identity");
            break;
        }
        default:
            v.push(`no invariants for ${render.api.claimKind}`);
    }
    return v;
}
