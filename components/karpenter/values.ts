/**
 * Helm values of the `karpenter` chart (charts/karpenter/values.yaml of aws/karpenter-provider-aws
 * at the pinned version), as a pure function.
 */
import { nodePoolLabel } from "./manifests";

/** The service account the chart creates; the Pod Identity association names it. */
export const controllerServiceAccount = "karpenter";

/** The controller's Prometheus metrics port (the chart's `controller.metrics.port`). */
export const karpenterMetricsPort = 8080;

export interface ControllerValuesArgs {
    clusterName: string;
    /** Name of the interruption SQS queue. */
    interruptionQueue: string;
    /** `paved:highAvailability`: two replicas spread across zones, or one. */
    highAvailability: boolean;
    resources: { cpu: string; memory: string };
    logLevel: "debug" | "info" | "error";
}

/**
 * Two replicas (one leader, one hot standby) spread across zones in HA; one replica otherwise —
 * while the controller restarts, running nodes and pods are untouched, only provisioning and
 * consolidation wait. It runs on the managed system node group only: never on a node it manages.
 */
export function controllerValues(a: ControllerValuesArgs): Record<string, unknown> {
    const replicas = a.highAvailability ? 2 : 1;
    return {
        serviceAccount: { create: true, name: controllerServiceAccount },
        replicas,
        priorityClassName: "system-cluster-critical",
        podDisruptionBudget: { name: "karpenter", maxUnavailable: 1 },
        nodeSelector: { "kubernetes.io/os": "linux" },
        affinity: {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [
                        {
                            matchExpressions: [
                                { key: "karpenter.sh/nodepool", operator: "DoesNotExist" },
                                { key: nodePoolLabel, operator: "In", values: ["system"] },
                            ],
                        },
                    ],
                },
            },
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname" }] },
        },
        // An empty list drops the chart's default constraint (a template `with` skips it).
        topologySpreadConstraints: a.highAvailability ? [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" }] : [],
        tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }],
        // The platform's collectors discover scrape targets by these annotations.
        podAnnotations: { "k8s.grafana.com/scrape": "true", "k8s.grafana.com/metrics.portNumber": String(karpenterMetricsPort) },
        controller: {
            // Requests = limits (Guaranteed QoS); the chart derives GOMEMLIMIT from the memory limit.
            resources: { requests: { ...a.resources }, limits: { ...a.resources } },
            metrics: { port: karpenterMetricsPort },
        },
        logLevel: a.logLevel,
        serviceMonitor: { enabled: false },
        settings: {
            clusterName: a.clusterName,
            interruptionQueue: a.interruptionQueue,
            // The Price List API and IAM have no VPC endpoints; the namespace allows HTTPS out through NAT.
            isolatedVPC: false,
            enableZonalShift: false,
        },
    };
}
