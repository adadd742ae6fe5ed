import { kyvernoValues } from "../../components/admission/values";
import { argoCdValues } from "../../components/gitops/values";
import { k8sMonitoringValues } from "../../components/observability/values";
import { externalSecretsValues } from "../../components/secrets/values";
import { charts, type ChartPin } from "../../components/versions";
import type { ResourceGraph } from "../../offline-engine/graph";
import type { PolicyCase } from "./cases";
import { graphOf, recorded } from "./fixtures";

/** Cases of the Helm policies (pinned versions, high availability), merged into `policyCases`. */

const releaseType = "kubernetes:helm.sh/v3:Release";
const chartType = "kubernetes:helm.sh/v4:Chart";

/** A release's inputs as `pinnedRelease` records them. */
function releaseProps(pin: ChartPin, values: Record<string, unknown> = {}): Record<string, any> {
    return {
        name: pin.chart.split("/").pop(),
        chart: pin.chart,
        version: pin.version,
        ...(pin.repository ? { repositoryOpts: { repo: pin.repository } } : {}),
        namespace: "platform",
        values,
        atomic: true,
    };
}

function graph(type: string, props: Record<string, any>, mutate?: (p: Record<string, any>) => void): () => ResourceGraph {
    return () => {
        const copy = structuredClone(props);
        mutate?.(copy);
        return graphOf([recorded(type, copy)]);
    };
}

const argoCd = (ha: boolean) =>
    argoCdValues({ highAvailability: ha, domain: "argocd.example.com", sso: { issuer: "https://idp.example.com", clientId: "argocd" }, rbac: [{ group: "platform", role: "admin" }] });
const monitoring = (ha: boolean) => k8sMonitoringValues({ clusterName: "paved-prod", highAvailability: ha, endpoint: { url: "https://otlp.example.com/otlp", protocol: "http" } });
const prodRelease = {
    argoCd: releaseProps(charts.argoCd, argoCd(true)),
    externalSecrets: releaseProps(charts.externalSecrets, externalSecretsValues({ highAvailability: true })),
    kyverno: releaseProps(charts.kyverno, kyvernoValues({ highAvailability: true })),
    k8sMonitoring: releaseProps(charts.k8sMonitoring, monitoring(true)),
};

export const helmPolicyCases: Record<string, PolicyCase> = {
    "kubernetes-helm-release-configure-pinned-version": {
        baselines: [
            ...Object.entries(charts).map(([key, pin]) => ({ name: `the program's pin: ${key} ${pin.version}`, graph: graph(releaseType, releaseProps(pin)) })),
            { name: "v4 Chart from an HTTPS repository", graph: graph(chartType, releaseProps(charts.argoCd)) },
            { name: "pre-release version", graph: graph(releaseType, releaseProps({ ...charts.kyverno, version: "3.9.1-rc.2" })) },
            { name: "v-prefixed version", graph: graph(releaseType, releaseProps({ ...charts.kyverno, version: "v3.9.1" })) },
        ],
        mutations: [
            { name: "no version", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => delete p.version), expect: /version is not set/ },
            { name: "empty version", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => (p.version = " ")), expect: /version is not set/ },
            { name: "latest", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => (p.version = "latest")), expect: /moves with every upstream release/ },
            { name: "caret range", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => (p.version = "^9.5.4")), expect: /"\^9\.5\.4" is not an exact semantic version/ },
            { name: "tilde range", graph: graph(releaseType, releaseProps(charts.externalSecrets), (p) => (p.version = "~2.5")), expect: /not an exact semantic version/ },
            { name: "comparison range", graph: graph(releaseType, releaseProps(charts.kyverno), (p) => (p.version = ">=3.9.0")), expect: /not an exact semantic version/ },
            { name: "x-range", graph: graph(releaseType, releaseProps(charts.kyverno), (p) => (p.version = "3.9.x")), expect: /not an exact semantic version/ },
            { name: "wildcard", graph: graph(releaseType, releaseProps(charts.kyverno), (p) => (p.version = "*")), expect: /moves with every upstream release/ },
            { name: "major only", graph: graph(releaseType, releaseProps(charts.kyverno), (p) => (p.version = "3")), expect: /not an exact semantic version/ },
            { name: "v4 Chart without a version", graph: graph(chartType, releaseProps(charts.argoCd), (p) => delete p.version), expect: /version is not set/ },
            { name: "local chart path", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => Object.assign(p, { chart: "./charts/argo-cd", repositoryOpts: undefined })), expect: /local path or an unnamed repository/ },
            { name: "plain HTTP repository", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => (p.repositoryOpts.repo = "http://argoproj.github.io/argo-helm")), expect: /is not HTTPS/ },
            { name: "oci chart with a repository too", graph: graph(releaseType, releaseProps(charts.karpenter), (p) => (p.repositoryOpts = { repo: "https://charts.example.com" })), expect: /source is ambiguous/ },
            { name: "no chart", graph: graph(releaseType, releaseProps(charts.argoCd), (p) => delete p.chart), expect: /chart is not set/ },
        ],
    },
    "kubernetes-helm-release-configure-high-availability": {
        config: { minimumReplicas: 2 },
        baselines: [
            { name: "Argo CD with the program's prod values", graph: graph(releaseType, prodRelease.argoCd) },
            { name: "External Secrets with the program's prod values", graph: graph(releaseType, prodRelease.externalSecrets) },
            { name: "Kyverno with the program's prod values", graph: graph(releaseType, prodRelease.kyverno) },
            { name: "k8s-monitoring with the program's prod values", graph: graph(releaseType, prodRelease.k8sMonitoring) },
            { name: "Karpenter at its chart default (2)", graph: graph(releaseType, releaseProps(charts.karpenter)) },
            {
                name: "Argo CD with autoscaling floors of 2",
                graph: graph(releaseType, prodRelease.argoCd, (p) => {
                    p.values.server = { replicas: 1, autoscaling: { enabled: true, minReplicas: 2 } };
                    p.values.repoServer = { autoscaling: { enabled: true, minReplicas: 3 } };
                }),
            },
            { name: "Crossplane without the RBAC manager", graph: graph(releaseType, releaseProps(charts.crossplane, { replicas: 2, rbacManager: { deploy: false } })) },
            { name: "a chart that is not a platform controller", graph: graph(releaseType, releaseProps({ chart: "podinfo", version: "6.7.0", repository: "https://stefanprodan.github.io/podinfo" })) },
            { name: "v4 Chart of Kyverno with HA values", graph: graph(chartType, prodRelease.kyverno) },
        ],
        mutations: [
            { name: "Kyverno admission at 2", graph: graph(releaseType, prodRelease.kyverno, (p) => (p.values.admissionController.replicas = 2)), expect: /kyverno: values\.admissionController\.replicas is 2, below the minimum of 3/ },
            { name: "Kyverno with the program's dev values", graph: graph(releaseType, releaseProps(charts.kyverno, kyvernoValues({ highAvailability: false }))), expect: /backgroundController\.replicas is 1, below the minimum of 2/ },
            {
                name: "Kyverno admission autoscaling from 2",
                graph: graph(releaseType, prodRelease.kyverno, (p) => (p.values.admissionController.autoscaling = { enabled: true, minReplicas: 2 })),
                expect: /admissionController\.autoscaling\.minReplicas is 2, below the minimum of 3/,
            },
            { name: "External Secrets with the program's dev values", graph: graph(releaseType, releaseProps(charts.externalSecrets, externalSecretsValues({ highAvailability: false }))), expect: /external-secrets: values\.replicaCount is 1/ },
            { name: "External Secrets webhook left at the default", graph: graph(releaseType, prodRelease.externalSecrets, (p) => delete p.values.webhook.replicaCount), expect: /webhook\.replicaCount \(unset, chart default\) is 1/ },
            { name: "Argo CD without Redis HA", graph: graph(releaseType, prodRelease.argoCd, (p) => (p.values["redis-ha"].enabled = false)), expect: /redis-ha\.enabled is not true/ },
            { name: "Argo CD with the program's dev values", graph: graph(releaseType, releaseProps(charts.argoCd, argoCd(false))), expect: /argo-cd: values\.server\.replicas is 1/ },
            { name: "Argo CD server autoscaling from 1", graph: graph(releaseType, prodRelease.argoCd, (p) => (p.values.server.autoscaling = { enabled: true, minReplicas: 1 })), expect: /server\.autoscaling\.minReplicas is 1/ },
            { name: "metrics collector at 1", graph: graph(releaseType, releaseProps(charts.k8sMonitoring, monitoring(false))), expect: /alloy-metrics\.controller\.replicas is 1/ },
            { name: "Karpenter at 1", graph: graph(releaseType, releaseProps(charts.karpenter, { replicas: 1 })), expect: /karpenter: values\.replicas is 1/ },
            { name: "Crossplane at its chart default", graph: graph(releaseType, releaseProps(charts.crossplane)), expect: /crossplane: values\.replicas \(unset, chart default\) is 1/ },
            { name: "replicas as text", graph: graph(releaseType, prodRelease.externalSecrets, (p) => (p.values.replicaCount = "2")), expect: /values\.replicaCount is "2", not a whole number/ },
            { name: "v4 Chart of External Secrets without values", graph: graph(chartType, releaseProps(charts.externalSecrets)), expect: /replicaCount \(unset, chart default\) is 1/ },
        ],
    },
};
