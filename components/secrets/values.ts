/**
 * Helm values of the external-secrets chart (keys checked against the chart's values.yaml at the
 * pinned version: replicaCount, leaderElect, podDisruptionBudget, webhook.*, certController.*,
 * metrics.service, serviceAccount.name, installCRDs).
 */

export const externalSecretsNamespace = "external-secrets";
/** The controller's service account: the Pod Identity association targets it by name. */
export const externalSecretsServiceAccount = "external-secrets";
/** Port of the validating webhook's pod (the API server calls it; the Service maps 443 to it). */
export const externalSecretsWebhookPort = 10250;
/** Metrics port of the controller, webhook and cert-controller pods. */
export const externalSecretsMetricsPort = 8080;

export interface ExternalSecretsValuesArgs {
    highAvailability: boolean;
}

const scrape = { "k8s.grafana.com/scrape": "true", "k8s.grafana.com/metrics.portNumber": String(externalSecretsMetricsPort) };
/** Spread over zones; the chart adds each deployment's own label selector. */
const zoneSpread = [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" }];

/**
 * CRDs come with the chart (so the ClusterSecretStore can wait for the release). With high
 * availability every deployment runs 2 replicas spread over zones with a PodDisruptionBudget; leader
 * election is always on, because a rolling update briefly runs two controllers even with 1 replica.
 */
export function externalSecretsValues(args: ExternalSecretsValuesArgs): Record<string, unknown> {
    const replicas = args.highAvailability ? 2 : 1;
    const pdb = { enabled: args.highAvailability, minAvailable: 1 };
    const spread = args.highAvailability ? zoneSpread : [];
    return {
        installCRDs: true,
        crds: { createClusterExternalSecret: true, createClusterSecretStore: true, createPushSecret: true },
        replicaCount: replicas,
        leaderElect: true,
        podDisruptionBudget: pdb,
        topologySpreadConstraints: spread,
        serviceAccount: { create: true, name: externalSecretsServiceAccount },
        priorityClassName: "system-cluster-critical",
        podAnnotations: scrape,
        metrics: { service: { enabled: true, port: externalSecretsMetricsPort } },
        webhook: {
            replicaCount: replicas,
            port: externalSecretsWebhookPort,
            podDisruptionBudget: pdb,
            topologySpreadConstraints: spread,
            priorityClassName: "system-cluster-critical",
            podAnnotations: scrape,
        },
        certController: {
            replicaCount: replicas,
            podDisruptionBudget: pdb,
            topologySpreadConstraints: spread,
            priorityClassName: "system-cluster-critical",
            podAnnotations: scrape,
        },
    };
}
