import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { PodIdentityRole } from "../pod-identity";
import { charts } from "../versions";
import { catalogSecretsPolicy, dataKeyDecryptPolicy, secretsManagerReadPolicy } from "./iam";
import { clusterSecretStore, clusterSecretStoreName, externalSecret, type ExternalSecretArgs } from "./manifests";
import { externalSecretsServiceAccount, externalSecretsValues } from "./values";

export * from "./iam";
export * from "./manifests";
export * from "./values";

export interface ExternalSecretsArgs {
    cluster: { name: pulumi.Input<string>; arn: pulumi.Input<string>; podIdentityAgent: pulumi.Resource };
    accountId: pulumi.Input<string>;
    region: string;
    /** The default-deny namespace the controller runs in. */
    namespace: PlatformNamespace;
    /** `paved:secrets.prefixes`: the only secrets the controller can read. */
    prefixes: string[];
    /** `paved:secrets.refreshInterval`, the default for every ExternalSecret made through `externalSecret`. */
    refreshInterval: string;
    /** The platform data key, the only key the controller may decrypt with. */
    dataKeyArn: pulumi.Input<string>;
    highAvailability: boolean;
    permissionsBoundaryArn: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * External Secrets Operator: the chart (with its CRDs) at the pinned version, a Pod Identity role that
 * reads only the platform's secrets and decrypts only with the platform data key, and the
 * `aws-secretsmanager` ClusterSecretStore every other add-on reads its credentials through.
 */
export class ExternalSecrets extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;
    public readonly store: k8s.apiextensions.CustomResource;
    public readonly storeName = clusterSecretStoreName;
    public readonly roleArn: pulumi.Output<string>;
    /** What an ExternalSecret waits for: the release serving the CRDs and the store it reads through. */
    public readonly ready: pulumi.Resource[];
    private readonly refreshInterval: string;

    constructor(name: string, args: ExternalSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:secrets:ExternalSecrets", name, {}, opts);
        this.refreshInterval = args.refreshInterval;
        const namespace = args.namespace.name;

        const role = new PodIdentityRole(
            `${name}-controller`,
            {
                clusterName: args.cluster.name,
                clusterArn: args.cluster.arn,
                accountId: args.accountId,
                namespace,
                serviceAccount: externalSecretsServiceAccount,
                policies: {
                    "secrets-manager-read": pulumi
                        .all([args.accountId, args.dataKeyArn])
                        .apply(([accountId, dataKeyArn]) => secretsManagerReadPolicy({ accountId, region: args.region, prefixes: args.prefixes, dataKeyArn })),
                    "kms-decrypt-data-key": pulumi
                        .all([args.accountId, args.dataKeyArn])
                        .apply(([accountId, dataKeyArn]) => dataKeyDecryptPolicy({ accountId, region: args.region, prefixes: args.prefixes, dataKeyArn })),
                    "catalog-secrets-read": pulumi.output(args.accountId).apply((accountId) => catalogSecretsPolicy({ accountId, region: args.region })),
                },
                permissionsBoundaryArn: args.permissionsBoundaryArn,
                description: `External Secrets: read platform secrets under ${args.prefixes.join(", ")} and the catalog's claim secrets`,
                tags: args.tags,
                podIdentityAgent: args.cluster.podIdentityAgent,
            },
            { parent: this },
        );
        this.roleArn = role.roleArn;

        // After the association: pods started before it would get no credentials.
        this.release = pinnedRelease(
            "external-secrets",
            charts.externalSecrets,
            { namespace, values: externalSecretsValues({ highAvailability: args.highAvailability }) },
            { parent: this, dependsOn: [...args.namespace.ready, role] },
        );

        const store = clusterSecretStore(args.region);
        this.store = new k8s.apiextensions.CustomResource(`${name}-${store.metadata.name}`, store, { parent: this, dependsOn: [this.release] });
        this.ready = [this.release, this.store];
        this.registerOutputs({ roleArn: this.roleArn, storeName: this.storeName });
    }

    /**
     * An ExternalSecret through the platform store, created after the store exists (and, with
     * `dependsOn`, after whatever else it needs, e.g. the namespace it writes into).
     */
    public externalSecret(
        name: string,
        args: Omit<ExternalSecretArgs, "refreshInterval"> & { refreshInterval?: string },
        opts: { parent: pulumi.Resource; dependsOn?: pulumi.Resource[] },
    ): k8s.apiextensions.CustomResource {
        const manifest = externalSecret({ refreshInterval: this.refreshInterval, ...args });
        return new k8s.apiextensions.CustomResource(name, manifest, { parent: opts.parent, dependsOn: [...this.ready, ...(opts.dependsOn ?? [])] });
    }
}
