import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { nodeRoleManagedPolicies } from "../cluster/system-node-group";
import { managedPolicyArn, serviceTrustPolicy } from "../iam-documents";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { PodIdentityRole } from "../pod-identity";
import { charts, karpenterAmiAlias } from "../versions";
import { controllerPolicies, controllerPolicyConcerns, eventPattern, interruptionEvents, interruptionQueuePolicy, karpenterNames } from "./iam";
import { nodeClassManifest, nodePoolManifest, type NodePoolConfig } from "./manifests";
import { controllerServiceAccount, controllerValues, type ControllerValuesArgs } from "./values";

export * from "./iam";
export * from "./manifests";
export * from "./values";

export interface KarpenterArgs {
    /** EKS cluster name (config): tag conditions, discovery tags and resource names use it. */
    clusterName: string;
    /** The cluster's outputs: name and ARN (for ordering) and the Pod Identity agent. */
    cluster: { name: pulumi.Input<string>; arn: pulumi.Input<string>; podIdentityAgent: pulumi.Resource };
    accountId: pulumi.Input<string>;
    region: string;
    /** The default-deny namespace the controller runs in (service account `karpenter`). */
    namespace: PlatformNamespace;
    highAvailability: boolean;
    controller: { cpu: string; memory: string; logLevel: ControllerValuesArgs["logLevel"] };
    nodeClass: { rootVolumeGiB: number };
    nodePools: Record<string, NodePoolConfig>;
    permissionsBoundaryArn: pulumi.Input<string>;
    /** Platform KMS key (volumes purpose) for every node's EBS volumes. */
    volumesKeyArn: pulumi.Input<string>;
    tags: Record<string, string>;
}

/** The EC2NodeClass every pool launches from. */
export const nodeClassName = "default";

/**
 * Karpenter v1: the node role and its EC2_LINUX access entry, the interruption queue fed by
 * EventBridge, the controller's scoped Pod Identity role, the `karpenter-crd` and `karpenter`
 * charts, one EC2NodeClass and the configured NodePools. Every custom resource waits for the
 * release that serves its CRD, so a first `pulumi up` on an empty cluster succeeds, and a destroy
 * removes the pools while the controller still runs to drain and terminate their nodes.
 */
export class Karpenter extends pulumi.ComponentResource {
    public readonly interruptionQueueName: pulumi.Output<string>;
    public readonly nodeRoleArn: pulumi.Output<string>;
    public readonly nodePoolNames: string[];

    constructor(name: string, args: KarpenterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:karpenter:Karpenter", name, {}, opts);
        const names = karpenterNames(args.clusterName);
        const accountId = pulumi.output(args.accountId);

        // Nodes: a role bounded like every platform role, admitted to the cluster as EC2_LINUX (authentication mode API).
        const nodeRole = new aws.iam.Role(
            `${name}-node`,
            {
                name: names.nodeRole,
                description: `Nodes Karpenter launches for ${args.clusterName}`,
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ec2.amazonaws.com")),
                permissionsBoundary: args.permissionsBoundaryArn,
                tags: args.tags,
            },
            { parent: this },
        );
        const nodeRolePolicies = nodeRoleManagedPolicies.map(
            (policy) => new aws.iam.RolePolicyAttachment(`${name}-node-${policy}`, { role: nodeRole.name, policyArn: managedPolicyArn(args.region, policy) }, { parent: this }),
        );
        const nodeAccess = new aws.eks.AccessEntry(
            `${name}-node`,
            { clusterName: args.cluster.name, principalArn: nodeRole.arn, type: "EC2_LINUX", tags: args.tags },
            { parent: this },
        );

        // Interruption handling: EventBridge -> SQS (SSE-SQS, TLS only, 5-minute retention as upstream).
        const queue = new aws.sqs.Queue(
            `${name}-interruptions`,
            { name: names.queue, messageRetentionSeconds: 300, sqsManagedSseEnabled: true, tags: args.tags },
            { parent: this },
        );
        const queuePolicy = new aws.sqs.QueuePolicy(
            `${name}-interruptions`,
            { queueUrl: queue.url, policy: accountId.apply((a) => JSON.stringify(interruptionQueuePolicy({ region: args.region, accountId: a }, names))) },
            { parent: this },
        );
        const rules = interruptionEvents.map((event) => {
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${event.key}`,
                { name: names.rules[event.key], description: `Karpenter interruption handling (${args.clusterName}): ${event.description}`, eventPattern: eventPattern(event), tags: args.tags },
                { parent: this },
            );
            new aws.cloudwatch.EventTarget(`${name}-${event.key}`, { rule: rule.name, arn: queue.arn, targetId: "KarpenterInterruptionQueueTarget" }, { parent: this, dependsOn: [queuePolicy] });
            return rule;
        });

        const policies = pulumi
            .all([accountId, args.volumesKeyArn])
            .apply(([a, key]) => controllerPolicies({ region: args.region, accountId: a, clusterName: args.clusterName, names, volumesKeyArn: key }));
        const controllerRole = new PodIdentityRole(
            `${name}-controller`,
            {
                clusterName: args.cluster.name,
                clusterArn: args.cluster.arn,
                accountId: args.accountId,
                namespace: args.namespace.name,
                serviceAccount: controllerServiceAccount,
                policies: Object.fromEntries(controllerPolicyConcerns.map((concern) => [concern, policies.apply((p) => p[concern])])),
                permissionsBoundaryArn: args.permissionsBoundaryArn,
                description: `Karpenter controller of ${args.clusterName}: launches and terminates its own nodes only`,
                tags: args.tags,
                podIdentityAgent: args.cluster.podIdentityAgent,
            },
            { parent: this },
        );

        const namespace = args.namespace.namespace.metadata.name;
        const crds = pinnedRelease(`${name}-crd`, charts.karpenterCrd, { namespace }, { parent: this, dependsOn: args.namespace.ready });
        const controller = pinnedRelease(
            name,
            charts.karpenter,
            {
                namespace,
                skipCrds: true,
                values: queue.name.apply((queueName) =>
                    controllerValues({
                        clusterName: args.clusterName,
                        interruptionQueue: queueName,
                        highAvailability: args.highAvailability,
                        resources: { cpu: args.controller.cpu, memory: args.controller.memory },
                        logLevel: args.controller.logLevel,
                    }),
                ),
            },
            // The association must exist before the pods start: the Pod Identity webhook injects credentials at admission.
            { parent: this, dependsOn: [...args.namespace.ready, crds, controllerRole, queuePolicy, ...rules] },
        );

        const served = [crds, controller];
        const nodeClass = new k8s.apiextensions.CustomResource(
            `${name}-nodeclass-${nodeClassName}`,
            nodeClassManifest({
                name: nodeClassName,
                clusterName: args.clusterName,
                role: nodeRole.name,
                amiAlias: karpenterAmiAlias,
                volumesKeyArn: args.volumesKeyArn,
                rootVolumeGiB: args.nodeClass.rootVolumeGiB,
                tags: args.tags,
            }),
            { parent: this, dependsOn: [...served, nodeAccess, ...nodeRolePolicies] },
        );
        this.nodePoolNames = Object.keys(args.nodePools);
        for (const [poolName, pool] of Object.entries(args.nodePools)) {
            new k8s.apiextensions.CustomResource(`${name}-nodepool-${poolName}`, nodePoolManifest(poolName, pool, nodeClassName), {
                parent: this,
                dependsOn: [...served, nodeClass],
            });
        }

        this.interruptionQueueName = queue.name;
        this.nodeRoleArn = nodeRole.arn;
        this.registerOutputs({ interruptionQueueName: this.interruptionQueueName, nodeRoleArn: this.nodeRoleArn, nodePoolNames: this.nodePoolNames });
    }
}
