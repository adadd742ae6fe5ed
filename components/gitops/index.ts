import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import type { ExternalSecrets } from "../secrets";
import { charts } from "../versions";
import { bootstrapProject, oidcExternalSecret, repositoryExternalSecret, rootApplication, tenantsProject, type RepositoryConfig } from "./manifests";
import { argoCdValues, type ArgoCdValuesArgs } from "./values";

export * from "./manifests";
export * from "./values";

export interface GitOpsArgs {
    /** The default-deny namespace Argo CD runs in (HTTPS out to Git and the IdP). */
    namespace: PlatformNamespace;
    /** External Secrets: the OIDC client secret and repository credentials come through its store. */
    secrets: ExternalSecrets;
    highAvailability: boolean;
    domain: string;
    repository: RepositoryConfig;
    /** The onboarded tenants' namespaces (components/tenants): the only destinations of the tenants project, which waits for them. */
    tenants: { namespaces: string[]; ready: pulumi.Resource[] };
    sso: ArgoCdValuesArgs["sso"] & { clientSecret: { name: string; property: string } };
    rbac: ArgoCdValuesArgs["rbac"];
}

/**
 * Argo CD at the pinned chart version with SSO and read-only-by-default RBAC, the `tenants` and
 * `bootstrap` projects and the root App-of-Apps. Secrets (OIDC client secret, repository token)
 * are ExternalSecrets, synced before the release starts; every Argo CD custom resource waits for the
 * release that serves its CRD.
 */
export class GitOps extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;
    public readonly rootApplication: k8s.apiextensions.CustomResource;
    /** Where users sign in (the SSO redirect URL is <url>/auth/callback). */
    public readonly url: string;

    constructor(name: string, args: GitOpsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:gitops:GitOps", name, {}, opts);
        const namespace = args.namespace.name;
        this.url = `https://${args.domain}`;

        const secrets = [args.secrets.externalSecret(`${name}-oidc`, oidcExternalSecret(args.sso.clientSecret), { parent: this, dependsOn: args.namespace.ready })];
        const { credentialsSecret } = args.repository;
        if (credentialsSecret) {
            secrets.push(args.secrets.externalSecret(`${name}-repository`, repositoryExternalSecret({ ...args.repository, credentialsSecret }), { parent: this, dependsOn: args.namespace.ready }));
        }

        this.release = pinnedRelease(
            "argocd",
            charts.argoCd,
            {
                namespace,
                values: argoCdValues({ highAvailability: args.highAvailability, domain: args.domain, sso: args.sso, rbac: args.rbac }),
            },
            { parent: this, dependsOn: [...args.namespace.ready, ...secrets] },
        );

        const cr = (manifest: ReturnType<typeof tenantsProject>, dependsOn: pulumi.Resource[]) =>
            new k8s.apiextensions.CustomResource(`${name}-${manifest.kind.toLowerCase()}-${manifest.metadata.name}`, manifest, { parent: this, dependsOn });
        // Nothing syncs into a tenant namespace before it exists with its default-deny.
        const projects = [cr(tenantsProject(args.repository.url, args.tenants.namespaces), [this.release, ...args.tenants.ready]), cr(bootstrapProject(args.repository.url), [this.release])];
        this.rootApplication = cr(rootApplication(args.repository), [this.release, ...projects, ...secrets]);
        this.registerOutputs({ url: this.url, rootApplication: this.rootApplication.metadata.name });
    }
}
