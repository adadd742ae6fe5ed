import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import type { PolicyCase } from "./cases";
import { baselineResource, graphOf, recorded, tags } from "./fixtures";

/**
 * Cases of the policies added where @pulumi/awsguard caught what the pack missed (see
 * awsguard-comparison/): EC2 instances, EBS volumes, EFS, RDS Multi-AZ and raw S3 buckets.
 */

const key = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-4000-8000-000000000042";
const one = (type: string, mutate?: (p: Record<string, any>) => void) => () => graphOf([baselineResource(type, mutate)]);

const instance = (mutate?: (p: Record<string, any>) => void) => () =>
    graphOf([
        recorded(
            "aws:ec2/instance:Instance",
            (() => {
                const p: Record<string, any> = {
                    ami: "ami-1",
                    instanceType: "t3.micro",
                    associatePublicIpAddress: false,
                    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
                    rootBlockDevice: { encrypted: true, kmsKeyId: key, volumeSize: 20 },
                    ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: key, volumeSize: 50 }],
                    tags: { ...tags },
                };
                mutate?.(p);
                return p;
            })(),
        ),
    ]);

const volume = (mutate?: (p: Record<string, any>) => void) => () => {
    const p: Record<string, any> = { availabilityZone: "eu-west-1a", size: 50, encrypted: true, kmsKeyId: key, tags: { ...tags } };
    mutate?.(p);
    return graphOf([recorded("aws:ebs/volume:Volume", p)]);
};

const efs = (mutate?: (p: Record<string, any>) => void) => () => {
    const p: Record<string, any> = { encrypted: true, kmsKeyId: key, tags: { ...tags } };
    mutate?.(p);
    return graphOf([recorded("aws:efs/fileSystem:FileSystem", p)]);
};

const rds = (multiAz: boolean | undefined) => () =>
    graphOf([recorded("aws:rds/instance:Instance", { engine: "postgres", instanceClass: "db.m7g.large", ...(multiAz === undefined ? {} : { multiAz }), storageEncrypted: true, tags: { ...tags } })]);

type Part = "sse" | "pab" | "logging" | "versioning";

/** A bucket with its configuration resources linked through `bucket`; `change` breaks one part. */
function bucketGraph(options: { bucketType?: string; omit?: Part[]; change?: Partial<Record<Part, (p: Record<string, any>) => void>>; logBucket?: boolean } = {}): () => ResourceGraph {
    return () => {
        const bucket = recorded(options.bucketType ?? "aws:s3/bucket:Bucket", { tags: { ...tags, ...(options.logBucket ? { "paved.io/log-bucket": "true" } : {}) } }, { name: "data" });
        const linked = (type: string, part: Part, props: Record<string, any>): RecordedResource[] => {
            if (options.omit?.includes(part)) {
                return [];
            }
            options.change?.[part]?.(props);
            return [recorded(type, { bucket: "data-1234567", ...props }, { name: `data-${part}`, propertyDependencies: { bucket: [bucket.urn] } })];
        };
        return graphOf([
            bucket,
            ...linked("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "sse", {
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key }, bucketKeyEnabled: true }],
            }),
            ...linked("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
            ...linked("aws:s3/bucketLogging:BucketLogging", "logging", { targetBucket: "logs-7654321", targetPrefix: "data/" }),
            ...linked("aws:s3/bucketVersioning:BucketVersioning", "versioning", { versioningConfiguration: { status: "Enabled" } }),
        ]);
    };
}

function endpointsGraph(options: { omit?: string; noPrivateDns?: string; otherVpc?: boolean } = {}): () => ResourceGraph {
    return () => {
        const vpc = recorded("awsx:ec2:Vpc", { cidrBlock: "10.40.0.0/16", tags: { ...tags } }, { name: "vpc" });
        const other = recorded("aws:ec2/vpc:Vpc", { cidrBlock: "10.41.0.0/16", tags: { ...tags } }, { name: "other" });
        const endpoints = ["ec2", "ecr.api", "ecr.dkr", "ssm", "sts"]
            .filter((s) => s !== options.omit)
            .map((s) =>
                recorded(
                    "aws:ec2/vpcEndpoint:VpcEndpoint",
                    { vpcId: "vpc-1", serviceName: `com.amazonaws.eu-west-1.${s}`, vpcEndpointType: "Interface", privateDnsEnabled: s !== options.noPrivateDns, tags: { ...tags } },
                    { name: `ep-${s}`, propertyDependencies: { vpcId: [options.otherVpc ? other.urn : vpc.urn] } },
                ),
            );
        return graphOf([vpc, ...(options.otherVpc ? [other] : []), ...endpoints]);
    };
}

const oidc = (clientIdLists: string[], url = "https://token.actions.githubusercontent.com") => () => graphOf([recorded("aws:iam/openIdConnectProvider:OpenIdConnectProvider", { url, clientIdLists, tags: { ...tags } })]);

const attachment = (role: string, policy: string) => () => graphOf([recorded("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role, policyArn: `arn:aws:iam::aws:policy/${policy}` })]);

const clusterRole = (rules: Record<string, unknown>[]) => () =>
    graphOf([recorded("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "compose" }, rules })]);

const xrd = (policy: string | undefined) => () =>
    graphOf([
        recorded("kubernetes:apiextensions.crossplane.io/v1:CompositeResourceDefinition", {
            apiVersion: "apiextensions.crossplane.io/v1",
            kind: "CompositeResourceDefinition",
            metadata: { name: "xpostgresqlinstances.platform.example.com" },
            spec: { group: "platform.example.com", ...(policy ? { defaultCompositionUpdatePolicy: policy } : {}) },
        }),
    ]);

const providerConfig = (source: string | undefined) => () =>
    graphOf([recorded("kubernetes:aws.upbound.io/v1beta1:ProviderConfig", { apiVersion: "aws.upbound.io/v1beta1", kind: "ProviderConfig", metadata: { name: "default" }, spec: { credentials: source ? { source } : {} } })]);

export const gapPolicyCases: Record<string, PolicyCase> = {
    "aws-ec2-instance-disallow-public-ip": {
        baselines: [
            { name: "private instance", graph: instance() },
            { name: "launch template without public interfaces", graph: one("aws:ec2/launchTemplate:LaunchTemplate") },
        ],
        mutations: [
            { name: "public IP", graph: instance((p) => (p.associatePublicIpAddress = true)), expect: /associatePublicIpAddress is true/ },
            { name: "launch template interface with a public IP", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => (p.networkInterfaces = [{ associatePublicIpAddress: "true" }])), expect: /EC2\.25/ },
        ],
    },
    "aws-ec2-instance-disallow-unencrypted-volumes": {
        baselines: [
            { name: "root and data volumes with the volumes key", graph: instance() },
            { name: "launched from a launch template", graph: instance((p) => Object.assign(p, { rootBlockDevice: undefined, ebsBlockDevices: undefined, launchTemplate: { id: "lt-1" } })) },
        ],
        mutations: [
            { name: "unencrypted root", graph: instance((p) => (p.rootBlockDevice.encrypted = false)), expect: /rootBlockDevice is not encrypted/ },
            { name: "data volume with the AWS key", graph: instance((p) => delete p.ebsBlockDevices[0].kmsKeyId), expect: /ebsBlockDevices\[0\] is encrypted with the AWS-managed key/ },
            { name: "root left to the AMI", graph: instance((p) => delete p.rootBlockDevice), expect: /no rootBlockDevice and no launch template/ },
        ],
    },
    "aws-ebs-volume-disallow-unencrypted-volume": {
        baselines: [{ name: "encrypted with the volumes key", graph: volume() }],
        mutations: [
            { name: "unencrypted", graph: volume((p) => (p.encrypted = false)), expect: /encrypted is not true/ },
            { name: "AWS-managed key", graph: volume((p) => delete p.kmsKeyId), expect: /kmsKeyId is not set/ },
        ],
    },
    "aws-efs-filesystem-enable-encryption": {
        baselines: [{ name: "encrypted with a CMK", graph: efs() }],
        mutations: [
            { name: "unencrypted", graph: efs((p) => (p.encrypted = false)), expect: /encrypted is not true/ },
            { name: "AWS-managed key", graph: efs((p) => delete p.kmsKeyId), expect: /kmsKeyId is not set/ },
        ],
    },
    "aws-rds-instance-enable-multi-az": {
        baselines: [{ name: "Multi-AZ", graph: rds(true) }],
        mutations: [
            { name: "single AZ", graph: rds(false), expect: /multiAz is not true/ },
            { name: "left to the default (single AZ)", graph: rds(undefined), expect: /multiAz is not true/ },
        ],
    },
    "aws-s3-bucket-enable-server-side-encryption": {
        baselines: [
            { name: "SSE-KMS with a CMK and a bucket key", graph: bucketGraph() },
            { name: "the deprecated BucketV2 type", graph: bucketGraph({ bucketType: "aws:s3/bucketV2:BucketV2" }) },
        ],
        mutations: [
            { name: "no encryption configuration", graph: bucketGraph({ omit: ["sse"] }), expect: /has no server-side encryption configuration/ },
            { name: "SSE-S3", graph: bucketGraph({ change: { sse: (p) => (p.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]) } }), expect: /encryption is AES256 without a customer-managed key/ },
            { name: "no bucket key", graph: bucketGraph({ change: { sse: (p) => (p.rules[0].bucketKeyEnabled = false) } }), expect: /bucketKeyEnabled is not true/ },
        ],
    },
    "aws-s3-bucket-disallow-public-access": {
        baselines: [{ name: "all four blocks", graph: bucketGraph() }],
        mutations: [
            { name: "no public access block", graph: bucketGraph({ omit: ["pab"] }), expect: /has no public access block/ },
            { name: "public policies allowed", graph: bucketGraph({ change: { pab: (p) => (p.blockPublicPolicy = false) } }), expect: /leaves blockPublicPolicy off/ },
        ],
    },
    "aws-s3-bucket-enable-access-logging": {
        baselines: [
            { name: "logs to a log bucket", graph: bucketGraph() },
            { name: "a log bucket itself", graph: bucketGraph({ omit: ["logging"], logBucket: true }) },
        ],
        mutations: [{ name: "no access logging", graph: bucketGraph({ omit: ["logging"] }), expect: /has no server access logging/ }],
    },
    "aws-s3-bucket-enable-versioning": {
        baselines: [{ name: "versioning Enabled", graph: bucketGraph() }],
        mutations: [
            { name: "no versioning resource", graph: bucketGraph({ omit: ["versioning"] }), expect: /does not have versioning Enabled/ },
            { name: "suspended", graph: bucketGraph({ change: { versioning: (p) => (p.versioningConfiguration.status = "Suspended") } }), expect: /does not have versioning Enabled/ },
        ],
    },
    "aws-ec2-vpc-configure-interface-endpoints": {
        baselines: [{ name: "the four endpoints with private DNS", graph: endpointsGraph() }],
        mutations: [
            { name: "no SSM endpoint", graph: endpointsGraph({ omit: "ssm" }), expect: /no private-DNS interface endpoint for ssm \(EC2\.57\)/ },
            { name: "ECR docker endpoint without private DNS", graph: endpointsGraph({ noPrivateDns: "ecr.dkr" }), expect: /ecr\.dkr \(EC2\.56\)/ },
            { name: "endpoints of another VPC", graph: endpointsGraph({ otherVpc: true }), expect: /ec2 \(EC2\.10\), ecr\.api \(EC2\.55\), ecr\.dkr \(EC2\.56\), ssm \(EC2\.57\)/ },
        ],
    },
    "aws-iam-openidconnectprovider-configure-audience": {
        baselines: [
            { name: "GitHub provider for STS", graph: oidc(["sts.amazonaws.com"]) },
            { name: "another provider is not concerned", graph: oidc(["my-app"], "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC") },
        ],
        mutations: [
            { name: "extra audience", graph: oidc(["sts.amazonaws.com", "my-app"]), expect: /clientIdLists is \["sts\.amazonaws\.com","my-app"\]/ },
            { name: "wrong audience", graph: oidc(["https://github.com/acme-bank"]), expect: /not \["sts\.amazonaws\.com"\]/ },
        ],
    },
    "aws-iam-rolepolicyattachment-disallow-admin-access": {
        baselines: [
            { name: "AdministratorAccess on the deploy role", graph: attachment("paved-prod-deploy", "AdministratorAccess") },
            { name: "AdministratorAccess on the break-glass role", graph: attachment("paved-prod-break-glass", "AdministratorAccess") },
            { name: "ReadOnlyAccess on the auditor role", graph: attachment("paved-prod-auditor", "ReadOnlyAccess") },
        ],
        mutations: [
            { name: "AdministratorAccess on a controller role", graph: attachment("crossplane-provider-aws", "AdministratorAccess"), expect: /attaches AdministratorAccess to role crossplane-provider-aws/ },
            { name: "IAMFullAccess on the preview role", graph: attachment("paved-prod-preview", "IAMFullAccess"), expect: /attaches IAMFullAccess/ },
        ],
    },
    "kubernetes-rbac-role-disallow-wildcards": {
        baselines: [{ name: "named groups, resources and verbs", graph: clusterRole([{ apiGroups: ["external-secrets.io"], resources: ["externalsecrets"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] }]) }],
        mutations: [
            { name: "all verbs", graph: clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["*"] }]), expect: /rules\[0\]\.verbs contains "\*"/ },
            { name: "all resources of all groups", graph: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["get"] }]), expect: /apiGroups contains "\*"/ },
            { name: "impersonation", graph: clusterRole([{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }]), expect: /grants impersonate/ },
        ],
    },
    "kubernetes-crossplane-xrd-configure-manual-updates": {
        baselines: [{ name: "Manual", graph: xrd("Manual") }],
        mutations: [
            { name: "Automatic", graph: xrd("Automatic"), expect: /is Automatic, not Manual/ },
            { name: "unset (Automatic)", graph: xrd(undefined), expect: /unset \(Automatic\)/ },
        ],
    },
    "kubernetes-crossplane-providerconfig-disallow-static-credentials": {
        baselines: [{ name: "Pod Identity", graph: providerConfig("PodIdentity") }],
        mutations: [
            { name: "access keys from a Secret", graph: providerConfig("Secret"), expect: /is Secret, not one of PodIdentity, IRSA, WebIdentity/ },
            { name: "no credentials source", graph: providerConfig(undefined), expect: /is unset/ },
        ],
    },
};

