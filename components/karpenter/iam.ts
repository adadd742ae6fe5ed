/**
 * Karpenter's IAM, as pure functions: the controller's scoped policies (one inline policy per
 * concern, following the v1.14 getting-started CloudFormation of aws/karpenter-provider-aws), the
 * interruption queue's resource policy, the EventBridge rules that feed the queue, and the
 * deterministic names and ARNs they refer to (known at preview, so policies can read them).
 */
import { partitionOf, policyDocument, type PolicyDocument, type PolicyStatement } from "../iam-documents";

export interface KarpenterNames {
    /** Interruption queue (SQS name, at most 80 characters). */
    queue: string;
    /** Node role (IAM name, at most 64 characters). */
    nodeRole: string;
    /** One EventBridge rule per interruption event (at most 64 characters each). */
    rules: Record<InterruptionEventKey, string>;
}

/**
 * `<cluster>-<suffix>` when it fits in `max` characters; otherwise the cluster part is cut and a
 * short digest of the full cluster name keeps two long names from colliding.
 */
export function boundedName(clusterName: string, suffix: string, max: number): string {
    const full = `${clusterName}-${suffix}`;
    if (full.length <= max) {
        return full;
    }
    const digest = fnv1a(clusterName).toString(16).padStart(8, "0").slice(0, 6);
    const room = max - suffix.length - digest.length - 2;
    return `${clusterName.slice(0, Math.max(1, room)).replace(/-+$/, "")}-${digest}-${suffix}`;
}

function fnv1a(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
}

export function karpenterNames(clusterName: string): KarpenterNames {
    return {
        queue: boundedName(clusterName, "karpenter-interruptions", 80),
        nodeRole: boundedName(clusterName, "karpenter-node", 64),
        rules: Object.fromEntries(interruptionEvents.map((e) => [e.key, boundedName(clusterName, `karpenter-${e.key}`, 64)])) as Record<InterruptionEventKey, string>,
    };
}

export type InterruptionEventKey = "health" | "spot-interruption" | "rebalance" | "state-change" | "capacity-reservation";

/**
 * Events Karpenter handles from its queue: the four rules of the getting-started template, plus
 * the capacity-reservation interruption warning the v1.14 template also routes to the queue.
 */
export const interruptionEvents: readonly { key: InterruptionEventKey; source: string; detailType: string; description: string }[] = [
    { key: "health", source: "aws.health", detailType: "AWS Health Event", description: "Scheduled changes (e.g. instance retirement) for nodes" },
    { key: "spot-interruption", source: "aws.ec2", detailType: "EC2 Spot Instance Interruption Warning", description: "Two-minute warning before a Spot node is reclaimed" },
    { key: "rebalance", source: "aws.ec2", detailType: "EC2 Instance Rebalance Recommendation", description: "Elevated interruption risk for a Spot node" },
    { key: "state-change", source: "aws.ec2", detailType: "EC2 Instance State-change Notification", description: "Nodes stopping or terminating outside Karpenter" },
    {
        key: "capacity-reservation",
        source: "aws.ec2",
        detailType: "EC2 Capacity Reservation Instance Interruption Warning",
        description: "Interruption of nodes running in a capacity reservation",
    },
];

/** The EventBridge event pattern of one interruption rule. */
export function eventPattern(event: (typeof interruptionEvents)[number]): string {
    return JSON.stringify({ source: [event.source], "detail-type": [event.detailType] });
}

export interface ArnContext {
    region: string;
    accountId: string;
}

export const queueArn = (c: ArnContext, name: string) => `arn:${partitionOf(c.region)}:sqs:${c.region}:${c.accountId}:${name}`;
export const ruleArn = (c: ArnContext, name: string) => `arn:${partitionOf(c.region)}:events:${c.region}:${c.accountId}:rule/${name}`;
export const roleArn = (c: ArnContext, name: string) => `arn:${partitionOf(c.region)}:iam::${c.accountId}:role/${name}`;
export const clusterArn = (c: ArnContext, name: string) => `arn:${partitionOf(c.region)}:eks:${c.region}:${c.accountId}:cluster/${name}`;

/**
 * Resource policy of the interruption queue: only this stack's EventBridge rules may send to it,
 * and nothing may reach it over plain HTTP. (The upstream template also admits sqs.amazonaws.com;
 * no SQS feature sends to this queue, so it is left out.)
 */
export function interruptionQueuePolicy(c: ArnContext, names: KarpenterNames): PolicyDocument {
    const queue = queueArn(c, names.queue);
    return policyDocument(
        {
            Sid: "EventBridgeRulesOfThisCluster",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: queue,
            Condition: { ArnEquals: { "aws:SourceArn": interruptionEvents.map((e) => ruleArn(c, names.rules[e.key])) } },
        },
        {
            Sid: "DenyHTTP",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: queue,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    );
}

/**
 * Regional endpoint of the AWS Price List API Karpenter calls (pkg/providers/pricing/pricing.go
 * NewAPI in aws/karpenter-provider-aws), so pricing:GetProducts can be held to that region.
 */
export function pricingApiRegion(region: string): string {
    if (region.startsWith("ap-")) {
        return "ap-south-1";
    }
    if (region.startsWith("cn-")) {
        return "cn-northwest-1";
    }
    return region.startsWith("eu-") ? "eu-central-1" : "us-east-1";
}

export interface ControllerPolicyContext extends ArnContext {
    /** EKS cluster name: the tag conditions name it. */
    clusterName: string;
    names: KarpenterNames;
    /** The platform volumes key that encrypts every node's EBS volumes. */
    volumesKeyArn: string;
}

/** The controller's inline policies, one per concern (upstream's managed policies, same split). */
export const controllerPolicyConcerns = ["node-lifecycle", "iam-integration", "eks-integration", "interruption", "resource-discovery", "volume-encryption"] as const;
export type ControllerPolicyConcern = (typeof controllerPolicyConcerns)[number];

/**
 * Read-only actions that have no resource-level permissions and no condition key to hold them
 * (upstream's AllowUnscopedInstanceProfileListAction); the only `Resource: "*"` without a condition.
 */
export const actionsWithoutResourceScope = ["iam:ListInstanceProfiles"] as const;

/**
 * The Karpenter v1.14 controller policies. Differences from the upstream template, all narrower:
 * ARNs name this account instead of `*`; pricing:GetProducts is held to the Price List endpoint's
 * region; no ZonalShift policy (`settings.enableZonalShift` stays off, and the platform boundary
 * does not admit `arc-zonal-shift`); plus `volume-encryption`, which lets EC2 use the platform
 * volumes key on the controller's behalf when it launches nodes (Karpenter troubleshooting,
 * "Node terminates before ready on failed encrypted EBS volume").
 */
export function controllerPolicies(c: ControllerPolicyContext): Record<ControllerPolicyConcern, PolicyDocument> {
    const p = partitionOf(c.region);
    const ec2 = (resource: string) => `arn:${p}:ec2:${c.region}:${c.accountId}:${resource}`;
    const cluster = c.clusterName;
    const ownedByCluster = { [`aws:ResourceTag/kubernetes.io/cluster/${cluster}`]: "owned" };
    const requestTagsOfCluster = { [`aws:RequestTag/kubernetes.io/cluster/${cluster}`]: "owned", "aws:RequestTag/eks:eks-cluster-name": cluster };
    const launchedResources = ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*", "spot-instances-request/*"].map(ec2);
    const instanceProfiles = `arn:${p}:iam::${c.accountId}:instance-profile/*`;
    const regionTag = { "aws:ResourceTag/topology.kubernetes.io/region": c.region };

    const nodeLifecycle: PolicyStatement[] = [
        {
            Sid: "AllowScopedEC2InstanceAccessActions",
            Effect: "Allow",
            Action: ["ec2:RunInstances", "ec2:CreateFleet"],
            Resource: [
                `arn:${p}:ec2:${c.region}::image/*`,
                `arn:${p}:ec2:${c.region}::snapshot/*`,
                ...["security-group/*", "subnet/*", "capacity-reservation/*", "placement-group/*"].map(ec2),
            ],
        },
        {
            Sid: "AllowScopedEC2LaunchTemplateAccessActions",
            Effect: "Allow",
            Action: ["ec2:RunInstances", "ec2:CreateFleet"],
            Resource: ec2("launch-template/*"),
            Condition: { StringEquals: ownedByCluster, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } },
        },
        {
            Sid: "AllowScopedEC2InstanceActionsWithTags",
            Effect: "Allow",
            Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
            Resource: launchedResources,
            Condition: { StringEquals: requestTagsOfCluster, StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" } },
        },
        {
            Sid: "AllowScopedResourceCreationTagging",
            Effect: "Allow",
            Action: "ec2:CreateTags",
            Resource: launchedResources,
            Condition: {
                StringEquals: { ...requestTagsOfCluster, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] },
                StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
            },
        },
        {
            Sid: "AllowScopedResourceTagging",
            Effect: "Allow",
            Action: "ec2:CreateTags",
            Resource: ec2("instance/*"),
            Condition: {
                StringEquals: ownedByCluster,
                StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
                StringEqualsIfExists: { "aws:RequestTag/eks:eks-cluster-name": cluster },
                "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
            },
        },
        {
            Sid: "AllowScopedDeletion",
            Effect: "Allow",
            Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
            Resource: [ec2("instance/*"), ec2("launch-template/*")],
            Condition: { StringEquals: ownedByCluster, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } },
        },
    ];

    const iamIntegration: PolicyStatement[] = [
        {
            Sid: "AllowPassingInstanceRole",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: roleArn(c, c.names.nodeRole),
            Condition: { StringEquals: { "iam:PassedToService": ["ec2.amazonaws.com", "ec2.amazonaws.com.cn"] } },
        },
        {
            Sid: "AllowScopedInstanceProfileCreationActions",
            Effect: "Allow",
            Action: "iam:CreateInstanceProfile",
            Resource: instanceProfiles,
            Condition: {
                StringEquals: { ...requestTagsOfCluster, "aws:RequestTag/topology.kubernetes.io/region": c.region },
                StringLike: { "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*" },
            },
        },
        {
            Sid: "AllowScopedInstanceProfileTagActions",
            Effect: "Allow",
            Action: "iam:TagInstanceProfile",
            Resource: instanceProfiles,
            Condition: {
                StringEquals: { ...ownedByCluster, ...regionTag, ...requestTagsOfCluster, "aws:RequestTag/topology.kubernetes.io/region": c.region },
                StringLike: { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*", "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*" },
            },
        },
        {
            Sid: "AllowScopedInstanceProfileActions",
            Effect: "Allow",
            Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
            Resource: instanceProfiles,
            Condition: { StringEquals: { ...ownedByCluster, ...regionTag }, StringLike: { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*" } },
        },
    ];

    const resourceDiscovery: PolicyStatement[] = [
        {
            Sid: "AllowRegionalReadActions",
            Effect: "Allow",
            Action: [
                "ec2:DescribeCapacityReservations",
                "ec2:DescribeImages",
                "ec2:DescribeInstances",
                "ec2:DescribeInstanceStatus",
                "ec2:DescribeInstanceTypeOfferings",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplates",
                "ec2:DescribePlacementGroups",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeSpotPriceHistory",
                "ec2:DescribeSubnets",
            ],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": c.region } },
        },
        { Sid: "AllowSSMReadActions", Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:${p}:ssm:${c.region}::parameter/aws/service/*` },
        {
            Sid: "AllowPricingReadActions",
            Effect: "Allow",
            Action: "pricing:GetProducts",
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": pricingApiRegion(c.region) } },
        },
        { Sid: "AllowUnscopedInstanceProfileListAction", Effect: "Allow", Action: [...actionsWithoutResourceScope], Resource: "*" },
        { Sid: "AllowInstanceProfileReadActions", Effect: "Allow", Action: "iam:GetInstanceProfile", Resource: instanceProfiles },
    ];

    const throughEc2 = { "kms:ViaService": `ec2.${c.region}.amazonaws.com`, "kms:CallerAccount": c.accountId };
    const volumeEncryption: PolicyStatement[] = [
        {
            Sid: "AllowVolumesKeyThroughEC2",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
            Resource: c.volumesKeyArn,
            Condition: { StringEquals: throughEc2 },
        },
        {
            Sid: "AllowVolumesKeyGrantsForAttachedVolumes",
            Effect: "Allow",
            Action: "kms:CreateGrant",
            Resource: c.volumesKeyArn,
            Condition: { StringEquals: throughEc2, Bool: { "kms:GrantIsForAWSResource": true } },
        },
    ];

    return {
        "node-lifecycle": policyDocument(...nodeLifecycle),
        "iam-integration": policyDocument(...iamIntegration),
        "eks-integration": policyDocument({ Sid: "AllowAPIServerEndpointDiscovery", Effect: "Allow", Action: "eks:DescribeCluster", Resource: clusterArn(c, cluster) }),
        interruption: policyDocument({
            Sid: "AllowInterruptionQueueActions",
            Effect: "Allow",
            Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
            Resource: queueArn(c, c.names.queue),
        }),
        "resource-discovery": policyDocument(...resourceDiscovery),
        "volume-encryption": policyDocument(...volumeEncryption),
    };
}

/** IAM counts inline policy size without whitespace; a role's inline policies together may hold 10,240 characters. */
export const inlinePolicyQuota = 10240;

export function inlinePolicySize(documents: Record<string, PolicyDocument>): number {
    return Object.values(documents).reduce((n, d) => n + JSON.stringify(d).length, 0);
}
