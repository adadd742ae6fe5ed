import type { ResourceInfo } from "./resource-map";

/** Built-in Kubernetes kinds the platform's policies and manifests touch. */

function core(group: string, version: string, kind: string, plural: string, namespaced = true): ResourceInfo {
    return { group, kind, plural, namespaced, versions: [version] };
}

export const CORE_RESOURCES: readonly ResourceInfo[] = [
    core("", "v1", "Namespace", "namespaces", false),
    core("", "v1", "Node", "nodes", false),
    core("", "v1", "PersistentVolume", "persistentvolumes", false),
    core("", "v1", "ConfigMap", "configmaps"),
    core("", "v1", "Secret", "secrets"),
    core("", "v1", "Pod", "pods"),
    core("", "v1", "Service", "services"),
    core("", "v1", "ServiceAccount", "serviceaccounts"),
    core("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
    core("", "v1", "Endpoints", "endpoints"),
    core("", "v1", "LimitRange", "limitranges"),
    core("", "v1", "ResourceQuota", "resourcequotas"),
    core("apps", "v1", "Deployment", "deployments"),
    core("apps", "v1", "StatefulSet", "statefulsets"),
    core("apps", "v1", "DaemonSet", "daemonsets"),
    core("apps", "v1", "ReplicaSet", "replicasets"),
    core("batch", "v1", "Job", "jobs"),
    core("batch", "v1", "CronJob", "cronjobs"),
    core("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"),
    core("networking.k8s.io", "v1", "Ingress", "ingresses"),
    core("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
    core("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
    core("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
    core("rbac.authorization.k8s.io", "v1", "Role", "roles"),
    core("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
    core("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
    core("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
    core("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
    core("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
];
