/** Cross-field rules of the add-on sections (`paved:secrets`, `paved:gitops`, `paved:observability`). */

/**
 * Namespaces tenants must never deploy into, nor onboard as (`paved:tenants`): Kubernetes' own and
 * every platform controller's (a test checks that each namespace the program creates is listed or a tenant's).
 */
export const reservedNamespaces = [
    "default",
    "kube-system",
    "kube-public",
    "kube-node-lease",
    "argocd",
    "external-secrets",
    "kyverno",
    "monitoring",
    "karpenter",
    "crossplane-system",
    "cert-manager",
    "temporal-system",
];

/**
 * Every Secrets Manager secret the add-ons read must lie under one of `paved:secrets.prefixes`
 * (External Secrets' role can read nothing else). Each rule runs only on fields that are
 * individually well-formed (tenant namespaces are checked against the reserved ones by the schema).
 */
export function addonProblems(values: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const secrets = asRecord(values.secrets);
    const gitops = asRecord(values.gitops);
    const observability = asRecord(values.observability);
    const prefixes = Array.isArray(secrets.prefixes) ? secrets.prefixes.filter((p): p is string => typeof p === "string") : [];

    const references: [string, unknown][] = [
        ["paved:gitops.sso.clientSecret.name", asRecord(asRecord(gitops.sso).clientSecret).name],
        ["paved:gitops.repository.credentialsSecret", asRecord(gitops.repository).credentialsSecret],
        ["paved:observability.credentials.name", asRecord(observability.credentials).name],
    ];
    if (prefixes.length > 0) {
        for (const [where, name] of references) {
            if (typeof name === "string" && !prefixes.some((p) => name.startsWith(p))) {
                problems.push(`${where}: must start with one of paved:secrets.prefixes (${prefixes.join(", ")}): External Secrets can read nothing else`);
            }
        }
    }
    return problems;
}

function asRecord(v: unknown): Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
