/**
 * Helm values of grafana/k8s-monitoring (v3, Alloy collectors run by the Alloy Operator). Keys checked
 * against the chart's values.yaml and destination/feature values at the pinned version: destinations[]
 * of type otlp with auth.usernameKey/passwordKey and secret.create: false, clusterMetrics,
 * clusterEvents, podLogs, nodeLogs, annotationAutodiscovery, applicationObservability.receivers.otlp,
 * alloy-metrics/alloy-singleton/alloy-logs/alloy-receiver.
 *
 * Why k8s-monitoring rather than a plain OpenTelemetry Collector chart: one chart covers everything
 * the platform needs (kubelet/cAdvisor, kube-state-metrics and node-exporter metrics, pod and node
 * logs, cluster events, an OTLP receiver for workload traces) with collectors sized for each job
 * (a clustered StatefulSet for scraping, a DaemonSet for logs, a singleton for events), where the
 * collector chart would need all of that assembled by hand. It still speaks OTLP out, so the endpoint
 * is Grafana Cloud's OTLP gateway by default and any OTLP backend otherwise (an in-house collector
 * gateway included): no lock-in on the wire.
 */

/** The collectors' namespace; other platform namespaces admit metrics scrapes from it. */
export const monitoringNamespace = "monitoring";
/** The Secret External Secrets writes the endpoint credentials into; the chart reads it by name. */
export const telemetryCredentialsSecret = "telemetry-credentials";
export const telemetryUsernameKey = "username";
export const telemetryPasswordKey = "password";
/** OTLP receiver ports workloads send traces (and metrics, logs) to. */
export const otlpReceiverPorts = { grpc: 4317, http: 4318 } as const;
/** Ports on the nodes the metrics collector scrapes: kubelet (and cAdvisor through it), node-exporter (host network). */
export const nodeScrapePorts = [10250, 9100];

export interface K8sMonitoringValuesArgs {
    clusterName: string;
    highAvailability: boolean;
    endpoint: { url: string; protocol: "http" | "grpc" };
}

/**
 * One OTLP destination for metrics, logs and traces, authenticated with basic auth read from the
 * Secret External Secrets maintains (`secret.create: false`): no credential is in these values.
 */
export function k8sMonitoringValues(args: K8sMonitoringValuesArgs): Record<string, unknown> {
    return {
        cluster: { name: args.clusterName },
        destinations: [
            {
                name: "otlp",
                type: "otlp",
                url: args.endpoint.url,
                protocol: args.endpoint.protocol,
                auth: { type: "basic", usernameKey: telemetryUsernameKey, passwordKey: telemetryPasswordKey },
                secret: { create: false, name: telemetryCredentialsSecret, namespace: monitoringNamespace },
                metrics: { enabled: true },
                logs: { enabled: true },
                traces: { enabled: true },
            },
        ],
        clusterMetrics: { enabled: true, "windows-exporter": { enabled: false, deploy: false } },
        clusterEvents: { enabled: true },
        podLogs: { enabled: true },
        nodeLogs: { enabled: true },
        // Platform controllers annotate their pods with k8s.grafana.com/scrape and the metrics port.
        annotationAutodiscovery: { enabled: true },
        applicationObservability: {
            enabled: true,
            receivers: { otlp: { grpc: { enabled: true, port: otlpReceiverPorts.grpc }, http: { enabled: true, port: otlpReceiverPorts.http } } },
        },
        // Scraping is clustered: with high availability two collectors share the targets and take over from each other.
        "alloy-metrics": { enabled: true, controller: { replicas: args.highAvailability ? 2 : 1 } },
        // Cluster events must be read by exactly one collector.
        "alloy-singleton": { enabled: true },
        "alloy-logs": { enabled: true },
        "alloy-receiver": { enabled: true },
    };
}
