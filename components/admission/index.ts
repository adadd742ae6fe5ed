import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { charts } from "../versions";
import { kyvernoValues } from "./values";

export * from "./values";

export interface AdmissionArgs {
    /** The default-deny namespace Kyverno runs in (webhook ports open to the control plane). */
    namespace: PlatformNamespace;
    highAvailability: boolean;
}

/**
 * The Kyverno engine at the pinned chart version, with its CRDs. Admission policies are not part of
 * this component: whatever installs them must depend on `policiesReady` (the release, which serves
 * the `policies.kyverno.io` CRDs and waits for the admission controller to be ready).
 */
export class Admission extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;
    /** `dependsOn` for ValidatingPolicy and other Kyverno custom resources. */
    public readonly policiesReady: pulumi.Resource[];

    constructor(name: string, args: AdmissionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:admission:Admission", name, {}, opts);
        this.release = pinnedRelease(
            "kyverno",
            charts.kyverno,
            { namespace: args.namespace.name, values: kyvernoValues({ highAvailability: args.highAvailability }) },
            { parent: this, dependsOn: args.namespace.ready },
        );
        this.policiesReady = [this.release];
        this.registerOutputs({ releaseName: this.release.name });
    }
}
