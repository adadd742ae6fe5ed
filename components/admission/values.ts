/**
 * Helm values of the kyverno chart (keys checked against the chart's values.yaml at the pinned
 * line: <controller>.replicas, <controller>.podDisruptionBudget, config.webhooks.namespaceSelector,
 * config.excludeKyvernoNamespace, admissionController.webhookServer.port, <controller>.podAnnotations).
 */

export const kyvernoNamespace = "kyverno";
/** Port the admission and cleanup controllers' webhook servers listen on (the API server calls it). */
export const kyvernoWebhookPort = 9443;
/** Metrics port of every Kyverno controller. */
export const kyvernoMetricsPort = 8000;

/**
 * Namespaces Kyverno's webhooks never see. Webhooks fail closed, so if Kyverno is down the cluster
 * must still be able to run what brings it back: the control-plane add-ons (kube-system), Kyverno
 * itself and Karpenter (which launches the nodes Kyverno would be scheduled on).
 */
export const webhookExcludedNamespaces = ["kube-system", "kyverno", "karpenter"];

/** Admission replicas with high availability: upstream requires 3 (2 is not a supported HA size). */
export const haAdmissionReplicas = 3;
/** Background, reports and cleanup controllers with high availability (leader-elected). */
export const haControllerReplicas = 2;

export interface KyvernoValuesArgs {
    highAvailability: boolean;
}

const scrape = { "k8s.grafana.com/scrape": "true", "k8s.grafana.com/metrics.portNumber": String(kyvernoMetricsPort) };

/** The engine only (CRDs from the chart); the admission policies are installed separately, after it. */
export function kyvernoValues(args: KyvernoValuesArgs): Record<string, unknown> {
    const ha = args.highAvailability;
    const controller = (replicas: number) => ({
        replicas,
        // The chart forces a PDB when replicas > 1; say so explicitly, and never a PDB that blocks drains of a single pod.
        podDisruptionBudget: { enabled: replicas > 1, minAvailable: 1 },
        priorityClassName: "system-cluster-critical",
        podAnnotations: scrape,
    });
    return {
        crds: { install: true },
        config: {
            excludeKyvernoNamespace: true,
            webhooks: {
                namespaceSelector: {
                    matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...webhookExcludedNamespaces] }],
                },
            },
        },
        admissionController: {
            ...controller(ha ? haAdmissionReplicas : 1),
            webhookServer: { port: kyvernoWebhookPort },
        },
        backgroundController: controller(ha ? haControllerReplicas : 1),
        reportsController: controller(ha ? haControllerReplicas : 1),
        cleanupController: controller(ha ? haControllerReplicas : 1),
    };
}
