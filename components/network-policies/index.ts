import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { namespaceNetworkPolicies, type NamespaceTraffic } from "./policies";

export * from "./policies";

export interface PlatformNamespaceArgs extends NamespaceTraffic {
    /** Pod Security Standard enforced on the namespace. */
    podSecurity: "restricted" | "baseline" | "privileged";
    labels?: Record<string, string>;
}

/**
 * A namespace for a platform controller, fenced off on the network: default-deny ingress and egress
 * plus the explicit allows it needs (see `namespaceNetworkPolicies`), and a Pod Security level.
 */
export class PlatformNamespace extends pulumi.ComponentResource {
    public readonly name: string;
    public readonly namespace: k8s.core.v1.Namespace;
    /** The namespace and its network policies: what workloads in it must wait for. */
    public readonly ready: pulumi.Resource[];

    constructor(name: string, args: PlatformNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:network-policies:PlatformNamespace", name, {}, opts);
        this.name = name;
        const enforce = args.podSecurity;
        this.namespace = new k8s.core.v1.Namespace(
            name,
            {
                metadata: {
                    name,
                    labels: {
                        "app.kubernetes.io/managed-by": "paved",
                        "paved.io/namespace-kind": "platform",
                        "pod-security.kubernetes.io/enforce": enforce,
                        "pod-security.kubernetes.io/audit": "restricted",
                        "pod-security.kubernetes.io/warn": "restricted",
                        ...args.labels,
                    },
                },
            },
            { parent: this },
        );
        const policies = namespaceNetworkPolicies(name, args).map(
            (p) =>
                new k8s.networking.v1.NetworkPolicy(
                    `${name}-${p.metadata.name}`,
                    p,
                    { parent: this, dependsOn: [this.namespace] },
                ),
        );
        this.ready = [this.namespace, ...policies];
        this.registerOutputs({ name });
    }
}
