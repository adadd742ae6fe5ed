/**
 * Helm values of the temporal-operator chart (keys from alexandrevilain/temporal-operator
 * `charts/temporal-operator/values.yaml`). The chart's webhook certificate comes from cert-manager:
 * the chart always renders a cert-manager Issuer and the `cert-manager.io/inject-ca-from`
 * annotation, and mounts the `webhook-server-cert` secret cert-manager writes.
 */

/** Port the operator's admission webhook listens on (chart `webhook.containerPort`). */
export const temporalOperatorWebhookPort = 9443;

export function temporalOperatorValues(a: { highAvailability: boolean }): Record<string, unknown> {
    return {
        manager: {
            replicas: a.highAvailability ? 2 : 1,
            args: ["--leader-elect"],
            // The chart sets runAsNonRoot on the pod; this makes the container Pod Security `restricted`.
            containerSecurityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ["ALL"] },
                seccompProfile: { type: "RuntimeDefault" },
            },
            resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        },
        webhook: {
            containerPort: temporalOperatorWebhookPort,
            hostNetwork: false,
            certManager: { certificate: { enabled: true, useCustomIssuer: false } },
        },
    };
}
