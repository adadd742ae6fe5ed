/** Reading Helm releases and charts (`helm.v3.Release`, `helm.v4.Chart`) as policies see them. */

export const helmChartTypes = ["kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart"];

export interface HelmChartProps {
    chart?: unknown;
    version?: unknown;
    repositoryOpts?: { repo?: unknown };
    values?: unknown;
}

/** The props of a Helm release or chart, or undefined for any other resource type. */
export function helmChartProps(args: { type: string; props: Record<string, unknown> }): HelmChartProps | undefined {
    return helmChartTypes.includes(args.type) ? (args.props as HelmChartProps) : undefined;
}

/** The chart's name: the last path segment of a name, `repo/name` or an `oci://` reference. */
export function chartName(chart: string): string {
    return chart.replace(/\/+$/, "").split("/").pop() ?? chart;
}

/** A value at a dotted path of a Helm values object (keys may hold dashes: `redis-ha.enabled`). */
export function valueAt(values: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((v, k) => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined), values);
}
