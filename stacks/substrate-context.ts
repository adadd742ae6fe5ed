import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Cluster } from "../components/cluster";
import type { PlatformKeys } from "../components/encryption";
import type { IamBaseline } from "../components/iam-baseline";
import type { Network } from "../components/network";
import { PlatformNamespace, type PlatformNamespaceArgs } from "../components/network-policies";
import type { PlatformTags } from "../components/tagging";
import type { PlatformConfig } from "./config";

/** What every add-on is built from: the config, the first substrate slice and the providers. */
export interface SubstrateContext {
    cfg: PlatformConfig;
    tags: PlatformTags;
    accountId: pulumi.Output<string>;
    awsProvider: aws.Provider;
    /** Options for AWS resources and components (the explicit, tagging provider). */
    withAws: pulumi.ComponentResourceOptions;
    /** Options for Kubernetes resources and components (the cluster's provider). */
    withK8s: pulumi.ComponentResourceOptions;
    keys: PlatformKeys;
    network: Network;
    cluster: Cluster;
    iam: IamBaseline;
    /** A default-deny namespace for a platform controller, with DNS, same-namespace, API-server and AWS-endpoint allows. */
    platformNamespace(name: string, extra: Omit<PlatformNamespaceArgs, "privateSubnetCidrs" | "vpcCidr">): PlatformNamespace;
}

export function substrateContext(parts: Omit<SubstrateContext, "withK8s" | "platformNamespace">, k8sProvider: k8s.Provider): SubstrateContext {
    const withK8s: pulumi.ComponentResourceOptions = { providers: { kubernetes: k8sProvider } };
    return {
        ...parts,
        withK8s,
        platformNamespace: (name, extra) =>
            new PlatformNamespace(name, { ...extra, privateSubnetCidrs: parts.network.subnetPlan.private, vpcCidr: parts.network.vpcCidr }, withK8s),
    };
}
