import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { chartName, helmChartProps, valueAt, helmChartTypes } from "./charts";

/** A replica count in a chart's values: its path, the chart's default when unset, and what else can satisfy it. */
interface ReplicaValue {
    path: string;
    /** Replicas the chart runs when the value is not set. */
    chartDefault: number;
    /** A `<component>.autoscaling` block: when enabled, its minReplicas counts instead. */
    autoscaling?: string;
    /** The minimum whenever the pack requires high availability (e.g. Kyverno's admission controller: 3). */
    haMinimum?: number;
    /** The component exists only when this value is not false (e.g. crossplane rbacManager.deploy). */
    onlyIf?: string;
}

/** A switch that must be on whenever the pack requires high availability (e.g. Argo CD's Redis HA). */
interface HaSwitch {
    path: string;
    why: string;
}

/**
 * Platform controllers, by chart name: the values that set their replica counts. Components that
 * are leader-elected singletons by design (Argo CD's application controller shards rather than
 * replicates; a cluster-events collector must be one) are not listed.
 */
export const controllerReplicas: Record<string, { replicas: ReplicaValue[]; switches?: HaSwitch[] }> = {
    "argo-cd": {
        replicas: [
            { path: "server.replicas", chartDefault: 1, autoscaling: "server.autoscaling" },
            { path: "repoServer.replicas", chartDefault: 1, autoscaling: "repoServer.autoscaling" },
            { path: "applicationSet.replicas", chartDefault: 1 },
        ],
        switches: [{ path: "redis-ha.enabled", why: "a single Redis is a single point of failure for every replicated Argo CD component" }],
    },
    "external-secrets": {
        replicas: [
            { path: "replicaCount", chartDefault: 1 },
            { path: "webhook.replicaCount", chartDefault: 1 },
            { path: "certController.replicaCount", chartDefault: 1 },
        ],
    },
    kyverno: {
        replicas: [
            { path: "admissionController.replicas", chartDefault: 1, autoscaling: "admissionController.autoscaling", haMinimum: 3 },
            { path: "backgroundController.replicas", chartDefault: 1 },
            { path: "reportsController.replicas", chartDefault: 1 },
            { path: "cleanupController.replicas", chartDefault: 1 },
        ],
    },
    karpenter: { replicas: [{ path: "replicas", chartDefault: 2 }] },
    crossplane: {
        replicas: [
            { path: "replicas", chartDefault: 1 },
            { path: "rbacManager.replicas", chartDefault: 1, onlyIf: "rbacManager.deploy" },
        ],
    },
    "cert-manager": {
        replicas: [
            { path: "replicaCount", chartDefault: 1 },
            { path: "webhook.replicaCount", chartDefault: 1 },
            { path: "cainjector.replicaCount", chartDefault: 1 },
        ],
    },
    "temporal-operator": { replicas: [{ path: "manager.replicas", chartDefault: 1 }] },
    "k8s-monitoring": { replicas: [{ path: "alloy-metrics.controller.replicas", chartDefault: 1 }] },
};

interface Config {
    minimumReplicas: number;
}

/** The replica count a controller runs with these values (autoscaling's floor when autoscaling is on). */
function effectiveReplicas(values: unknown, r: ReplicaValue): { count: unknown; source: string } {
    if (r.autoscaling && valueAt(values, `${r.autoscaling}.enabled`) === true) {
        const min = valueAt(values, `${r.autoscaling}.minReplicas`);
        return { count: min ?? 1, source: `${r.autoscaling}.minReplicas` };
    }
    const set = valueAt(values, r.path);
    return set === undefined || set === null ? { count: r.chartDefault, source: `${r.path} (unset, chart default)` } : { count: set, source: r.path };
}

/**
 * Platform controllers survive the loss of a pod, a node or a zone: enough replicas where the pack
 * config asks for high availability (prod), and Kyverno's admission controller at 3.
 * @severity medium
 * @frameworks nist-800-53:CP-10, nist-800-53:SC-36
 */
export const configureHighAvailability: ResourceValidationPolicy = {
    name: "kubernetes-helm-release-configure-high-availability",
    description:
        "Helm releases of platform controllers (Argo CD, External Secrets, Kyverno, Karpenter, Crossplane, cert-manager, the Temporal operator, the metrics collector) must run at least the configured number of replicas; Kyverno's admission controller at least 3 whenever high availability is required.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("System recovery and reconstitution", "nist:CP-10", "nist:SC-36"),
    remediationSteps:
        "Set paved:highAvailability: true in the stack's config (the components then set 2 replicas, 3 for Kyverno's admission controller, and the HA switches), or raise the replica values named in the message.",
    configSchema: { properties: { minimumReplicas: { type: "integer", minimum: 1, default: 1 } } },
    validateResource: validateResourceOfTypes(helmChartTypes, (args, report) => {
        const props = helmChartProps(args);
        const chart = typeof props?.chart === "string" ? chartName(props.chart) : "";
        const table = controllerReplicas[chart];
        if (!props || !table) {
            args.notApplicable(props ? `chart ${chart} is not a platform controller` : "not a Helm release or chart");
            return;
        }
        const { minimumReplicas } = args.getConfig<Config>();
        const haRequired = minimumReplicas >= 2;
        const values = props.values ?? {};
        for (const r of table.replicas) {
            if (r.onlyIf && valueAt(values, r.onlyIf) === false) {
                continue;
            }
            const required = haRequired ? Math.max(minimumReplicas, r.haMinimum ?? 0) : minimumReplicas;
            const { count, source } = effectiveReplicas(values, r);
            if (typeof count !== "number" || !Number.isInteger(count)) {
                report(`${chart}: values.${source} is ${JSON.stringify(count)}, not a whole number of replicas.`);
            } else if (count < required) {
                report(`${chart}: values.${source} is ${count}, below the minimum of ${required} replicas.`);
            }
        }
        if (haRequired) {
            for (const s of table.switches ?? []) {
                if (valueAt(values, s.path) !== true) {
                    report(`${chart}: values.${s.path} is not true: ${s.why}.`);
                }
            }
        }
    }),
};
