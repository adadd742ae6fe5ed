import { stringify } from "yaml";

/**
 * Helm values of the argo-cd chart (keys checked against the chart's values.yaml at the pinned
 * version: global.domain, configs.cm/rbac/params, dex.enabled, redis-ha.enabled, server/repoServer/
 * applicationSet/controller replicas and pdb, <component>.metrics.enabled, <component>.podAnnotations).
 */

export const argoCdNamespace = "argocd";
/** The Secret the ExternalSecret writes the OIDC client secret into; argocd-cm refers to it as `$<name>:<key>`. */
export const oidcSecretName = "argocd-oidc";
export const oidcSecretKey = "clientSecret";

/** Metrics ports of the Argo CD pods (application controller, server, repo server, ApplicationSet controller). */
export const argoCdMetricsPorts = { controller: 8082, server: 8083, repoServer: 8084, applicationSet: 8080 } as const;

/** Argo CD's RBAC default: anyone who signs in and is in no mapped group can only look. */
export const defaultRole = "role:readonly";

export type GitopsRole = "admin" | "operator" | "readonly";

export interface ArgoCdValuesArgs {
    highAvailability: boolean;
    domain: string;
    sso: { issuer: string; clientId: string };
    rbac: { group: string; role: GitopsRole }[];
}

/**
 * The `operator` role: sync, refresh and restart what tenants' projects hold, never create, delete or
 * change Argo CD's own settings (projects, clusters, repositories, accounts).
 */
const operatorPolicy = [
    "p, role:operator, applications, get, */*, allow",
    "p, role:operator, applications, sync, */*, allow",
    "p, role:operator, applications, action/*, */*, allow",
    "p, role:operator, logs, get, */*, allow",
    "g, role:operator, role:readonly",
];

/** `policy.csv`: the operator role, then one `g` line per configured group (group names never hold commas: config rule). */
export function rbacPolicyCsv(rbac: ArgoCdValuesArgs["rbac"]): string {
    const lines = [...operatorPolicy, ...rbac.map((r) => `g, ${r.group}, role:${r.role}`)];
    return `${lines.join("\n")}\n`;
}

/** `oidc.config`: the IdP's issuer and client; the secret is a reference to the Secret External Secrets writes. */
export function oidcConfig(sso: ArgoCdValuesArgs["sso"]): string {
    return stringify({
        name: "SSO",
        issuer: sso.issuer,
        clientID: sso.clientId,
        clientSecret: `$${oidcSecretName}:${oidcSecretKey}`,
        requestedScopes: ["openid", "profile", "email", "groups"],
    });
}

const scrape = (port: number) => ({ "k8s.grafana.com/scrape": "true", "k8s.grafana.com/metrics.portNumber": String(port) });

/**
 * SSO through the IdP's OIDC (Dex off, local admin off: break-glass goes through the cluster's
 * access entries), read-only by default, group-to-role mappings from config. With high
 * availability: Redis HA (3 nodes, one per node), 2 API servers, 2 repo servers and 2 ApplicationSet
 * controllers with PodDisruptionBudgets. The application controller stays at 1 replica: more
 * replicas shard clusters, they do not add redundancy (the StatefulSet restarts it).
 */
export function argoCdValues(args: ArgoCdValuesArgs): Record<string, unknown> {
    const ha = args.highAvailability;
    const replicas = ha ? 2 : 1;
    const pdb = { enabled: ha, minAvailable: 1 };
    const metrics = { enabled: true };
    return {
        global: { domain: args.domain },
        crds: { install: true, keep: true },
        configs: {
            cm: {
                "admin.enabled": false,
                "exec.enabled": false,
                "oidc.config": oidcConfig(args.sso),
            },
            rbac: {
                "policy.default": defaultRole,
                "policy.csv": rbacPolicyCsv(args.rbac),
                "policy.matchMode": "glob",
                scopes: "[groups]",
            },
        },
        dex: { enabled: false },
        // No notification channel is configured; the controller would only need more egress.
        notifications: { enabled: false },
        "redis-ha": { enabled: ha },
        controller: { replicas: 1, metrics, podAnnotations: scrape(argoCdMetricsPorts.controller) },
        server: { replicas, pdb, metrics, podAnnotations: scrape(argoCdMetricsPorts.server) },
        repoServer: { replicas, pdb, metrics, podAnnotations: scrape(argoCdMetricsPorts.repoServer) },
        applicationSet: { replicas, pdb, metrics, podAnnotations: scrape(argoCdMetricsPorts.applicationSet) },
    };
}
