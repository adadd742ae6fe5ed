/**
 * Helm values of the Crossplane chart (keys from crossplane/crossplane `cluster/charts/crossplane/values.yaml`),
 * as a pure function of the stack's high-availability setting.
 */
import type { ContainerResources } from "./manifests";

/** Port of Crossplane's (and every provider's) admission and conversion webhooks. */
export const crossplaneWebhookPort = 9443;

export interface CrossplaneValuesArgs {
    highAvailability: boolean;
}

const podSecurityContext = { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } };
const containerSecurityContext = {
    runAsUser: 65532,
    runAsGroup: 65532,
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
};

const coreResources: ContainerResources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1024Mi" } };
const rbacManagerResources: ContainerResources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } };

function zoneSpread(app: string) {
    return [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app } } }];
}

export function crossplaneValues(a: CrossplaneValuesArgs): Record<string, unknown> {
    const replicas = a.highAvailability ? 2 : 1;
    return {
        replicas,
        leaderElection: true,
        priorityClassName: "system-cluster-critical",
        ...(a.highAvailability ? { topologySpreadConstraints: zoneSpread("crossplane") } : {}),
        resourcesCrossplane: coreResources,
        podSecurityContextCrossplane: podSecurityContext,
        securityContextCrossplane: containerSecurityContext,
        rbacManager: {
            deploy: true,
            replicas,
            leaderElection: true,
            ...(a.highAvailability ? { topologySpreadConstraints: zoneSpread("crossplane-rbac-manager") } : {}),
        },
        resourcesRBACManager: rbacManagerResources,
        podSecurityContextRBACManager: podSecurityContext,
        securityContextRBACManager: containerSecurityContext,
        webhooks: { enabled: true },
        metrics: { enabled: true },
        // Packages are installed as Provider/Function objects by the program, never by the chart.
        provider: { packages: [] },
        configuration: { packages: [] },
        function: { packages: [] },
    };
}

/** Resources of each provider pod (upjet providers hold the Terraform schema of their service in memory). */
export const providerResources: ContainerResources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1536Mi" } };
/** Resources of each composition-function pod. */
export const functionResources: ContainerResources = { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
