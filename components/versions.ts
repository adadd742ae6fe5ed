/**
 * Every pinned version in the platform: Kubernetes, Helm charts and Crossplane packages. Change
 * versions here only; components and tests read them from this module, and a policy checks that
 * every Helm release is pinned to an exact version.
 */

/** Kubernetes minor versions in EKS standard support (FSBP EKS.2). */
export const supportedKubernetesVersions = ["1.32", "1.33", "1.34", "1.35"] as const;
export type KubernetesVersion = (typeof supportedKubernetesVersions)[number];

export interface ChartPin {
    /** Chart name, or a full `oci://` reference. */
    chart: string;
    /** Exact chart version (never a range). */
    version: string;
    /** Chart repository URL; absent for OCI references. */
    repository?: string;
}

/** Helm charts the substrate installs. */
export const charts = {
    karpenterCrd: { chart: "oci://public.ecr.aws/karpenter/karpenter-crd", version: "1.14.1" },
    karpenter: { chart: "oci://public.ecr.aws/karpenter/karpenter", version: "1.14.1" },
    argoCd: { chart: "argo-cd", version: "9.5.4", repository: "https://argoproj.github.io/argo-helm" },
    crossplane: { chart: "crossplane", version: "2.3.4", repository: "https://charts.crossplane.io/stable" },
    externalSecrets: { chart: "external-secrets", version: "2.5.0", repository: "https://charts.external-secrets.io" },
    kyverno: { chart: "kyverno", version: "3.9.1", repository: "https://kyverno.github.io/kyverno/" },
    k8sMonitoring: { chart: "k8s-monitoring", version: "3.8.10", repository: "https://grafana.github.io/helm-charts" },
    temporalOperator: { chart: "temporal-operator", version: "0.6.0", repository: "https://alexandrevilain.github.io/temporal-operator" },
    /** Issues the temporal-operator's webhook certificate (its chart requires cert-manager) and Temporal's internode/frontend mTLS certificates. */
    certManager: { chart: "cert-manager", version: "v1.21.1", repository: "https://charts.jetstack.io" },
} satisfies Record<string, ChartPin>;

/**
 * Temporal server the TemporalCluster runs, within what the operator of the pinned chart supports
 * (temporal-operator v0.20: >= 1.14 and < 1.25, 1.24.0 excluded as broken), and the RDS PostgreSQL
 * major version it persists to (auto minor upgrades on).
 */
export const temporal = { serverVersion: "1.24.3", postgresMajorVersion: "16", postgresParameterFamily: "postgres16" } as const;

/**
 * The EKS-optimized AL2023 release Karpenter nodes boot (EC2NodeClass `amiSelectorTerms` alias,
 * `family@vYYYYMMDD`; Karpenter picks the standard or NVIDIA variant per instance type). Never
 * `latest`: a new release drifts and replaces every node, so it moves only through a reviewed bump.
 */
export const karpenterAmiAlias = "al2023@v20260520";

/** Crossplane packages (providers and functions), pinned by tag. */
export const crossplanePackages = {
    providerVersion: "v2.6.0",
    providerRegistry: "xpkg.crossplane.io/crossplane-contrib",
    /** provider-upjet-aws family members the catalog composes. */
    providers: ["rds", "s3", "sqs", "elasticache", "kms", "ec2", "iam", "secretsmanager"] as const,
    functions: {
        environmentConfigs: { name: "crossplane-contrib-function-environment-configs", package: "xpkg.crossplane.io/crossplane-contrib/function-environment-configs:v0.7.1" },
        patchAndTransform: { name: "crossplane-contrib-function-patch-and-transform", package: "xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8" },
    },
} as const;

/** A Crossplane provider package reference, e.g. `xpkg.crossplane.io/crossplane-contrib/provider-aws-rds:v2.6.0`. */
export function providerPackage(service: (typeof crossplanePackages.providers)[number]): string {
    return `${crossplanePackages.providerRegistry}/provider-aws-${service}:${crossplanePackages.providerVersion}`;
}
