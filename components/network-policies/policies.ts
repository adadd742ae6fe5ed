/** NetworkPolicy specs for platform namespaces, as pure functions (tested without mocks). */

export interface NetworkPolicyManifest {
    apiVersion: "networking.k8s.io/v1";
    kind: "NetworkPolicy";
    metadata: { name: string; namespace: string; labels: Record<string, string> };
    spec: NetworkPolicySpec;
}

export interface NetworkPolicySpec {
    podSelector: Record<string, unknown>;
    policyTypes: ("Ingress" | "Egress")[];
    ingress?: Record<string, unknown>[];
    egress?: Record<string, unknown>[];
}

export interface NamespaceTraffic {
    /** Private (workload) subnet CIDRs: the EKS control-plane ENIs and the VPC interface endpoints live there. */
    privateSubnetCidrs: string[];
    /** The VPC CIDR, excluded from internet egress. */
    vpcCidr: string;
    /** HTTPS to the internet through NAT (package registries, Git, SaaS endpoints). Off unless the controller needs it. */
    internetHttps?: boolean;
    /** Ports on which the API server calls this namespace's admission webhooks. */
    webhookPorts?: number[];
    /** Other namespaces allowed in, and on which ports (e.g. monitoring scraping metrics). */
    ingressFromNamespaces?: { namespace: string; ports: number[] }[];
    /** Other namespaces this one may call, and on which ports. */
    egressToNamespaces?: { namespace: string; ports: number[] }[];
    /**
     * The EKS Pod Identity agent (169.254.170.23:80, host network on every node). The VPC CNI
     * enforces egress policies on link-local addresses too, so a default-deny namespace whose
     * controller uses Pod Identity gets no AWS credentials without this allow.
     */
    podIdentity?: boolean;
    /** Ports on the nodes (private subnets) this namespace may call, e.g. kubelet 10250 for metrics collection. */
    nodePorts?: number[];
    /** Ports any pod in the cluster may reach in this namespace (e.g. OTLP receivers for workload traces). */
    ingressFromClusterPorts?: number[];
}

/** The EKS Pod Identity agent's link-local address (IPv4). */
export const podIdentityAgentCidr = "169.254.170.23/32";

const managedBy = { "app.kubernetes.io/managed-by": "paved", "paved.io/policy": "default-deny" };

function policy(namespace: string, name: string, spec: NetworkPolicySpec): NetworkPolicyManifest {
    return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace, labels: { ...managedBy } }, spec };
}

const tcp = (ports: number[]) => ports.map((port) => ({ protocol: "TCP", port }));
const namespaceSelector = (namespace: string) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } });

/** The DNS allow every namespace needs once everything else is denied. */
export function dnsAllow(namespace: string): NetworkPolicyManifest {
    return policy(namespace, "allow-dns", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
            {
                to: [{ ...namespaceSelector("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
                ports: [
                    { protocol: "UDP", port: 53 },
                    { protocol: "TCP", port: 53 },
                ],
            },
        ],
    });
}

/** Deny all ingress and egress for every pod in the namespace. */
export function defaultDeny(namespace: string): NetworkPolicyManifest {
    return policy(namespace, "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
}

/**
 * Default-deny ingress and egress, then the explicit allows a platform controller needs: DNS,
 * its own namespace, HTTPS to the API server and AWS endpoints, and whatever `traffic` adds.
 */
export function namespaceNetworkPolicies(namespace: string, traffic: NamespaceTraffic): NetworkPolicyManifest[] {
    const policies = [
        defaultDeny(namespace),
        dnsAllow(namespace),
        policy(namespace, "allow-same-namespace", {
            podSelector: {},
            policyTypes: ["Ingress", "Egress"],
            ingress: [{ from: [{ podSelector: {} }] }],
            egress: [{ to: [{ podSelector: {} }] }],
        }),
        policy(namespace, "allow-kubernetes-api-and-aws-endpoints", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: traffic.privateSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: tcp([443]) }],
        }),
    ];
    if (traffic.internetHttps) {
        policies.push(
            policy(namespace, "allow-internet-https", {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [traffic.vpcCidr] } }], ports: tcp([443]) }],
            }),
        );
    }
    if (traffic.podIdentity) {
        policies.push(
            policy(namespace, "allow-pod-identity-agent", {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [{ to: [{ ipBlock: { cidr: podIdentityAgentCidr } }], ports: tcp([80]) }],
            }),
        );
    }
    if (traffic.nodePorts?.length) {
        policies.push(
            policy(namespace, "allow-to-nodes", {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [{ to: traffic.privateSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: tcp(traffic.nodePorts) }],
            }),
        );
    }
    if (traffic.ingressFromClusterPorts?.length) {
        policies.push(
            policy(namespace, "allow-from-cluster", {
                podSelector: {},
                policyTypes: ["Ingress"],
                ingress: [{ from: [{ namespaceSelector: {} }], ports: tcp(traffic.ingressFromClusterPorts) }],
            }),
        );
    }
    if (traffic.webhookPorts?.length) {
        policies.push(
            policy(namespace, "allow-webhooks-from-control-plane", {
                podSelector: {},
                policyTypes: ["Ingress"],
                ingress: [{ from: traffic.privateSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: tcp(traffic.webhookPorts) }],
            }),
        );
    }
    for (const peer of traffic.ingressFromNamespaces ?? []) {
        policies.push(
            policy(namespace, `allow-from-${peer.namespace}`, {
                podSelector: {},
                policyTypes: ["Ingress"],
                ingress: [{ from: [namespaceSelector(peer.namespace)], ports: tcp(peer.ports) }],
            }),
        );
    }
    for (const peer of traffic.egressToNamespaces ?? []) {
        policies.push(
            policy(namespace, `allow-to-${peer.namespace}`, {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [{ to: [namespaceSelector(peer.namespace)], ports: tcp(peer.ports) }],
            }),
        );
    }
    return policies;
}
