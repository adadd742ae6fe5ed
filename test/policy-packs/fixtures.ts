import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";

/** Compliant baseline inputs per resource type: every policy passes on them. Mutations start from these. */

const account = "123456789012";
const keyArn = (id: string) => `arn:aws:kms:eu-west-1:${account}:key/${id}`;
export const tags = { Owner: "platform-team", App: "paved", Environment: "prod", CostCenter: "CC-1" };

export const baselines: Record<string, () => Record<string, any>> = {
    "aws:eks/cluster:Cluster": () => ({
        name: "paved-prod",
        roleArn: `arn:aws:iam::${account}:role/eks`,
        version: "1.34",
        vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], endpointPrivateAccess: true, endpointPublicAccess: false },
        encryptionConfig: { provider: { keyArn: keyArn("secrets") }, resources: ["secrets"] },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        tags: { ...tags },
    }),
    "eks:index:Cluster": () => ({
        name: "paved-prod",
        version: "1.34",
        endpointPrivateAccess: true,
        endpointPublicAccess: false,
        encryptionConfigKeyArn: keyArn("secrets"),
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        authenticationMode: "API",
        skipDefaultNodeGroup: true,
        vpcCniOptions: { enableNetworkPolicy: true },
        tags: { ...tags },
    }),
    "aws:eks/addon:Addon": () => ({ clusterName: "paved-prod", addonName: "vpc-cni", configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }), tags: { ...tags } }),
    "eks:index:VpcCniAddon": () => ({ enableNetworkPolicy: true }),
    "aws:eks/nodeGroup:NodeGroup": () => ({
        clusterName: "paved-prod",
        nodeRoleArn: `arn:aws:iam::${account}:role/nodes`,
        subnetIds: ["subnet-1"],
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
        launchTemplate: { id: "lt-0123456789abcdef0", version: "1" },
        tags: { ...tags },
    }),
    "eks:index:ManagedNodeGroup": () => ({ launchTemplate: { id: "lt-0123456789abcdef0", version: "1" }, tags: { ...tags } }),
    "aws:kms/key:Key": () => ({ description: "data", enableKeyRotation: true, deletionWindowInDays: 30, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT", tags: { ...tags } }),
    "aws:ec2/securityGroup:SecurityGroup": () => ({
        vpcId: "vpc-1",
        description: "app",
        ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.40.0.0/16"] }],
        egress: [],
        tags: { ...tags },
    }),
    "aws:ec2/securityGroupRule:SecurityGroupRule": () => ({ type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": () => ({
        securityGroupId: "sg-lb",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
        tags: { ...tags, "paved.io/load-balancer": "true" },
    }),
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: keyArn("volumes"), volumeType: "gp3", volumeSize: 50 } }],
        tags: { ...tags },
    }),
    "aws:ec2/instance:Instance": () => ({ ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }, tags: { ...tags } }),
    "aws:cloudwatch/logGroup:LogGroup": () => ({ name: "/paved/app", retentionInDays: 365, kmsKeyId: keyArn("logs"), tags: { ...tags } }),
    "awsx:ec2:Vpc": () => ({ cidrBlock: "10.40.0.0/16", tags: { ...tags } }),
    "aws:ec2/vpc:Vpc": () => ({ cidrBlock: "10.40.0.0/16", tags: { ...tags } }),
    "aws:ec2/flowLog:FlowLog": () => ({ vpcId: "vpc-1", trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: "arn:aws:logs:eu-west-1:123456789012:log-group:/x", tags: { ...tags } }),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": () => ({ vpcId: "vpc-1", ingress: [], egress: [], tags: { ...tags } }),
    "aws:iam/policy:Policy": () => ({
        name: "scoped",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: "arn:aws:sqs:eu-west-1:123456789012:q" }] }),
        tags: { ...tags },
    }),
    "aws:iam/rolePolicy:RolePolicy": () => ({
        role: "r",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" }] }),
    }),
    "aws:iam/role:Role": () => ({
        name: "paved-prod-deploy",
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: {
                            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                            "token.actions.githubusercontent.com:sub": "repo:acme-bank/paved-platform:ref:refs/heads/main",
                        },
                    },
                },
            ],
        }),
        permissionsBoundary: "arn:aws:iam::123456789012:policy/paved-prod-permissions-boundary",
        tags: { ...tags },
    }),
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": () => ({
        clusterName: "paved-prod",
        principalArn: "arn:aws:iam::123456789012:role/paved-prod-break-glass",
        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        accessScope: { type: "cluster" },
    }),
    "aws:eks/accessEntry:AccessEntry": () => ({ clusterName: "paved-prod", principalArn: "arn:aws:iam::123456789012:role/nodes", type: "EC2_LINUX", tags: { ...tags } }),
    "aws:autoscaling/group:Group": () => ({ maxSize: 1, minSize: 1, tags: Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })) }),
    "aws:sqs/queue:Queue": () => ({ name: "paved-prod-karpenter-interruptions", messageRetentionSeconds: 300, sqsManagedSseEnabled: true, tags: { ...tags } }),
    "aws:sqs/queuePolicy:QueuePolicy": () => ({
        queueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/paved-prod-karpenter-interruptions`,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: `arn:aws:sqs:eu-west-1:${account}:paved-prod-karpenter-interruptions` },
                { Sid: "DenyHTTP", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: `arn:aws:sqs:eu-west-1:${account}:paved-prod-karpenter-interruptions`, Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        }),
    }),
    "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass": () => ({
        apiVersion: "karpenter.k8s.aws/v1",
        kind: "EC2NodeClass",
        metadata: { name: "default" },
        spec: {
            role: "paved-prod-karpenter-node",
            amiSelectorTerms: [{ alias: "al2023@v20260520" }],
            subnetSelectorTerms: [{ tags: { "karpenter.sh/discovery": "paved-prod" } }],
            securityGroupSelectorTerms: [{ tags: { "karpenter.sh/discovery": "paved-prod" } }],
            metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" },
            blockDeviceMappings: [{ deviceName: "/dev/xvda", rootVolume: true, ebs: { volumeSize: "100Gi", volumeType: "gp3", encrypted: true, kmsKeyID: keyArn("volumes"), deleteOnTermination: true } }],
        },
    }),
};

let counter = 0;

export function recorded(type: string, inputs: Record<string, any>, extra: Partial<RecordedResource> = {}): RecordedResource {
    const name = extra.name ?? `r${counter++}`;
    return {
        urn: `urn:pulumi:prod::paved::${type}::${name}`,
        type,
        name,
        custom: !type.startsWith("paved:") && !type.startsWith("awsx:") && !type.startsWith("eks:index:"),
        remote: type.startsWith("awsx:") || type.startsWith("eks:index:"),
        inputs,
        providers: {},
        dependencies: [],
        propertyDependencies: {},
        protect: false,
        retainOnDelete: false,
        ignoreChanges: [],
        deleteBeforeReplace: false,
        aliases: [],
        additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        unknownInputs: [],
        ...extra,
    };
}

export function baselineResource(type: string, mutate?: (props: Record<string, any>) => void, extra: Partial<RecordedResource> = {}): RecordedResource {
    const make = baselines[type];
    if (!make) {
        throw new Error(`no baseline fixture for ${type}`);
    }
    const props = make();
    mutate?.(props);
    return recorded(type, props, extra);
}

export function graphOf(resources: RecordedResource[], config: Record<string, string> = {}): ResourceGraph {
    return { project: "paved", stack: "prod", resources, invokes: [], stackOutputs: {}, config };
}

/** A VPC with its flow log and managed default security group, linked by property dependencies. */
export function networkGraph(options: { vpcType?: string; flowLog?: boolean; defaultSg?: (props: Record<string, any>) => void | "omit" } = {}): ResourceGraph {
    const vpc = baselineResource(options.vpcType ?? "awsx:ec2:Vpc", undefined, { name: "vpc" });
    const resources = [vpc];
    if (options.flowLog !== false) {
        resources.push(baselineResource("aws:ec2/flowLog:FlowLog", undefined, { name: "flow", propertyDependencies: { vpcId: [vpc.urn] } }));
    }
    const props = baselines["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"]();
    if (options.defaultSg?.(props) !== "omit") {
        resources.push(recorded("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", props, { name: "default-sg", propertyDependencies: { vpcId: [vpc.urn] } }));
    }
    return graphOf(resources);
}

/** A namespace with the given network policies (default: default-deny). */
export function namespaceGraph(policies: Record<string, any>[] = [{ podSelector: {}, policyTypes: ["Ingress", "Egress"] }]): ResourceGraph {
    const ns = recorded("kubernetes:core/v1:Namespace", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } }, { name: "team-a" });
    const netpols = policies.map((spec, i) =>
        recorded("kubernetes:networking.k8s.io/v1:NetworkPolicy", { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: `p${i}`, namespace: "team-a" }, spec }, { name: `p${i}` }),
    );
    return graphOf([ns, ...netpols]);
}

/** A queue and, unless `policy` is "omit", a queue policy linked to it through `queueUrl` (as the engine records it). */
export function queueGraph(options: { policy?: ((props: Record<string, any>) => void) | "omit"; linked?: boolean } = {}): ResourceGraph {
    const queue = baselineResource("aws:sqs/queue:Queue", undefined, { name: "interruptions" });
    if (options.policy === "omit") {
        return graphOf([queue]);
    }
    const other = baselineResource("aws:sqs/queue:Queue", undefined, { name: "other" });
    const policy = baselineResource("aws:sqs/queuePolicy:QueuePolicy", options.policy, {
        name: "interruptions-policy",
        propertyDependencies: { queueUrl: [options.linked === false ? other.urn : queue.urn] },
    });
    return graphOf(options.linked === false ? [queue, other, policy] : [queue, policy]);
}
