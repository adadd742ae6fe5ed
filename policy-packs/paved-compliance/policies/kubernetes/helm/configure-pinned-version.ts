import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { helmChartProps, helmChartTypes } from "./charts";

/** An exact chart version: `1.14.1`, `v1.21.1`, `3.9.1-rc.2`; never a range, a wildcard or a floating word. */
const exactVersion = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Why a chart version is not an exact pin, or undefined when it is. */
export function chartVersionProblem(version: unknown): string | undefined {
    if (version === undefined || version === null || (typeof version === "string" && version.trim() === "")) {
        return "version is not set: Helm installs whatever the newest chart is at the time of the run.";
    }
    if (typeof version !== "string") {
        return `version is ${JSON.stringify(version)}, not a version string.`;
    }
    if (/^(latest|stable|main|master|\*)$/i.test(version.trim())) {
        return `version is "${version}": it moves with every upstream release.`;
    }
    if (!exactVersion.test(version)) {
        return `version "${version}" is not an exact semantic version (no ranges such as ^, ~, >=, x or *): the installed chart could change without a change here.`;
    }
    return undefined;
}

/**
 * Every Helm chart the program installs is an exact, reviewed version from a named source.
 * @severity high
 * @frameworks nist-800-53:CM-2, nist-800-53:CM-3, nist-800-53:SI-7
 */
export const configureHelmPinnedVersion: ResourceValidationPolicy = {
    name: "kubernetes-helm-release-configure-pinned-version",
    description:
        "Helm releases and charts must pin an exact chart version (no range, no latest) and come from a chart repository over HTTPS or an oci:// registry, never from a local path.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Baseline configuration", "nist:CM-2", "nist:CM-3", "nist:SI-7"),
    remediationSteps:
        "Pin the chart in components/versions.ts ({ chart, version: \"X.Y.Z\", repository: \"https://...\" } or an oci:// chart) and install it with pinnedRelease (components/kubernetes/helm-release.ts); bump versions only through a reviewed change.",
    validateResource: validateResourceOfTypes(helmChartTypes, (args, report) => {
        const props = helmChartProps(args);
        if (!props) {
            args.notApplicable("not a Helm release or chart");
            return;
        }
        const problem = chartVersionProblem(props.version);
        if (problem) {
            report(problem);
        }
        const chart = typeof props.chart === "string" ? props.chart : "";
        const repo = typeof props.repositoryOpts?.repo === "string" ? props.repositoryOpts.repo : "";
        if (chart === "") {
            report("chart is not set.");
        } else if (chart.startsWith("oci://")) {
            if (repo !== "") {
                report(`chart ${chart} is an oci:// reference but repositoryOpts.repo is also set (${repo}): the source is ambiguous.`);
            }
        } else if (repo === "") {
            report(`chart ${chart} has no repositoryOpts.repo and is not an oci:// reference: it comes from a local path or an unnamed repository.`);
        } else if (!repo.startsWith("https://") && !repo.startsWith("oci://")) {
            report(`repositoryOpts.repo ${repo} is not HTTPS: the chart could be altered in transit.`);
        }
    }),
};
