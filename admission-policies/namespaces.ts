import { tenantNamespace, type NamespaceManifest, type TenantSpec } from "../components/tenants/manifests";

/**
 * The Namespace object the API server hands an admission webhook as `namespaceObject`, offline:
 * for a namespace onboarded in `paved:tenants`, the manifest the program creates (the same function
 * components/tenants uses), else a bare namespace. Either way with the label the API server sets on
 * every namespace, `kubernetes.io/metadata.name`.
 */

export const METADATA_NAME_LABEL = "kubernetes.io/metadata.name";

/** A stack's onboarded tenant namespaces as served, by name. */
export type TenantNamespaces = Readonly<Record<string, NamespaceManifest>>;

/** The manifest as the API server stores it: `kubernetes.io/metadata.name` added. */
export function asServed(manifest: NamespaceManifest): NamespaceManifest {
    return { ...manifest, metadata: { ...manifest.metadata, labels: { ...manifest.metadata.labels, [METADATA_NAME_LABEL]: manifest.metadata.name } } };
}

/** A namespace nobody onboarded: only the label the API server sets. */
export function bareNamespace(name: string): NamespaceManifest {
    return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { [METADATA_NAME_LABEL]: name } } };
}

/** `paved:tenants` of a stack, as the cluster holds the namespaces the program creates. */
export function tenantNamespaces(tenants: Readonly<Record<string, TenantSpec>>, environment: string): TenantNamespaces {
    return Object.fromEntries(Object.entries(tenants).map(([name, tenant]) => [name, asServed(tenantNamespace(name, tenant, environment))]));
}

/** The namespace object a claim in `name` is judged with. */
export function namespaceObjectFor(namespaces: TenantNamespaces, name: string): NamespaceManifest {
    return Object.prototype.hasOwnProperty.call(namespaces, name) ? namespaces[name] : bareNamespace(name);
}
