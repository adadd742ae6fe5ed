import type { ExternalSecretArgs, Manifest } from "../secrets/manifests";
import { argoCdNamespace, oidcSecretKey, oidcSecretName } from "./values";

/** Argo CD custom resources and the ExternalSecrets Argo CD reads, as pure functions. */

export const argoApiVersion = "argoproj.io/v1alpha1";
export const inClusterServer = "https://kubernetes.default.svc";
export const tenantsProjectName = "tenants";
export const bootstrapProjectName = "bootstrap";
export const rootApplicationName = "root";
/** Argo CD reads repository credentials and SSO secrets only from Secrets labelled as its own. */
const argoSecretLabels = { "app.kubernetes.io/part-of": "argocd" };

export interface RepositoryConfig {
    url: string;
    revision: string;
    path: string;
    credentialsSecret?: string;
}

const labels = { "app.kubernetes.io/managed-by": "paved" };

/**
 * The project every tenant application belongs to: sources only from the GitOps repository,
 * destinations only the onboarded tenant namespaces (`paved:tenants`, which the program creates;
 * none: nothing can be deployed), no cluster-scoped resource at all (the empty whitelist, so no
 * application can create a namespace either), and no changes to quotas and limits.
 */
export function tenantsProject(repositoryUrl: string, tenantNamespaces: readonly string[]): Manifest {
    return {
        apiVersion: argoApiVersion,
        kind: "AppProject",
        metadata: { name: tenantsProjectName, namespace: argoCdNamespace, labels },
        spec: {
            description: "Tenant applications: the GitOps repository only, tenant namespaces only, no cluster-scoped resources.",
            sourceRepos: [repositoryUrl],
            destinations: [...tenantNamespaces].sort().map((namespace) => ({ server: inClusterServer, namespace })),
            clusterResourceWhitelist: [],
            namespaceResourceBlacklist: [
                { group: "", kind: "ResourceQuota" },
                { group: "", kind: "LimitRange" },
            ],
            orphanedResources: { warn: true },
        },
    };
}

/**
 * The root application's project: it may only create Argo CD Applications in Argo CD's namespace
 * (the App-of-Apps pattern), from the GitOps repository. What those Applications deploy is governed
 * by their own project.
 */
export function bootstrapProject(repositoryUrl: string): Manifest {
    return {
        apiVersion: argoApiVersion,
        kind: "AppProject",
        metadata: { name: bootstrapProjectName, namespace: argoCdNamespace, labels },
        spec: {
            description: "The root App-of-Apps: Applications in the argocd namespace, from the GitOps repository.",
            sourceRepos: [repositoryUrl],
            destinations: [{ server: inClusterServer, namespace: argoCdNamespace }],
            clusterResourceWhitelist: [],
            namespaceResourceWhitelist: [{ group: "argoproj.io", kind: "Application" }],
        },
    };
}

/**
 * The root App-of-Apps. Automated sync with prune and self-heal; retries with exponential backoff
 * (5s doubling to 3m, 10 attempts) so it rides out a repository or API hiccup and still surfaces a
 * persistent failure; server-side apply (large CRDs). No resources finalizer: deleting the root
 * from the program must not cascade into every tenant application.
 */
export function rootApplication(repository: RepositoryConfig): Manifest {
    return {
        apiVersion: argoApiVersion,
        kind: "Application",
        metadata: { name: rootApplicationName, namespace: argoCdNamespace, labels },
        spec: {
            project: bootstrapProjectName,
            source: { repoURL: repository.url, targetRevision: repository.revision, path: repository.path },
            destination: { server: inClusterServer, namespace: argoCdNamespace },
            syncPolicy: {
                automated: { prune: true, selfHeal: true },
                retry: { limit: 10, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } },
                syncOptions: ["ServerSideApply=true", "PruneLast=true"],
            },
        },
    };
}

/** The OIDC client secret, from Secrets Manager into the Secret `oidc.config` refers to. */
export function oidcExternalSecret(clientSecret: { name: string; property: string }): Omit<ExternalSecretArgs, "refreshInterval"> {
    return {
        name: oidcSecretName,
        namespace: argoCdNamespace,
        target: oidcSecretName,
        targetLabels: { ...argoSecretLabels },
        data: [{ secretKey: oidcSecretKey, remoteKey: clientSecret.name, property: clientSecret.property }],
    };
}

/**
 * Read-only credentials for a private GitOps repository: a repository Secret Argo CD discovers by
 * label, its `username` and `password` from Secrets Manager, its URL and type as literals.
 */
export function repositoryExternalSecret(repository: RepositoryConfig & { credentialsSecret: string }): Omit<ExternalSecretArgs, "refreshInterval"> {
    return {
        name: "gitops-repository",
        namespace: argoCdNamespace,
        target: "gitops-repository",
        targetLabels: { ...argoSecretLabels, "argocd.argoproj.io/secret-type": "repository" },
        data: [
            { secretKey: "username", remoteKey: repository.credentialsSecret, property: "username" },
            { secretKey: "password", remoteKey: repository.credentialsSecret, property: "password" },
        ],
        literals: { type: "git", url: repository.url },
    };
}
