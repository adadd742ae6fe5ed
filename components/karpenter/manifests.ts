/**
 * Karpenter v1 custom resources as pure functions: the EC2NodeClass every pool launches from and
 * one NodePool per configured pool. Values may be Pulumi inputs (role name, key ARN); nothing
 * here reads them.
 */
import type * as pulumi from "@pulumi/pulumi";

export const nodeClassApiVersion = "karpenter.k8s.aws/v1";
export const nodePoolApiVersion = "karpenter.sh/v1";

/** IMDSv2 only, one hop: pods on Karpenter nodes cannot reach the node's credentials (FSBP EC2.8). */
export const nodeMetadataOptions = { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" } as const;

/** The label every platform node carries; the system node group has `system`. */
export const nodePoolLabel = "paved.io/node-pool";

export interface NodeClassArgs {
    name: string;
    /** EKS cluster name: the `karpenter.sh/discovery` tag value on private subnets and the node security group. */
    clusterName: string;
    /** Node IAM role name; Karpenter manages the instance profile. */
    role: pulumi.Input<string>;
    /** `family@version`, pinned (components/versions.ts). */
    amiAlias: string;
    /** KMS key (volumes purpose) that encrypts the root volume. */
    volumesKeyArn: pulumi.Input<string>;
    rootVolumeGiB: number;
    /** Tags Karpenter puts on instances, volumes, network interfaces and launch templates. */
    tags: Record<string, string>;
}

export interface EbsMapping {
    deviceName: string;
    rootVolume: boolean;
    ebs: { volumeSize: string; volumeType: "gp3"; encrypted: true; kmsKeyID: pulumi.Input<string>; deleteOnTermination: true };
}

export interface NodeClassManifest {
    apiVersion: typeof nodeClassApiVersion;
    kind: "EC2NodeClass";
    metadata: { name: string; labels: Record<string, string> };
    spec: {
        role: pulumi.Input<string>;
        amiSelectorTerms: { alias: string }[];
        subnetSelectorTerms: { tags: Record<string, string> }[];
        securityGroupSelectorTerms: { tags: Record<string, string> }[];
        metadataOptions: typeof nodeMetadataOptions;
        blockDeviceMappings: EbsMapping[];
        tags: Record<string, string>;
    };
}

const managedBy = { "app.kubernetes.io/managed-by": "paved" };

export function nodeClassManifest(a: NodeClassArgs): NodeClassManifest {
    const discovery = { "karpenter.sh/discovery": a.clusterName };
    return {
        apiVersion: nodeClassApiVersion,
        kind: "EC2NodeClass",
        metadata: { name: a.name, labels: { ...managedBy } },
        spec: {
            role: a.role,
            amiSelectorTerms: [{ alias: a.amiAlias }],
            // Private (workload) subnets and the EKS cluster security group carry the discovery tag.
            subnetSelectorTerms: [{ tags: discovery }],
            securityGroupSelectorTerms: [{ tags: discovery }],
            metadataOptions: { ...nodeMetadataOptions },
            blockDeviceMappings: [
                {
                    deviceName: "/dev/xvda",
                    rootVolume: true,
                    ebs: { volumeSize: `${a.rootVolumeGiB}Gi`, volumeType: "gp3", encrypted: true, kmsKeyID: a.volumesKeyArn, deleteOnTermination: true },
                },
            ],
            tags: { ...a.tags, "paved.io/node-class": a.name },
        },
    };
}

export type CapacityType = "spot" | "on-demand";
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

/** One node pool as the stack config gives it (`paved:karpenter.nodePools.<name>`). */
export interface NodePoolConfig {
    capacityTypes: CapacityType[];
    architectures: ("amd64" | "arm64")[];
    /** Instance categories (`c`, `m`, `r`, `g`, ...); at least one of categories and families is set. */
    instanceCategories?: string[];
    /** Instance families (`c7i`, `g6`, ...). */
    instanceFamilies?: string[];
    /** Oldest instance generation allowed (rendered as `instance-generation Gt <n-1>`). */
    minInstanceGeneration?: number;
    labels: Record<string, string>;
    taints: { key: string; value?: string; effect: TaintEffect }[];
    /** Ceiling of what the pool may provision: vCPUs, memory and, for accelerated pools, NVIDIA GPUs. */
    limits: { cpu: number; memory: string; gpus?: number };
    disruption: {
        consolidationPolicy: "WhenEmpty" | "WhenEmptyOrUnderutilized";
        consolidateAfter: string;
        budgets: { nodes: string; schedule?: string; duration?: string; reasons?: ("Underutilized" | "Empty" | "Drifted")[] }[];
    };
    /** Maximum node age: nodes are replaced (and pick up the pinned AMI) at least this often. */
    expireAfter: string;
    /** How long a draining node waits for its pods before it is terminated anyway. */
    terminationGracePeriod?: string;
    weight?: number;
}

export interface NodePoolRequirement {
    key: string;
    operator: "In" | "Gt";
    values: string[];
}

export interface NodePoolManifest {
    apiVersion: typeof nodePoolApiVersion;
    kind: "NodePool";
    metadata: { name: string; labels: Record<string, string> };
    spec: {
        template: {
            metadata: { labels: Record<string, string> };
            spec: {
                nodeClassRef: { group: "karpenter.k8s.aws"; kind: "EC2NodeClass"; name: string };
                requirements: NodePoolRequirement[];
                taints?: { key: string; value?: string; effect: TaintEffect }[];
                expireAfter: string;
                terminationGracePeriod?: string;
            };
        };
        limits: Record<string, string>;
        disruption: NodePoolConfig["disruption"];
        weight?: number;
    };
}

/** What the pool may launch, as Karpenter requirements. */
export function nodePoolRequirements(pool: NodePoolConfig): NodePoolRequirement[] {
    const requirements: NodePoolRequirement[] = [
        { key: "karpenter.sh/capacity-type", operator: "In", values: [...pool.capacityTypes] },
        { key: "kubernetes.io/arch", operator: "In", values: [...pool.architectures] },
        { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
    ];
    if (pool.instanceCategories?.length) {
        requirements.push({ key: "karpenter.k8s.aws/instance-category", operator: "In", values: [...pool.instanceCategories] });
    }
    if (pool.instanceFamilies?.length) {
        requirements.push({ key: "karpenter.k8s.aws/instance-family", operator: "In", values: [...pool.instanceFamilies] });
    }
    if (pool.minInstanceGeneration !== undefined && pool.minInstanceGeneration > 1) {
        requirements.push({ key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: [String(pool.minInstanceGeneration - 1)] });
    }
    return requirements;
}

/** The pool's limits as NodePool `spec.limits`: cpu and memory always, GPUs when given. */
export function nodePoolLimits(limits: NodePoolConfig["limits"]): Record<string, string> {
    return { cpu: String(limits.cpu), memory: limits.memory, ...(limits.gpus !== undefined ? { "nvidia.com/gpu": String(limits.gpus) } : {}) };
}

export function nodePoolManifest(name: string, pool: NodePoolConfig, nodeClassName: string): NodePoolManifest {
    const labels = { ...pool.labels, [nodePoolLabel]: name };
    return {
        apiVersion: nodePoolApiVersion,
        kind: "NodePool",
        metadata: { name, labels: { ...managedBy } },
        spec: {
            template: {
                metadata: { labels },
                spec: {
                    nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: nodeClassName },
                    requirements: nodePoolRequirements(pool),
                    ...(pool.taints.length > 0 ? { taints: pool.taints.map((t) => ({ ...t })) } : {}),
                    expireAfter: pool.expireAfter,
                    ...(pool.terminationGracePeriod ? { terminationGracePeriod: pool.terminationGracePeriod } : {}),
                },
            },
            limits: nodePoolLimits(pool.limits),
            disruption: {
                consolidationPolicy: pool.disruption.consolidationPolicy,
                consolidateAfter: pool.disruption.consolidateAfter,
                budgets: pool.disruption.budgets.map((b) => ({ ...b, ...(b.reasons ? { reasons: [...b.reasons] } : {}) })),
            },
            ...(pool.weight !== undefined ? { weight: pool.weight } : {}),
        },
    };
}
