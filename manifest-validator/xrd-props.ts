import type { JsonSchemaProps } from "./types";

/**
 * The fields Crossplane injects into the CRDs it generates from an XRD (crossplane-runtime
 * `pkg/xcrd` schemas.go: CompositeResourceSpecProps, CompositeResourceClaimSpecProps,
 * CompositeResourceStatusProps).
 */
export type XrdScope = "LegacyCluster" | "Cluster" | "Namespaced";

const str: JsonSchemaProps = { type: "string" };

const nameRef: JsonSchemaProps = { type: "object", required: ["name"], properties: { name: str } };

const labelSelector: JsonSchemaProps = {
    type: "object",
    required: ["matchLabels"],
    properties: { matchLabels: { type: "object", additionalProperties: str } },
};

function updatePolicy(defaultPolicy: string | undefined): JsonSchemaProps {
    return { type: "string", enum: ["Automatic", "Manual"], ...(defaultPolicy ? { default: defaultPolicy } : {}) };
}

function resourceRefs(namespaced: boolean): JsonSchemaProps {
    const properties: Record<string, JsonSchemaProps> = { apiVersion: str, name: str, kind: str };
    if (!namespaced) properties.namespace = str;
    return {
        type: "array",
        items: { type: "object", required: ["apiVersion", "kind"], properties },
        "x-kubernetes-list-type": "atomic",
    };
}

/** Spec fields of a composite resource (XR): directly under spec (LegacyCluster) or under spec.crossplane. */
export function compositeSpecProps(scope: XrdScope, defaultUpdatePolicy: string | undefined): Record<string, JsonSchemaProps> {
    const props: Record<string, JsonSchemaProps> = {
        compositionRef: nameRef,
        compositionSelector: labelSelector,
        compositionRevisionRef: nameRef,
        compositionRevisionSelector: labelSelector,
        compositionUpdatePolicy: updatePolicy(defaultUpdatePolicy),
        resourceRefs: resourceRefs(scope === "Namespaced"),
    };
    if (scope === "LegacyCluster") {
        props.claimRef = {
            type: "object",
            required: ["apiVersion", "kind", "namespace", "name"],
            properties: { apiVersion: str, kind: str, namespace: str, name: str },
        };
        props.writeConnectionSecretToRef = {
            type: "object",
            required: ["name", "namespace"],
            properties: { name: str, namespace: str },
        };
        return props;
    }
    return {
        crossplane: {
            type: "object",
            description: "Configures how Crossplane will reconcile this composite resource",
            properties: props,
        },
    };
}

/** Spec fields of a claim. */
export function claimSpecProps(defaultDeletePolicy: string | undefined): Record<string, JsonSchemaProps> {
    return {
        compositionRef: nameRef,
        compositionSelector: labelSelector,
        compositionRevisionRef: nameRef,
        compositionRevisionSelector: labelSelector,
        compositionUpdatePolicy: updatePolicy(undefined),
        compositeDeletePolicy: {
            type: "string",
            enum: ["Background", "Foreground"],
            ...(defaultDeletePolicy ? { default: defaultDeletePolicy } : {}),
        },
        resourceRef: {
            type: "object",
            required: ["apiVersion", "kind", "name"],
            properties: { apiVersion: str, kind: str, name: str },
        },
        writeConnectionSecretToRef: nameRef,
    };
}

/** Status fields of XRs and claims (claims get the LegacyCluster set). */
export function compositeStatusProps(scope: XrdScope): Record<string, JsonSchemaProps> {
    const props: Record<string, JsonSchemaProps> = {
        conditions: {
            description: "Conditions of the resource.",
            type: "array",
            "x-kubernetes-list-map-keys": ["type"],
            "x-kubernetes-list-type": "map",
            items: {
                type: "object",
                required: ["lastTransitionTime", "reason", "status", "type"],
                properties: {
                    lastTransitionTime: { type: "string", format: "date-time" },
                    message: str,
                    reason: str,
                    status: str,
                    type: str,
                    observedGeneration: { type: "integer", format: "int64" },
                },
            },
        },
    };
    if (scope === "LegacyCluster") {
        props.connectionDetails = {
            type: "object",
            properties: { lastPublishedTime: { type: "string", format: "date-time" } },
        };
        props.claimConditionTypes = { type: "array", "x-kubernetes-list-type": "set", items: str };
    }
    return props;
}
