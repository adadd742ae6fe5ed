/**
 * Crossplane's custom resources as pure functions: the provider and function packages (pinned in
 * components/versions.ts), the runtime configs their pods run with, the AWS ProviderConfig and the
 * RBAC Crossplane needs to compose non-Crossplane kinds into claim namespaces.
 */
import { crossplanePackages, providerPackage } from "../versions";
import type { CrossplaneService } from "./iam";

export const crossplaneNamespace = "crossplane-system";
/** The service account every AWS provider pod runs as: the one Pod Identity association targets it. */
export const providerServiceAccount = "provider-aws";
export const providerRuntimeConfigName = "paved-provider-aws";
/** Runtime config of packages that need no AWS credentials: the composition functions and the provider family. */
export const packageRuntimeConfigName = "paved-package";
/** The ProviderConfig every managed resource uses when it names none. */
export const providerConfigName = "default";
/** The container Crossplane runs a package in; a runtime config patches it by this name. */
export const packageRuntimeContainer = "package-runtime";

const managedBy = { "app.kubernetes.io/managed-by": "paved" };

/**
 * Pulumi waits for these conditions before it creates anything that depends on the package
 * (`pulumi.com/waitFor`), so the CRDs a package installs exist when the resources using them are sent.
 */
export const packageReadyAnnotation = { "pulumi.com/waitFor": JSON.stringify(["condition=Installed", "condition=Healthy"]) };

export interface ContainerResources {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
}

export interface RuntimeConfigArgs {
    name: string;
    replicas: number;
    resources: ContainerResources;
    /** Fix the service account name (a Pod Identity association can only target a known name). */
    serviceAccountName?: string;
    args?: string[];
}

/** Non-root, no privilege escalation, no capabilities, read-only root, default seccomp: Pod Security `restricted`. */
export const restrictedPodSecurityContext = { runAsNonRoot: true, runAsUser: 2000, runAsGroup: 2000, fsGroup: 2000, seccompProfile: { type: "RuntimeDefault" } };
export const restrictedContainerSecurityContext = {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
};

export function deploymentRuntimeConfigManifest(a: RuntimeConfigArgs) {
    return {
        apiVersion: "pkg.crossplane.io/v1beta1",
        kind: "DeploymentRuntimeConfig",
        metadata: { name: a.name, labels: { ...managedBy } },
        spec: {
            deploymentTemplate: {
                spec: {
                    replicas: a.replicas,
                    selector: {},
                    template: {
                        spec: {
                            securityContext: { ...restrictedPodSecurityContext },
                            containers: [
                                {
                                    name: packageRuntimeContainer,
                                    ...(a.args?.length ? { args: a.args } : {}),
                                    resources: a.resources,
                                    securityContext: { ...restrictedContainerSecurityContext },
                                },
                            ],
                        },
                    },
                },
            },
            ...(a.serviceAccountName ? { serviceAccountTemplate: { metadata: { name: a.serviceAccountName } } } : {}),
        },
    };
}

/** Package settings every Provider and Function carries: the pin takes effect, dependencies resolve, constraints hold. */
const packageSafety = { revisionActivationPolicy: "Automatic", revisionHistoryLimit: 3, packagePullPolicy: "IfNotPresent", ignoreCrossplaneConstraints: false, skipDependencyResolution: false };

export function providerName(service: CrossplaneService): string {
    return `provider-aws-${service}`;
}

export function providerManifest(service: CrossplaneService) {
    return {
        apiVersion: "pkg.crossplane.io/v1",
        kind: "Provider",
        metadata: { name: providerName(service), labels: { ...managedBy }, annotations: { ...packageReadyAnnotation } },
        spec: { package: providerPackage(service), ...packageSafety, runtimeConfigRef: { apiVersion: "pkg.crossplane.io/v1beta1", kind: "DeploymentRuntimeConfig", name: providerRuntimeConfigName } },
    };
}

/** The family provider every member depends on: it serves the `aws.upbound.io` ProviderConfig. */
export const familyProviderName = "crossplane-contrib-provider-family-aws";

/**
 * The family provider, installed explicitly at the members' version so it runs with a hardened
 * runtime config (left to dependency resolution it would get Crossplane's `default` one, whose pods
 * Pod Security `restricted` rejects). The name is the one dependency resolution would give it.
 */
export function familyProviderManifest() {
    return {
        apiVersion: "pkg.crossplane.io/v1",
        kind: "Provider",
        metadata: { name: familyProviderName, labels: { ...managedBy }, annotations: { ...packageReadyAnnotation } },
        spec: {
            package: `${crossplanePackages.providerRegistry}/provider-family-aws:${crossplanePackages.providerVersion}`,
            ...packageSafety,
            runtimeConfigRef: { apiVersion: "pkg.crossplane.io/v1beta1", kind: "DeploymentRuntimeConfig", name: packageRuntimeConfigName },
        },
    };
}

export type FunctionKey = keyof typeof crossplanePackages.functions;

export function functionManifest(key: FunctionKey) {
    const fn = crossplanePackages.functions[key];
    return {
        apiVersion: "pkg.crossplane.io/v1",
        kind: "Function",
        metadata: { name: fn.name, labels: { ...managedBy }, annotations: { ...packageReadyAnnotation } },
        spec: { package: fn.package, ...packageSafety, runtimeConfigRef: { apiVersion: "pkg.crossplane.io/v1beta1", kind: "DeploymentRuntimeConfig", name: packageRuntimeConfigName } },
    };
}

/** AWS credentials through EKS Pod Identity: no keys, no IRSA annotation, no OIDC trust. */
export function providerConfigManifest() {
    return {
        apiVersion: "aws.upbound.io/v1beta1",
        kind: "ProviderConfig",
        metadata: { name: providerConfigName, labels: { ...managedBy } },
        spec: { credentials: { source: "PodIdentity" } },
    };
}

/** Verbs Crossplane uses on a composed resource: read and watch it, server-side apply it, garbage-collect it. */
export const composeVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

/**
 * Kinds a LegacyCluster XR composes into its claim's namespace besides managed resources: the
 * ExternalSecret and NetworkPolicy of data stores, and the TemporalNamespace and its client
 * certificate (TemporalClusterClient) of the catalog's TemporalNamespace API.
 */
export const composedKubernetesKinds = [
    { apiGroup: "external-secrets.io", resource: "externalsecrets" },
    { apiGroup: "networking.k8s.io", resource: "networkpolicies" },
    { apiGroup: "temporal.io", resource: "temporalnamespaces" },
    { apiGroup: "temporal.io", resource: "temporalclusterclients" },
];

export const composeClusterRoleName = "paved:crossplane:compose-claim-namespace-resources";

/**
 * Aggregated into Crossplane's own ClusterRole (the chart's `crossplane` role selects this label):
 * lets XRs compose the kinds above into claim namespaces. No Secrets, no
 * escalate/bind/impersonate, no deletecollection, no wildcards.
 */
export function composeClusterRoleManifest() {
    return {
        apiVersion: "rbac.authorization.k8s.io/v1" as const,
        kind: "ClusterRole" as const,
        metadata: { name: composeClusterRoleName, labels: { ...managedBy, "rbac.crossplane.io/aggregate-to-crossplane": "true" } },
        rules: composedKubernetesKinds.map((k) => ({ apiGroups: [k.apiGroup], resources: [k.resource], verbs: [...composeVerbs] })),
    };
}
