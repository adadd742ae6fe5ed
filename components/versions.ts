/**
 * Every pinned version in the platform: Kubernetes, EKS add-ons, Helm charts and Crossplane packages.
 * Change versions here only; components and tests read them from this module.
 */

/** Kubernetes minor versions in EKS standard support (FSBP EKS.2). */
export const supportedKubernetesVersions = ["1.32", "1.33", "1.34", "1.35"] as const;
export type KubernetesVersion = (typeof supportedKubernetesVersions)[number];
