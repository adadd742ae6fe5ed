import type { RecordedResource } from "../offline-engine/graph";
import { recorded } from "../test/policy-packs/fixtures";

/**
 * Deliberately non-compliant resources, one flaw family each, for types both packs could judge.
 * Inputs follow @pulumi/aws 7 (what the platform and its tenants write today).
 */
export interface Flawed {
    resource: RecordedResource;
    flaws: string;
}

const noTags = {};

export function noncompliantResources(): Flawed[] {
    const r = (type: string, name: string, inputs: Record<string, unknown>, flaws: string): Flawed => ({ resource: recorded(type, { ...inputs, tags: noTags }, { name }), flaws });
    return [
        r("aws:ec2/instance:Instance", "public-instance", { ami: "ami-1", instanceType: "t3.micro", associatePublicIpAddress: true, rootBlockDevice: { encrypted: false } }, "public IP, IMDSv1, unencrypted root volume, no detailed monitoring, untagged"),
        r("aws:ebs/volume:Volume", "plain-volume", { availabilityZone: "eu-west-1a", size: 10, encrypted: false }, "unencrypted volume, untagged"),
        r("aws:rds/instance:Instance", "open-db", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20, publiclyAccessible: true, storageEncrypted: false, backupRetentionPeriod: 0, multiAz: false, skipFinalSnapshot: true }, "public, unencrypted, no backups, single AZ, no deletion protection, no IAM auth, no log exports"),
        r("aws:kms/key:Key", "static-key", { description: "no rotation", enableKeyRotation: false, deletionWindowInDays: 7 }, "no rotation, short deletion window"),
        r("aws:s3/bucket:Bucket", "plain-bucket", { forceDestroy: true }, "no logging, no encryption/public-access-block/versioning resources"),
        r("aws:ec2/securityGroup:SecurityGroup", "ssh-open", { description: "ssh", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, "SSH from the internet"),
        r("aws:cloudwatch/logGroup:LogGroup", "plain-logs", { name: "/app/plain" }, "no KMS, no retention"),
        r("aws:eks/cluster:Cluster", "open-cluster", { roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { subnetIds: ["subnet-1"] } }, "public endpoint, no secrets encryption, no logs, aws-auth ConfigMap"),
        r("aws:sqs/queue:Queue", "plain-queue", { sqsManagedSseEnabled: false }, "unencrypted queue with no TLS-only policy"),
        r("aws:iam/policy:Policy", "admin-policy", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }, "full administrative privileges"),
        r("aws:iam/role:Role", "any-repo-role", {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme-bank/*" } } }],
            }),
        }, "any repository of the organization, no audience, no permissions boundary"),
        r("aws:ec2/launchTemplate:LaunchTemplate", "plain-template", { imageId: "ami-1" }, "IMDSv1, no encrypted volume mapping"),
        r("aws:lb/loadBalancer:LoadBalancer", "plain-alb", { loadBalancerType: "application", internal: false, enableDeletionProtection: false }, "no access logs, no deletion protection"),
        r("aws:efs/fileSystem:FileSystem", "plain-efs", { encrypted: false }, "unencrypted file system"),
        r("aws:dynamodb/table:Table", "plain-table", { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST" }, "no customer-managed encryption, no point-in-time recovery"),
    ];
}
