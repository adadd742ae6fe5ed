import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { charts } from "../versions";

export const certManagerNamespace = "cert-manager";
/** Port of cert-manager's admission webhook (chart `webhook.securePort`). */
export const certManagerWebhookPort = 10250;

/**
 * Helm values (keys from cert-manager/cert-manager `deploy/charts/cert-manager/values.yaml`):
 * CRDs installed and kept on uninstall, the leader-election lease in cert-manager's own namespace
 * (not kube-system), certificates owning their secrets, replicas and disruption budgets in HA.
 * The chart's pods already satisfy Pod Security `restricted`.
 */
export function certManagerValues(a: { highAvailability: boolean }): Record<string, unknown> {
    const replicas = a.highAvailability ? 2 : 1;
    const pdb = { enabled: a.highAvailability, ...(a.highAvailability ? { minAvailable: 1 } : {}) };
    const resources = (cpu: string, memory: string) => ({ requests: { cpu, memory }, limits: { memory: "256Mi" } });
    return {
        crds: { enabled: true, keep: true },
        global: { leaderElection: { namespace: certManagerNamespace }, priorityClassName: "system-cluster-critical" },
        replicaCount: replicas,
        podDisruptionBudget: pdb,
        enableCertificateOwnerRef: true,
        resources: resources("50m", "128Mi"),
        webhook: { replicaCount: a.highAvailability ? 3 : 1, podDisruptionBudget: pdb, securePort: certManagerWebhookPort, resources: resources("20m", "64Mi") },
        cainjector: { replicaCount: replicas, podDisruptionBudget: pdb, resources: resources("20m", "128Mi") },
        prometheus: { enabled: true, servicemonitor: { enabled: false } },
    };
}

export interface CertManagerArgs {
    /** `cert-manager`, from `ctx.platformNamespace` (webhook ingress from the control plane; no internet: no ACME issuers). */
    namespace: PlatformNamespace;
    highAvailability: boolean;
}

/**
 * cert-manager, pinned. The platform uses it for in-cluster certificates only (self-signed and CA
 * issuers the temporal-operator creates): webhook serving certificates and Temporal's mTLS.
 */
export class CertManager extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;

    constructor(name: string, args: CertManagerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:cert-manager:CertManager", name, {}, opts);
        this.release = pinnedRelease("cert-manager", charts.certManager, { namespace: args.namespace.name, values: certManagerValues(args) }, { parent: this, dependsOn: args.namespace.ready });
        this.registerOutputs({});
    }
}
