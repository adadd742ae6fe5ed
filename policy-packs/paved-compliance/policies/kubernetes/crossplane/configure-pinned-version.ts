import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";

/** Crossplane package kinds, any served version: `kubernetes:pkg.crossplane.io/v1:Provider` and the like. */
const packageType = /^kubernetes:pkg\.crossplane\.io\/v[0-9a-z]+:(Provider|Function|Configuration)$/;
const digestPattern = /@sha256:[a-f0-9]{64}$/;
/** A release tag: `v2.6.0`, `1.4.2`, `v0.10.8-rc.1`; not `latest`, `main`, `stable` or a bare major. */
const versionTag = /^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

interface Config {
    allowedRegistries: string[];
}

interface PackageSpec {
    package?: unknown;
    revisionActivationPolicy?: unknown;
    packagePullPolicy?: unknown;
    ignoreCrossplaneConstraints?: unknown;
    skipDependencyResolution?: unknown;
}

/** Why a package reference is not pinned, or undefined when it is (`registry/org/name:vX.Y.Z` or `...@sha256:<digest>`). */
export function packagePinProblem(reference: string): string | undefined {
    if (digestPattern.test(reference)) {
        return undefined;
    }
    const lastSlash = reference.lastIndexOf("/");
    const colon = reference.indexOf(":", lastSlash + 1);
    if (colon < 0) {
        return `package ${reference} has neither a tag nor a digest: it resolves to whatever "latest" is at install time.`;
    }
    const tag = reference.slice(colon + 1);
    if (tag === "latest") {
        return `package ${reference} uses the "latest" tag.`;
    }
    if (!versionTag.test(tag)) {
        return `package ${reference} uses tag "${tag}", which is not a release version (vX.Y.Z) or a digest: it can move.`;
    }
    return undefined;
}

/**
 * Crossplane packages run exactly the version the program pins, from an approved registry.
 * @severity high
 * @frameworks nist-800-53:CM-2, nist-800-53:SI-7, cis-eks:5.1.4
 */
export const configurePinnedVersion: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-package-configure-pinned-version",
    description:
        "Crossplane Provider, Function and Configuration packages must reference a release tag or a digest from an approved registry, activate new revisions automatically and keep dependency and version checks on.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Baseline configuration", "nist:CM-2", "nist:SI-7", "cisEks:5.1.4"),
    remediationSteps:
        "Pin the package in components/versions.ts (registry/org/name:vX.Y.Z or @sha256:<digest>) and leave revisionActivationPolicy Automatic, ignoreCrossplaneConstraints and skipDependencyResolution false (components/crossplane/manifests.ts does).",
    configSchema: {
        properties: {
            allowedRegistries: { type: "array", items: { type: "string" }, minItems: 1, default: ["xpkg.crossplane.io", "xpkg.upbound.io"] },
        },
    },
    validateResource: validateResourceOfTypes(["kubernetes:pkg.crossplane.io/v1:Provider", "kubernetes:pkg.crossplane.io/v1:Function", "kubernetes:pkg.crossplane.io/v1beta1:Function", "kubernetes:pkg.crossplane.io/v1:Configuration"], (args, report) => {
        if (!packageType.test(args.type)) {
            args.notApplicable("not a Crossplane package");
        }
        const { allowedRegistries } = args.getConfig<Config>();
        const spec = ((args.props as { spec?: PackageSpec }).spec ?? {}) as PackageSpec;
        const reference = spec.package;
        if (typeof reference !== "string" || reference.trim() === "") {
            report("spec.package is not set.");
            return;
        }
        const pin = packagePinProblem(reference);
        if (pin) {
            report(pin);
        }
        const registry = reference.split("/")[0];
        if (!reference.includes("/") || !allowedRegistries.includes(registry)) {
            report(`package ${reference} does not come from an approved registry (${allowedRegistries.join(", ")}).`);
        }
        if (spec.revisionActivationPolicy !== undefined && spec.revisionActivationPolicy !== "Automatic") {
            report(
                `revisionActivationPolicy is ${String(spec.revisionActivationPolicy)}: a new pin would install but not run until someone activates it by hand, so the running version is no longer the reviewed one.`,
            );
        }
        if (spec.packagePullPolicy === "Always" && !digestPattern.test(reference)) {
            report("packagePullPolicy is Always on a tag: a re-pushed tag would replace the running package without a change here (pin a digest, or use IfNotPresent).");
        }
        if (spec.ignoreCrossplaneConstraints === true) {
            report("ignoreCrossplaneConstraints is true: the package would install on a Crossplane version it does not support.");
        }
        if (spec.skipDependencyResolution === true) {
            report("skipDependencyResolution is true: the package's pinned dependencies (e.g. the provider family) are not installed or checked.");
        }
    }),
};
