/** External Secrets custom resources (`external-secrets.io/v1`), as pure functions tested against the upstream CRDs. */

export const externalSecretsApiVersion = "external-secrets.io/v1";
/** The one store the platform reads through: AWS Secrets Manager with the controller's Pod Identity. */
export const clusterSecretStoreName = "aws-secretsmanager";

/** Pulumi waits for the object's Ready condition, so whatever depends on it starts only once it is synced. */
export const waitForReady = { "pulumi.com/waitFor": "condition=Ready" };

export interface Manifest {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    spec: Record<string, unknown>;
}

const labels = { "app.kubernetes.io/managed-by": "paved" };

/**
 * The platform's ClusterSecretStore: Secrets Manager in the stack's region. No `auth` block: the
 * provider uses the controller pod's default credential chain, i.e. its Pod Identity role, whose
 * policy limits what any ExternalSecret can read to the configured prefixes.
 */
export function clusterSecretStore(region: string): Manifest {
    return {
        apiVersion: externalSecretsApiVersion,
        kind: "ClusterSecretStore",
        metadata: { name: clusterSecretStoreName, labels, annotations: { ...waitForReady } },
        spec: { provider: { aws: { service: "SecretsManager", region } } },
    };
}

export interface ExternalSecretArgs {
    name: string;
    namespace: string;
    /** Name of the Kubernetes Secret to write. */
    target: string;
    /** Secret keys to write, each from a property of a Secrets Manager secret (referenced by name, never by value). */
    data: { secretKey: string; remoteKey: string; property: string }[];
    refreshInterval: string;
    /** Labels and annotations the written Secret carries (e.g. so Argo CD picks it up). */
    targetLabels?: Record<string, string>;
    /** Literal keys merged into the written Secret (non-secret settings such as a repository URL). */
    literals?: Record<string, string>;
}

/**
 * An ExternalSecret through the platform store. The target is owned by the ExternalSecret (deleted
 * with it) and kept on provider errors (`deletionPolicy: Retain`), so an AWS outage never empties
 * a Secret a running controller reads.
 */
export function externalSecret(args: ExternalSecretArgs): Manifest {
    const template: Record<string, unknown> = {
        engineVersion: "v2",
        metadata: { labels: { ...labels, ...args.targetLabels } },
    };
    if (args.literals && Object.keys(args.literals).length > 0) {
        // Merge: the fetched keys stay, the literals are added (Go templates without actions render as themselves).
        template.mergePolicy = "Merge";
        template.data = { ...args.literals };
    }
    return {
        apiVersion: externalSecretsApiVersion,
        kind: "ExternalSecret",
        metadata: { name: args.name, namespace: args.namespace, labels, annotations: { ...waitForReady } },
        spec: {
            refreshInterval: args.refreshInterval,
            secretStoreRef: { kind: "ClusterSecretStore", name: clusterSecretStoreName },
            target: { name: args.target, creationPolicy: "Owner", deletionPolicy: "Retain", template },
            data: args.data.map((d) => ({ secretKey: d.secretKey, remoteRef: { key: d.remoteKey, property: d.property } })),
        },
    };
}
