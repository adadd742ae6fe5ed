import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import type { ExternalSecrets } from "../secrets";
import { charts } from "../versions";
import { k8sMonitoringValues, telemetryCredentialsSecret, telemetryPasswordKey, telemetryUsernameKey, type K8sMonitoringValuesArgs } from "./values";

export * from "./values";

export interface ObservabilityArgs {
    /** The collectors' namespace (privileged: node log and host metrics collection; HTTPS out to the endpoint). */
    namespace: PlatformNamespace;
    secrets: ExternalSecrets;
    clusterName: string;
    highAvailability: boolean;
    endpoint: K8sMonitoringValuesArgs["endpoint"];
    /** The Secrets Manager secret with the endpoint credentials, and its two properties. */
    credentials: { name: string; usernameProperty: string; passwordProperty: string };
}

/**
 * Collectors for cluster and workload metrics, logs, events and traces (grafana/k8s-monitoring at the
 * pinned version), shipping OTLP to the configured endpoint with credentials that External Secrets
 * syncs from Secrets Manager before the release starts.
 */
export class Observability extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;
    public readonly credentials: k8s.apiextensions.CustomResource;
    /** Where the collectors send telemetry. */
    public readonly endpoint: string;

    constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:observability:Observability", name, {}, opts);
        const namespace = args.namespace.name;
        this.endpoint = args.endpoint.url;
        this.credentials = args.secrets.externalSecret(
            `${name}-credentials`,
            {
                name: telemetryCredentialsSecret,
                namespace,
                target: telemetryCredentialsSecret,
                data: [
                    { secretKey: telemetryUsernameKey, remoteKey: args.credentials.name, property: args.credentials.usernameProperty },
                    { secretKey: telemetryPasswordKey, remoteKey: args.credentials.name, property: args.credentials.passwordProperty },
                ],
            },
            { parent: this, dependsOn: args.namespace.ready },
        );
        this.release = pinnedRelease(
            "k8s-monitoring",
            charts.k8sMonitoring,
            { namespace, values: k8sMonitoringValues({ clusterName: args.clusterName, highAvailability: args.highAvailability, endpoint: args.endpoint }) },
            { parent: this, dependsOn: [...args.namespace.ready, this.credentials] },
        );
        this.registerOutputs({ endpoint: args.endpoint.url });
    }
}
