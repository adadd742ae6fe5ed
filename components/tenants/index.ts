import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { tenantNamespace, tenantNetworkPolicies, type TenantSpec } from "./manifests";

export * from "./manifests";

export interface TenantsArgs {
    /** `paved:tenants`: namespace name → owner, cost center, app. */
    tenants: Record<string, TenantSpec>;
    /** `paved:environment`: the namespaces' environment label. */
    environment: string;
    /** Protect the namespaces from destroy and retain them on delete (they hold the tenants' claims). */
    protect: boolean;
}

/**
 * The onboarded tenants' namespaces (the golden path: a reviewed change to `paved:tenants`): each
 * labelled with what its claims inherit (owner, app, environment, cost-center), Pod Security
 * `restricted`, default-deny ingress and egress and a DNS allow.
 */
export class Tenants extends pulumi.ComponentResource {
    /** The namespace names, in config order. */
    public readonly namespaces: string[];
    /** Every Namespace and NetworkPolicy: what may deploy into a tenant namespace waits for these. */
    public readonly ready: pulumi.Resource[];

    constructor(name: string, args: TenantsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:tenants:Tenants", name, {}, opts);
        this.namespaces = Object.keys(args.tenants);
        this.ready = [];
        for (const [ns, tenant] of Object.entries(args.tenants)) {
            const namespace = new k8s.core.v1.Namespace(`tenant-${ns}`, tenantNamespace(ns, tenant, args.environment), {
                parent: this,
                protect: args.protect,
                retainOnDelete: args.protect,
            });
            const policies = tenantNetworkPolicies(ns).map(
                (p) => new k8s.networking.v1.NetworkPolicy(`tenant-${ns}-${p.metadata.name}`, p, { parent: this, dependsOn: [namespace] }),
            );
            this.ready.push(namespace, ...policies);
        }
        this.registerOutputs({ namespaces: this.namespaces });
    }
}
