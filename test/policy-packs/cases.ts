import { keyPolicy } from "../../components/encryption/key-policy";
import type { ResourceGraph } from "../../offline-engine/graph";
import { baselineResource, graphOf, namespaceGraph, networkGraph, queueGraph, recorded, tags } from "./fixtures";
import { compositionPolicyCases } from "./composition-cases";
import { helmPolicyCases } from "./helm-cases";
import { dataStorePolicyCases } from "./data-store-cases";
import { gapPolicyCases } from "./gap-cases";

/**
 * For every policy of the pack: compliant baselines (no violation) and each mutation that breaks
 * the control (a violation whose message matches `expect`). `policy-cases.test.ts` runs them all
 * and fails if a policy has no entry.
 */
export interface PolicyCase {
    /** Pack config for the policy under test (what `--policy-pack-config` would give it). */
    config?: Record<string, unknown>;
    baselines: { name: string; graph: () => ResourceGraph }[];
    mutations: { name: string; graph: () => ResourceGraph; expect: RegExp }[];
}

const trustWith = (statement: Record<string, unknown>) => (p: Record<string, any>) => (p.assumeRolePolicy = JSON.stringify({ Version: "2012-10-17", Statement: [statement] }));
const githubStatement = (conditions: Record<string, Record<string, unknown>>) => ({
    Effect: "Allow",
    Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: conditions,
});
const aud = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
const policyWith = (statement: Record<string, unknown>) => (p: Record<string, any>) => (p.policy = JSON.stringify({ Version: "2012-10-17", Statement: [statement] }));

const one = (type: string, mutate?: (p: Record<string, any>) => void) => () => graphOf([baselineResource(type, mutate)]);

/** A resource using the given provider (for tag policies). */
function withProvider(type: string, mutate: ((p: Record<string, any>) => void) | undefined, defaultTags: Record<string, string> | undefined): () => ResourceGraph {
    return () => {
        const provider = recorded("pulumi:providers:aws", defaultTags ? { region: "eu-west-1", defaultTags: JSON.stringify({ tags: defaultTags }) } : { region: "eu-west-1" }, { name: "aws" });
        const r = baselineResource(type, mutate, { provider: provider.urn });
        return graphOf([provider, r]);
    };
}

/** Rewrites the statements of a JSON `policy` input. */
const statements = (edit: (statements: Record<string, any>[]) => void) => (p: Record<string, any>) => {
    const doc = JSON.parse(p.policy);
    edit(doc.Statement);
    p.policy = JSON.stringify(doc);
};
const denyHttp = (s: Record<string, any>[]) => s.find((x) => x.Sid === "DenyHTTP")!;
const nodeClass = (mutate?: (spec: Record<string, any>) => void) => one("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", mutate && ((p) => mutate(p.spec)));
const nodePool = () => graphOf([recorded("kubernetes:karpenter.sh/v1:NodePool", { apiVersion: "karpenter.sh/v1", kind: "NodePool", metadata: { name: "general" }, spec: { template: { spec: {} } } })]);

export const policyCases: Record<string, PolicyCase> = {
    "aws-eks-cluster-enable-secrets-encryption": {
        baselines: [
            { name: "raw cluster with a KMS key for secrets", graph: one("aws:eks/cluster:Cluster") },
            { name: "eks component with encryptionConfigKeyArn", graph: one("eks:index:Cluster") },
        ],
        mutations: [
            { name: "raw: no encryptionConfig", graph: one("aws:eks/cluster:Cluster", (p) => delete p.encryptionConfig), expect: /encryptionConfig\.provider\.keyArn is not set/ },
            { name: "raw: secrets not in resources", graph: one("aws:eks/cluster:Cluster", (p) => (p.encryptionConfig.resources = [])), expect: /does not include "secrets"/ },
            { name: "component: no key", graph: one("eks:index:Cluster", (p) => delete p.encryptionConfigKeyArn), expect: /encryptionConfigKeyArn is not set/ },
        ],
    },
    "aws-eks-cluster-disallow-unrestricted-api-endpoint": {
        baselines: [
            { name: "raw: private only", graph: one("aws:eks/cluster:Cluster") },
            { name: "component: private only", graph: one("eks:index:Cluster") },
            { name: "component: public with an allow-list", graph: one("eks:index:Cluster", (p) => Object.assign(p, { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] })) },
            { name: "raw: public with an allow-list", graph: one("aws:eks/cluster:Cluster", (p) => Object.assign(p.vpcConfig, { endpointPublicAccess: true, publicAccessCidrs: ["198.51.100.0/24"] })) },
        ],
        mutations: [
            { name: "raw: public, no allow-list", graph: one("aws:eks/cluster:Cluster", (p) => (p.vpcConfig.endpointPublicAccess = true)), expect: /endpointPublicAccess is true without publicAccessCidrs/ },
            { name: "raw: defaults (public on, private off)", graph: one("aws:eks/cluster:Cluster", (p) => (p.vpcConfig = { subnetIds: ["s"] })), expect: /endpointPrivateAccess is not true/ },
            { name: "raw: allow-list of 0.0.0.0/0", graph: one("aws:eks/cluster:Cluster", (p) => Object.assign(p.vpcConfig, { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] })), expect: /allows everyone/ },
            { name: "component: public by default", graph: one("eks:index:Cluster", (p) => delete p.endpointPublicAccess), expect: /endpointPublicAccess is true without publicAccessCidrs/ },
            { name: "component: private off", graph: one("eks:index:Cluster", (p) => (p.endpointPrivateAccess = false)), expect: /endpointPrivateAccess is not true/ },
            { name: "component: ::/0 allowed", graph: one("eks:index:Cluster", (p) => Object.assign(p, { endpointPublicAccess: true, publicAccessCidrs: ["::/0"] })), expect: /allows everyone/ },
        ],
    },
    "aws-eks-cluster-enable-control-plane-logging": {
        baselines: [
            { name: "raw: all five", graph: one("aws:eks/cluster:Cluster") },
            { name: "component: all five", graph: one("eks:index:Cluster") },
        ],
        mutations: [
            { name: "raw: audit missing", graph: one("aws:eks/cluster:Cluster", (p) => (p.enabledClusterLogTypes = ["api", "authenticator", "controllerManager", "scheduler"])), expect: /missing audit/ },
            { name: "raw: no logging", graph: one("aws:eks/cluster:Cluster", (p) => delete p.enabledClusterLogTypes), expect: /missing api, audit, authenticator, controllerManager, scheduler/ },
            { name: "component: scheduler missing", graph: one("eks:index:Cluster", (p) => p.enabledClusterLogTypes.pop()), expect: /missing scheduler/ },
        ],
    },
    "aws-eks-cluster-configure-api-authentication-mode": {
        baselines: [
            { name: "raw: API", graph: one("aws:eks/cluster:Cluster") },
            { name: "component: API", graph: one("eks:index:Cluster") },
        ],
        mutations: [
            { name: "raw: API_AND_CONFIG_MAP", graph: one("aws:eks/cluster:Cluster", (p) => (p.accessConfig.authenticationMode = "API_AND_CONFIG_MAP")), expect: /is API_AND_CONFIG_MAP, not API/ },
            { name: "raw: default (CONFIG_MAP)", graph: one("aws:eks/cluster:Cluster", (p) => delete p.accessConfig), expect: /is CONFIG_MAP, not API/ },
            { name: "component: CONFIG_MAP", graph: one("eks:index:Cluster", (p) => (p.authenticationMode = "CONFIG_MAP")), expect: /is CONFIG_MAP, not API/ },
        ],
    },
    "aws-eks-addon-enable-network-policy": {
        baselines: [
            { name: "vpc-cni add-on with network policy", graph: one("aws:eks/addon:Addon") },
            { name: "another add-on is not concerned", graph: one("aws:eks/addon:Addon", (p) => Object.assign(p, { addonName: "coredns", configurationValues: undefined })) },
            { name: "component with vpcCniOptions", graph: one("eks:index:Cluster") },
            { name: "VpcCniAddon component", graph: one("eks:index:VpcCniAddon") },
        ],
        mutations: [
            { name: "add-on: no configuration", graph: one("aws:eks/addon:Addon", (p) => delete p.configurationValues), expect: /does not set enableNetworkPolicy/ },
            { name: "add-on: false", graph: one("aws:eks/addon:Addon", (p) => (p.configurationValues = '{"enableNetworkPolicy":"false"}')), expect: /does not set enableNetworkPolicy/ },
            { name: "add-on: invalid JSON", graph: one("aws:eks/addon:Addon", (p) => (p.configurationValues = "{")), expect: /not valid JSON/ },
            { name: "component: option off", graph: one("eks:index:Cluster", (p) => delete p.vpcCniOptions), expect: /vpcCniOptions\.enableNetworkPolicy is not true/ },
            { name: "VpcCniAddon: off", graph: one("eks:index:VpcCniAddon", (p) => (p.enableNetworkPolicy = false)), expect: /enableNetworkPolicy is not true/ },
        ],
    },
    "aws-eks-nodegroup-enable-imdsv2": {
        baselines: [
            { name: "managed node group with a launch template", graph: one("aws:eks/nodeGroup:NodeGroup") },
            { name: "eks ManagedNodeGroup with a launch template", graph: one("eks:index:ManagedNodeGroup") },
            { name: "eks ManagedNodeGroup with enableIMDSv2", graph: one("eks:index:ManagedNodeGroup", (p) => Object.assign(p, { launchTemplate: undefined, enableIMDSv2: true })) },
            { name: "cluster without default node group", graph: one("eks:index:Cluster") },
        ],
        mutations: [
            { name: "node group without launch template", graph: one("aws:eks/nodeGroup:NodeGroup", (p) => delete p.launchTemplate), expect: /no launchTemplate/ },
            { name: "eks ManagedNodeGroup without either", graph: one("eks:index:ManagedNodeGroup", (p) => delete p.launchTemplate), expect: /neither launchTemplate nor enableIMDSv2/ },
            { name: "cluster with default node group", graph: one("eks:index:Cluster", (p) => (p.skipDefaultNodeGroup = false)), expect: /default node group/ },
        ],
    },
    "aws-ec2-vpc-enable-flow-logs": {
        baselines: [
            { name: "awsx VPC with a flow log", graph: () => networkGraph() },
            { name: "raw VPC with a flow log", graph: () => networkGraph({ vpcType: "aws:ec2/vpc:Vpc" }) },
            {
                name: "raw VPC inside an awsx Vpc (real preview), flow log on the component",
                graph: () => {
                    const g = networkGraph();
                    const child = baselineResource("aws:ec2/vpc:Vpc", undefined, { name: "vpc-child", parent: g.resources[0].urn });
                    return graphOf([...g.resources, child]);
                },
            },
        ],
        mutations: [
            { name: "no flow log", graph: () => networkGraph({ flowLog: false }), expect: /VPC vpc has no flow log/ },
            {
                name: "flow log attached to another VPC",
                graph: () => {
                    const g = networkGraph({ flowLog: false });
                    const other = baselineResource("aws:ec2/vpc:Vpc", undefined, { name: "other" });
                    const flow = baselineResource("aws:ec2/flowLog:FlowLog", undefined, { name: "flow", propertyDependencies: { vpcId: [other.urn] } });
                    return graphOf([...g.resources, other, flow]);
                },
                expect: /VPC vpc has no flow log/,
            },
        ],
    },
    "aws-ec2-defaultsecuritygroup-disallow-traffic": {
        baselines: [{ name: "managed, no rules", graph: () => networkGraph() }],
        mutations: [
            { name: "default SG with an ingress rule", graph: () => networkGraph({ defaultSg: (p) => void (p.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }]) }), expect: /has 1 ingress and 0 egress rules/ },
            { name: "default SG with egress", graph: () => networkGraph({ defaultSg: (p) => void (p.egress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]) }), expect: /has 0 ingress and 1 egress rules/ },
            { name: "default SG not managed", graph: () => networkGraph({ defaultSg: () => "omit" }), expect: /default security group is not managed/ },
        ],
    },
    "aws-ec2-securitygroup-disallow-public-ingress": {
        baselines: [
            { name: "ingress from the VPC", graph: one("aws:ec2/securityGroup:SecurityGroup") },
            {
                name: "load-balancer group open on 443",
                graph: one("aws:ec2/securityGroup:SecurityGroup", (p) => {
                    p.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }];
                    p.tags["paved.io/load-balancer"] = "true";
                }),
            },
            { name: "rule resource from a private range", graph: one("aws:ec2/securityGroupRule:SecurityGroupRule") },
            { name: "egress rule to anywhere is not ingress", graph: one("aws:ec2/securityGroupRule:SecurityGroupRule", (p) => Object.assign(p, { type: "egress", cidrBlocks: ["0.0.0.0/0"] })) },
            { name: "tagged load-balancer ingress rule on 443", graph: one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") },
        ],
        mutations: [
            { name: "SSH from anywhere", graph: one("aws:ec2/securityGroup:SecurityGroup", (p) => (p.ingress = [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }])), expect: /ingress\[0\] allows tcp\/22 from 0\.0\.0\.0\/0/ },
            { name: "all traffic from ::/0", graph: one("aws:ec2/securityGroup:SecurityGroup", (p) => (p.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }])), expect: /allows all traffic from ::\/0/ },
            {
                name: "443 from anywhere on a group that is not a load balancer",
                graph: one("aws:ec2/securityGroup:SecurityGroup", (p) => (p.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }])),
                expect: /allows tcp\/443 from 0\.0\.0\.0\/0/,
            },
            {
                name: "load-balancer group opening 80",
                graph: one("aws:ec2/securityGroup:SecurityGroup", (p) => {
                    p.ingress = [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }];
                    p.tags["paved.io/load-balancer"] = "true";
                }),
                expect: /load-balancer groups may only open 443\/tcp/,
            },
            { name: "rule resource from anywhere", graph: one("aws:ec2/securityGroupRule:SecurityGroupRule", (p) => (p.cidrBlocks = ["0.0.0.0/0"])), expect: /has no tags/ },
            { name: "untagged ingress rule from anywhere", graph: one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", (p) => delete p.tags["paved.io/load-balancer"]), expect: /allows tcp\/443 from 0\.0\.0\.0\/0/ },
            { name: "tagged ingress rule on 22", graph: one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", (p) => Object.assign(p, { fromPort: 22, toPort: 22 })), expect: /allows tcp\/22/ },
        ],
    },
    "aws-ec2-launchtemplate-enable-imdsv2": {
        baselines: [
            { name: "IMDSv2, hop limit 1", graph: one("aws:ec2/launchTemplate:LaunchTemplate") },
            { name: "metadata service disabled", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => (p.metadataOptions = { httpEndpoint: "disabled" })) },
            { name: "instance with IMDSv2", graph: one("aws:ec2/instance:Instance") },
        ],
        mutations: [
            { name: "tokens optional", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => (p.metadataOptions.httpTokens = "optional")), expect: /httpTokens is optional, not required/ },
            { name: "no metadata options", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => delete p.metadataOptions), expect: /IMDSv1 allowed/ },
            { name: "hop limit 2", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => (p.metadataOptions.httpPutResponseHopLimit = 2)), expect: /httpPutResponseHopLimit is 2/ },
            { name: "instance with IMDSv1", graph: one("aws:ec2/instance:Instance", (p) => delete p.metadataOptions.httpTokens), expect: /not required/ },
        ],
    },
    "aws-ec2-launchtemplate-disallow-unencrypted-volumes": {
        baselines: [{ name: "encrypted with the volumes key", graph: one("aws:ec2/launchTemplate:LaunchTemplate") }],
        mutations: [
            { name: "not encrypted", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => (p.blockDeviceMappings[0].ebs.encrypted = "false")), expect: /ebs\.encrypted is not "true"/ },
            { name: "AWS-managed key", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => delete p.blockDeviceMappings[0].ebs.kmsKeyId), expect: /kmsKeyId is not set/ },
            { name: "no block device mappings", graph: one("aws:ec2/launchTemplate:LaunchTemplate", (p) => delete p.blockDeviceMappings), expect: /no EBS blockDeviceMappings/ },
        ],
    },
    "aws-kms-key-enable-key-rotation": {
        baselines: [
            { name: "rotation on", graph: one("aws:kms/key:Key") },
            { name: "asymmetric key (AWS cannot rotate it)", graph: one("aws:kms/key:Key", (p) => Object.assign(p, { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY", enableKeyRotation: false })) },
        ],
        mutations: [
            { name: "rotation off", graph: one("aws:kms/key:Key", (p) => (p.enableKeyRotation = false)), expect: /enableKeyRotation is not true/ },
            { name: "rotation unset", graph: one("aws:kms/key:Key", (p) => delete p.enableKeyRotation), expect: /enableKeyRotation is not true/ },
        ],
    },
    "aws-kms-key-disallow-public-access": {
        baselines: [
            { name: "default key policy", graph: one("aws:kms/key:Key") },
            { name: "platform volumes key: * only through EBS in this account", graph: one("aws:kms/key:Key", (p) => (p.policy = JSON.stringify(keyPolicy("volumes", { accountId: "123456789012", region: "eu-west-1" })))) },
            { name: "platform logs key", graph: one("aws:kms/key:Key", (p) => (p.policy = JSON.stringify(keyPolicy("logs", { accountId: "123456789012", region: "eu-west-1" })))) },
        ],
        mutations: [
            { name: "anyone may decrypt", graph: one("aws:kms/key:Key", policyWith({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" })), expect: /Statement\[0\] \(Open\) allows any principal/ },
            { name: "AWS * with a service condition only", graph: one("aws:kms/key:Key", policyWith({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } } })), expect: /without confining it to the account/ },
        ],
    },
    "aws-kms-key-configure-deletion-window": {
        baselines: [
            { name: "30 days", graph: one("aws:kms/key:Key") },
            { name: "provider default", graph: one("aws:kms/key:Key", (p) => delete p.deletionWindowInDays) },
        ],
        mutations: [{ name: "7 days", graph: one("aws:kms/key:Key", (p) => (p.deletionWindowInDays = 7)), expect: /deletionWindowInDays is 7, below 30/ }],
    },
    "aws-cloudwatch-loggroup-enable-kms-encryption": {
        baselines: [{ name: "KMS key set", graph: one("aws:cloudwatch/logGroup:LogGroup") }],
        mutations: [{ name: "no key", graph: one("aws:cloudwatch/logGroup:LogGroup", (p) => delete p.kmsKeyId), expect: /kmsKeyId is not set/ }],
    },
    "aws-cloudwatch-loggroup-configure-retention": {
        baselines: [
            { name: "365 days", graph: one("aws:cloudwatch/logGroup:LogGroup") },
            { name: "90 days (the floor)", graph: one("aws:cloudwatch/logGroup:LogGroup", (p) => (p.retentionInDays = 90)) },
        ],
        mutations: [
            { name: "30 days", graph: one("aws:cloudwatch/logGroup:LogGroup", (p) => (p.retentionInDays = 30)), expect: /retentionInDays is 30, below the minimum of 90/ },
            { name: "unset (forever)", graph: one("aws:cloudwatch/logGroup:LogGroup", (p) => delete p.retentionInDays), expect: /retentionInDays is not set/ },
            { name: "0 (forever)", graph: one("aws:cloudwatch/logGroup:LogGroup", (p) => (p.retentionInDays = 0)), expect: /retentionInDays is not set/ },
        ],
    },
    "aws-tagging-resource-missing-required-tags": {
        baselines: [
            { name: "tags on the resource", graph: withProvider("aws:kms/key:Key", undefined, undefined) },
            { name: "tags from the provider's defaultTags only", graph: withProvider("aws:kms/key:Key", (p) => delete p.tags, tags) },
            { name: "part from the provider, part own", graph: withProvider("aws:kms/key:Key", (p) => (p.tags = { Owner: "x", App: "y" }), { Environment: "prod", CostCenter: "CC-1" }) },
            { name: "Auto Scaling group with a tag list", graph: withProvider("aws:autoscaling/group:Group", undefined, undefined) },
            { name: "remote component with tags", graph: one("eks:index:Cluster") },
            { name: "untaggable type", graph: () => graphOf([recorded("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })]) },
        ],
        mutations: [
            { name: "no tags at all", graph: withProvider("aws:kms/key:Key", (p) => delete p.tags, undefined), expect: /missing tags: Owner, App, Environment, CostCenter/ },
            { name: "one missing", graph: withProvider("aws:cloudwatch/logGroup:LogGroup", (p) => delete p.tags.CostCenter, undefined), expect: /missing tags: CostCenter\./ },
            { name: "empty value", graph: withProvider("aws:kms/key:Key", (p) => (p.tags.Owner = " "), undefined), expect: /missing tags: Owner/ },
            { name: "provider tags do not reach an Auto Scaling group", graph: withProvider("aws:autoscaling/group:Group", (p) => (p.tags = []), tags), expect: /ignores provider defaultTags/ },
            { name: "remote component without tags", graph: one("eks:index:Cluster", (p) => delete p.tags), expect: /missing tags: Owner, App, Environment, CostCenter/ },
        ],
    },
    "aws-tagging-resource-remediate-missing-tags": {
        config: { defaults: { Owner: "platform-team", CostCenter: "CC-1" } },
        baselines: [
            { name: "all tags present", graph: withProvider("aws:kms/key:Key", undefined, undefined) },
            { name: "missing tags come from the provider", graph: withProvider("aws:kms/key:Key", (p) => delete p.tags, tags) },
        ],
        mutations: [
            { name: "untagged key gets the configured defaults", graph: withProvider("aws:kms/key:Key", (p) => delete p.tags, undefined), expect: /inputs remediated by aws-tagging-resource-remediate-missing-tags/ },
            { name: "one configured tag missing", graph: withProvider("aws:cloudwatch/logGroup:LogGroup", (p) => delete p.tags.Owner, undefined), expect: /inputs remediated/ },
        ],
    },
    "aws-iam-policy-disallow-wildcard-admin": {
        baselines: [
            { name: "scoped managed policy", graph: one("aws:iam/policy:Policy") },
            { name: "scoped inline policy", graph: one("aws:iam/rolePolicy:RolePolicy") },
            { name: "service wildcard on *, as a boundary ceiling", graph: one("aws:iam/policy:Policy", policyWith({ Effect: "Allow", Action: ["ec2:*"], Resource: "*" })) },
            { name: "Deny * on *", graph: one("aws:iam/policy:Policy", policyWith({ Effect: "Deny", Action: "*", Resource: "*" })) },
        ],
        mutations: [
            { name: "managed policy * on *", graph: one("aws:iam/policy:Policy", policyWith({ Effect: "Allow", Action: "*", Resource: "*" })), expect: /Statement\[0\] allows "\*" on "\*"/ },
            { name: "inline policy * on * (in a list)", graph: one("aws:iam/rolePolicy:RolePolicy", policyWith({ Sid: "All", Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: ["*"] })), expect: /\(All\) allows/ },
            { name: "NotAction on *", graph: one("aws:iam/policy:Policy", policyWith({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })), expect: /allows NotAction/ },
            { name: "unreadable policy", graph: one("aws:iam/policy:Policy", (p) => (p.policy = "{not json")), expect: /not valid JSON/ },
        ],
    },
    "aws-iam-role-configure-permissions-boundary": {
        baselines: [
            { name: "role with the platform boundary", graph: one("aws:iam/role:Role") },
            { name: "eks component with its own bounded role", graph: one("eks:index:Cluster", (p) => Object.assign(p, { serviceRole: "urn:pulumi:prod::paved::aws:iam/role:Role::cp", createInstanceRole: false })) },
        ],
        mutations: [
            { name: "no boundary", graph: one("aws:iam/role:Role", (p) => delete p.permissionsBoundary), expect: /permissionsBoundary is not set/ },
            { name: "another boundary", graph: one("aws:iam/role:Role", (p) => (p.permissionsBoundary = "arn:aws:iam::aws:policy/PowerUserAccess")), expect: /is not the platform boundary/ },
            { name: "eks component creates its own cluster role", graph: one("eks:index:Cluster", (p) => (p.createInstanceRole = false)), expect: /no serviceRole/ },
            {
                name: "eks component creates an instance role",
                graph: one("eks:index:Cluster", (p) => Object.assign(p, { serviceRole: "urn:x", createInstanceRole: true })),
                expect: /creates a node instance role/,
            },
        ],
    },
    "aws-iam-role-disallow-unscoped-oidc-trust": {
        baselines: [
            { name: "deploy role: main branch of one repository", graph: one("aws:iam/role:Role") },
            { name: "preview role: pull requests of one repository", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: { ...aud, "token.actions.githubusercontent.com:sub": "repo:acme-bank/paved-platform:pull_request" } }))) },
            { name: "one repository, any ref (StringLike)", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: aud, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme-bank/paved-platform:*" } }))) },
            { name: "service role is not concerned", graph: one("aws:iam/role:Role", trustWith({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })) },
        ],
        mutations: [
            { name: "no subject condition", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: aud }))), expect: /no condition on token\.actions\.githubusercontent\.com:sub/ },
            { name: "any repository of the organisation", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: aud, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme-bank/*" } }))), expect: /does not name one repository/ },
            { name: "any subject at all", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: aud, StringLike: { "token.actions.githubusercontent.com:sub": "*" } }))), expect: /does not name one repository/ },
            { name: "no audience condition", graph: one("aws:iam/role:Role", trustWith(githubStatement({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:a/b:pull_request" } }))), expect: /no StringEquals condition on token\.actions\.githubusercontent\.com:aud/ },
            {
                name: "IRSA role with a wildcard service account",
                graph: one(
                    "aws:iam/role:Role",
                    trustWith({
                        Effect: "Allow",
                        Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC" },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: { StringEquals: { "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com" }, StringLike: { "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:*" } },
                    }),
                ),
                expect: /allows wildcard subjects/,
            },
        ],
    },
    "aws-eks-accessentry-disallow-cluster-admin": {
        baselines: [
            {
                name: "break-glass admin and a reader on the component",
                graph: one("eks:index:Cluster", (p) => {
                    p.accessEntries = {
                        admin: { principalArn: "arn:aws:iam::123456789012:role/paved-prod-break-glass", accessPolicies: { a: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } } } },
                        reader: { principalArn: "arn:aws:iam::123456789012:role/readers", accessPolicies: { v: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", accessScope: { type: "cluster" } } } },
                    };
                }),
            },
            { name: "association of cluster-admin with break-glass", graph: one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation") },
            { name: "node access entry", graph: one("aws:eks/accessEntry:AccessEntry") },
        ],
        mutations: [
            {
                name: "cluster-admin for an operator role",
                graph: one("eks:index:Cluster", (p) => {
                    p.accessEntries = { ops: { principalArn: "arn:aws:iam::123456789012:role/operators", accessPolicies: { a: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } } } } };
                }),
                expect: /accessEntries\.ops gives cluster-admin to arn:aws:iam::123456789012:role\/operators/,
            },
            {
                name: "system:masters group",
                graph: one("eks:index:Cluster", (p) => (p.accessEntries = { ci: { principalArn: "arn:aws:iam::123456789012:role/ci", kubernetesGroups: ["system:masters"] } })),
                expect: /gives cluster-admin/,
            },
            { name: "association with another role", graph: one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", (p) => (p.principalArn = "arn:aws:iam::123456789012:role/developers")), expect: /not the break-glass role/ },
            { name: "access entry in system:masters", graph: one("aws:eks/accessEntry:AccessEntry", (p) => (p.kubernetesGroups = ["system:masters"])), expect: /system:masters/ },
        ],
    },
    "kubernetes-core-namespace-configure-default-deny": {
        baselines: [
            { name: "namespace with default-deny", graph: () => namespaceGraph() },
            { name: "default-deny among allows", graph: () => namespaceGraph([{ podSelector: {}, policyTypes: ["Egress"], egress: [{}] }, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }]) },
        ],
        mutations: [
            { name: "no network policy", graph: () => namespaceGraph([]), expect: /namespace team-a has no default-deny NetworkPolicy/ },
            { name: "deny ingress only", graph: () => namespaceGraph([{ podSelector: {}, policyTypes: ["Ingress"] }]), expect: /has no default-deny/ },
            { name: "selects some pods only", graph: () => namespaceGraph([{ podSelector: { matchLabels: { app: "x" } }, policyTypes: ["Ingress", "Egress"] }]), expect: /has no default-deny/ },
            { name: "allows everything out", graph: () => namespaceGraph([{ podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{}] }]), expect: /has no default-deny/ },
        ],
    },
    "aws-sqs-queue-enable-encryption": {
        baselines: [
            { name: "SSE-SQS", graph: one("aws:sqs/queue:Queue") },
            { name: "SSE-KMS with a platform key", graph: one("aws:sqs/queue:Queue", (p) => Object.assign(p, { sqsManagedSseEnabled: undefined, kmsMasterKeyId: "arn:aws:kms:eu-west-1:123456789012:key/data" })) },
        ],
        mutations: [
            { name: "no encryption setting", graph: one("aws:sqs/queue:Queue", (p) => delete p.sqsManagedSseEnabled), expect: /neither sqsManagedSseEnabled nor kmsMasterKeyId is set/ },
            { name: "SSE-SQS switched off", graph: one("aws:sqs/queue:Queue", (p) => (p.sqsManagedSseEnabled = false)), expect: /neither sqsManagedSseEnabled nor kmsMasterKeyId/ },
        ],
    },
    "aws-sqs-queuepolicy-disallow-insecure-transport": {
        baselines: [
            { name: "queue policy with DenyHTTP, linked by queueUrl", graph: () => queueGraph() },
            { name: "boolean false, AWS * principal, action list", graph: () => queueGraph({ policy: statements((s) => Object.assign(denyHttp(s), { Principal: { AWS: "*" }, Action: ["sqs:*"], Condition: { Bool: { "aws:SecureTransport": false } } })) }) },
            {
                name: "policy inline on the queue",
                graph: () => {
                    const policy = baselineResource("aws:sqs/queuePolicy:QueuePolicy").inputs.policy;
                    return graphOf([baselineResource("aws:sqs/queue:Queue", (p) => (p.policy = policy))]);
                },
            },
        ],
        mutations: [
            { name: "no queue policy", graph: () => queueGraph({ policy: "omit" }), expect: /queue interruptions has no queue policy/ },
            { name: "the policy belongs to another queue", graph: () => queueGraph({ linked: false }), expect: /queue interruptions has no queue policy/ },
            { name: "no DenyHTTP statement", graph: () => queueGraph({ policy: statements((s) => s.splice(s.indexOf(denyHttp(s)), 1)) }), expect: /no queue policy denies sqs:\* to everyone when aws:SecureTransport is false/ },
            { name: "denies SendMessage only", graph: () => queueGraph({ policy: statements((s) => (denyHttp(s).Action = "sqs:SendMessage")) }), expect: /no queue policy denies/ },
            { name: "denies one principal only", graph: () => queueGraph({ policy: statements((s) => (denyHttp(s).Principal = { AWS: "arn:aws:iam::123456789012:role/app" })) }), expect: /no queue policy denies/ },
            { name: "denies TLS instead of plain HTTP", graph: () => queueGraph({ policy: statements((s) => (denyHttp(s).Condition = { Bool: { "aws:SecureTransport": "true" } })) }), expect: /no queue policy denies/ },
            { name: "an Allow, not a Deny", graph: () => queueGraph({ policy: statements((s) => (denyHttp(s).Effect = "Allow")) }), expect: /no queue policy denies/ },
        ],
    },
    "kubernetes-karpenter-ec2nodeclass-enable-imdsv2": {
        baselines: [
            { name: "IMDSv2, hop limit 1", graph: nodeClass() },
            { name: "metadata service disabled", graph: nodeClass((spec) => (spec.metadataOptions = { httpEndpoint: "disabled" })) },
            { name: "a NodePool is not concerned", graph: nodePool },
        ],
        mutations: [
            { name: "tokens optional", graph: nodeClass((spec) => (spec.metadataOptions.httpTokens = "optional")), expect: /httpTokens is optional, not required/ },
            { name: "hop limit 2 (containers reach IMDS)", graph: nodeClass((spec) => (spec.metadataOptions.httpPutResponseHopLimit = 2)), expect: /httpPutResponseHopLimit is 2/ },
            { name: "metadataOptions left to the CRD defaults", graph: nodeClass((spec) => delete spec.metadataOptions), expect: /metadataOptions is not set/ },
            { name: "tokens and hops unset", graph: nodeClass((spec) => (spec.metadataOptions = { httpEndpoint: "enabled" })), expect: /httpTokens is unset/ },
        ],
    },
    "kubernetes-karpenter-ec2nodeclass-disallow-unencrypted-volumes": {
        baselines: [
            { name: "encrypted gp3 root volume with the volumes key", graph: nodeClass() },
            {
                name: "a second, encrypted data volume",
                graph: nodeClass((spec) => spec.blockDeviceMappings.push({ deviceName: "/dev/xvdb", ebs: { volumeSize: "200Gi", volumeType: "gp3", encrypted: true, kmsKeyID: "arn:aws:kms:eu-west-1:123456789012:key/volumes" } })),
            },
            { name: "a NodePool is not concerned", graph: nodePool },
        ],
        mutations: [
            { name: "root volume not encrypted", graph: nodeClass((spec) => (spec.blockDeviceMappings[0].ebs.encrypted = false)), expect: /blockDeviceMappings\[0\] \(\/dev\/xvda\): ebs\.encrypted is not true/ },
            { name: "AWS-managed key", graph: nodeClass((spec) => delete spec.blockDeviceMappings[0].ebs.kmsKeyID), expect: /kmsKeyID is not set/ },
            { name: "volumes left to the AMI defaults", graph: nodeClass((spec) => delete spec.blockDeviceMappings), expect: /blockDeviceMappings is not set/ },
            {
                name: "an unencrypted second volume",
                graph: nodeClass((spec) => spec.blockDeviceMappings.push({ deviceName: "/dev/xvdb", ebs: { volumeSize: "200Gi", volumeType: "gp3" } })),
                expect: /blockDeviceMappings\[1\] \(\/dev\/xvdb\): ebs\.encrypted is not true/,
            },
        ],
    },
    ...helmPolicyCases,
    ...dataStorePolicyCases,
    ...compositionPolicyCases,
    ...gapPolicyCases,
};
