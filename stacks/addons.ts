import { Karpenter } from "../components/karpenter";
import type { SubstrateContext } from "./substrate-context";

/**
 * The substrate's add-ons, in install order. Each is a component in components/<add-on>/,
 * configured from `Pulumi.<stack>.yaml` and installed into its own default-deny namespace.
 */
export function buildAddons(ctx: SubstrateContext) {
    // Karpenter first: it runs on the system node group and launches the nodes the other add-ons' workloads may need.
    const karpenter = buildKarpenter(ctx);
    return {
        karpenterInterruptionQueue: karpenter.interruptionQueueName,
        karpenterNodeRoleArn: karpenter.nodeRoleArn,
    };
}

function buildKarpenter(ctx: SubstrateContext): Karpenter {
    // HTTPS out for the Price List API, IAM (instance profiles) and EKS, none of which has a VPC endpoint here.
    const namespace = ctx.platformNamespace("karpenter", { podSecurity: "restricted", internetHttps: true, podIdentity: true });
    return new Karpenter(
        "karpenter",
        {
            clusterName: ctx.cfg.cluster.name,
            cluster: { name: ctx.cluster.clusterName, arn: ctx.cluster.clusterArn, podIdentityAgent: ctx.cluster.podIdentityAgent },
            accountId: ctx.accountId,
            region: ctx.cfg.region,
            namespace,
            highAvailability: ctx.cfg.highAvailability,
            controller: ctx.cfg.karpenter.controller,
            nodeClass: ctx.cfg.karpenter.nodeClass,
            nodePools: ctx.cfg.karpenter.nodePools,
            permissionsBoundaryArn: ctx.iam.permissionsBoundaryArn,
            volumesKeyArn: ctx.keys.volumes.arn,
            tags: ctx.tags,
        },
        { providers: { aws: ctx.awsProvider, kubernetes: ctx.cluster.provider } },
    );
}
