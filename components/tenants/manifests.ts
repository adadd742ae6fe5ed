import { defaultDeny, dnsAllow, type NetworkPolicyManifest } from "../network-policies/policies";

/**
 * Tenant namespaces as pure functions: the Namespace the program creates for each entry of
 * `paved:tenants`, and its NetworkPolicies. The offline tools (`paved admit`, `paved render`, the
 * admission suites) build the namespace a claim is judged in with the same functions.
 */

/** What the stack config says about one tenant (`paved:tenants.<namespace>`). */
export interface TenantSpec {
    /** The accountable team: the namespace's `owner` label. */
    owner: string;
    /** The team's cost center: the `cost-center` label. */
    costCenter: string;
    /** The `app` label; the namespace name when absent. */
    app?: string;
}

export interface NamespaceManifest {
    apiVersion: "v1";
    kind: "Namespace";
    metadata: { name: string; labels: Record<string, string> };
}

/** `paved.io/namespace-kind` of a tenant namespace (platform namespaces say `platform`). */
export const TENANT_NAMESPACE_KIND = { key: "paved.io/namespace-kind", value: "tenant" };
/** Namespaces the program manages carry this label: Kyverno's tenant GeneratingPolicy leaves them alone. */
export const MANAGED_BY_PAVED = { key: "app.kubernetes.io/managed-by", value: "paved" };

/**
 * The labels a claim in the namespace inherits (`claim-labels` admission policy reads them from the
 * namespace when the claim does not set them): owner, app, environment, cost-center.
 */
export function tenantClaimLabels(name: string, tenant: TenantSpec, environment: string): Record<string, string> {
    return { owner: tenant.owner, app: tenant.app ?? name, environment, "cost-center": tenant.costCenter };
}

/**
 * A tenant's Namespace: the claim labels, the tenant kind, managed by paved, Pod Security
 * `restricted` enforced (and audited and warned).
 */
export function tenantNamespace(name: string, tenant: TenantSpec, environment: string): NamespaceManifest {
    return {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
            name,
            labels: {
                ...tenantClaimLabels(name, tenant, environment),
                [TENANT_NAMESPACE_KIND.key]: TENANT_NAMESPACE_KIND.value,
                [MANAGED_BY_PAVED.key]: MANAGED_BY_PAVED.value,
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
            },
        },
    };
}

/**
 * A tenant's NetworkPolicies: deny all ingress and egress, allow DNS. The NetworkPolicies the
 * catalog's Compositions put beside each claim (e.g. egress to the database) are the only other way out.
 */
export function tenantNetworkPolicies(name: string): NetworkPolicyManifest[] {
    return [defaultDeny(name), dnsAllow(name)];
}
