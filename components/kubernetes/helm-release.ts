import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ChartPin } from "../versions";

export interface PinnedReleaseArgs {
    namespace: pulumi.Input<string>;
    values?: pulumi.Input<Record<string, unknown>>;
    /** Skip the chart's `crds/` (when a separate CRD chart owns them, as karpenter-crd does). */
    skipCrds?: boolean;
    /** Seconds to wait for the release's resources to become ready. */
    timeoutSeconds?: number;
}

/**
 * A Helm release at an exact, pinned chart version. `helm.v3.Release` (not `v4.Chart`) so the
 * chart's values are visible offline and to policies, and so dependents wait for readiness.
 */
export function pinnedRelease(name: string, pin: ChartPin, args: PinnedReleaseArgs, opts: pulumi.CustomResourceOptions): k8s.helm.v3.Release {
    return new k8s.helm.v3.Release(
        name,
        {
            name,
            chart: pin.chart,
            version: pin.version,
            ...(pin.repository ? { repositoryOpts: { repo: pin.repository } } : {}),
            namespace: args.namespace,
            createNamespace: false,
            values: args.values ?? {},
            skipCrds: args.skipCrds ?? false,
            atomic: true,
            cleanupOnFail: true,
            maxHistory: 10,
            timeout: args.timeoutSeconds ?? 600,
        },
        opts,
    );
}
