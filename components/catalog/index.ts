import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { catalogManifests, type CatalogManifest } from "./manifests";

export * from "./manifests";

export interface PlatformCatalogArgs {
    /** What serves `apiextensions.crossplane.io` (the Crossplane chart): XRDs wait for it. */
    xrdDependsOn: pulumi.Input<pulumi.Resource>[];
    /** What the Compositions' pipelines and composed kinds need: the Function and Provider packages, ProviderConfig, EnvironmentConfig, RBAC. */
    compositionDependsOn: pulumi.Input<pulumi.Resource>[];
}

/**
 * The composition catalog installed into the cluster: every XRD and Composition under catalog/,
 * unchanged (an XRD additionally carries Pulumi's wait annotation). XRDs wait for the Crossplane
 * chart; each Composition waits for its XRD and for everything its pipeline runs and composes.
 */
export class PlatformCatalog extends pulumi.ComponentResource {
    public readonly xrds: Record<string, k8s.apiextensions.CustomResource> = {};
    public readonly compositions: Record<string, k8s.apiextensions.CustomResource> = {};

    constructor(name: string, args: PlatformCatalogArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:catalog:PlatformCatalog", name, {}, opts);
        const manifests = catalogManifests();
        for (const m of manifests.filter((x) => x.xrdKey === undefined)) {
            this.xrds[m.key] = customResource(`${name}-xrd-${m.key}`, m, { parent: this, dependsOn: args.xrdDependsOn });
        }
        for (const m of manifests.filter((x) => x.xrdKey !== undefined)) {
            this.compositions[m.key] = customResource(`${name}-composition-${m.key}`, m, {
                parent: this,
                dependsOn: [...args.compositionDependsOn, this.xrds[m.xrdKey!]],
            });
        }
        this.registerOutputs({ xrds: Object.keys(this.xrds), compositions: Object.keys(this.compositions) });
    }
}

function customResource(name: string, m: CatalogManifest, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    const { apiVersion, kind, metadata, spec } = m.manifest;
    return new k8s.apiextensions.CustomResource(name, { apiVersion, kind, metadata, spec }, opts);
}
