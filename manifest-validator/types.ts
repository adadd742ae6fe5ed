/** A Kubernetes OpenAPI v3 schema node as written in a CRD (`JSONSchemaProps`), read-only. */
export interface JsonSchemaProps {
    readonly type?: string;
    readonly format?: string;
    readonly description?: string;
    readonly properties?: Readonly<Record<string, JsonSchemaProps>>;
    readonly required?: readonly string[];
    readonly additionalProperties?: JsonSchemaProps | boolean;
    readonly items?: JsonSchemaProps;
    readonly enum?: readonly unknown[];
    readonly pattern?: string;
    readonly default?: unknown;
    readonly nullable?: boolean;
    readonly minimum?: number | bigint;
    readonly maximum?: number | bigint;
    readonly exclusiveMinimum?: boolean;
    readonly exclusiveMaximum?: boolean;
    readonly multipleOf?: number | bigint;
    readonly minLength?: number | bigint;
    readonly maxLength?: number | bigint;
    readonly minItems?: number | bigint;
    readonly maxItems?: number | bigint;
    readonly minProperties?: number | bigint;
    readonly maxProperties?: number | bigint;
    readonly uniqueItems?: boolean;
    readonly allOf?: readonly JsonSchemaProps[];
    readonly anyOf?: readonly JsonSchemaProps[];
    readonly oneOf?: readonly JsonSchemaProps[];
    readonly not?: JsonSchemaProps;
    readonly "x-kubernetes-preserve-unknown-fields"?: boolean;
    readonly "x-kubernetes-int-or-string"?: boolean;
    readonly "x-kubernetes-embedded-resource"?: boolean;
    readonly "x-kubernetes-list-type"?: "atomic" | "set" | "map";
    readonly "x-kubernetes-list-map-keys"?: readonly string[];
    readonly "x-kubernetes-map-type"?: "atomic" | "granular";
    readonly "x-kubernetes-validations"?: readonly ValidationRule[];
}

/** One `x-kubernetes-validations` entry. */
export interface ValidationRule {
    readonly rule: string;
    readonly message?: string;
    readonly messageExpression?: string;
    readonly fieldPath?: string;
    readonly reason?: "FieldValueInvalid" | "FieldValueForbidden" | "FieldValueRequired" | "FieldValueDuplicate";
    readonly optionalOldSelf?: boolean;
}

export interface GroupVersionKind {
    readonly group: string;
    readonly version: string;
    readonly kind: string;
}

/** The schema of one served version of one kind. */
export interface KindSchema extends GroupVersionKind {
    readonly plural: string;
    readonly scope: "Namespaced" | "Cluster";
    readonly schema: JsonSchemaProps;
    /** File (or XRD) the schema came from. */
    readonly source: string;
    readonly deprecated?: boolean;
    readonly deprecationWarning?: string;
    /** With a status subresource, the API server drops `status` on create before validating. */
    readonly statusSubresource?: boolean;
}

/**
 * The Kubernetes field error type a problem corresponds to (`field.ErrorType`), plus the
 * project's own kinds for what the API server does not report.
 */
export type ProblemType =
    | "Required"
    | "NotSupported"
    | "TypeInvalid"
    | "TooLong"
    | "TooMany"
    | "Invalid"
    | "Forbidden"
    | "Duplicate"
    | "UnknownField"
    | "NoSchema"
    | "RuleNotEvaluated"
    | "RulesSkipped"
    | "Deprecated";

export type Severity = "error" | "warning";

/** One finding: `path` is a Kubernetes field path ("spec.forProvider.region", "spec.items[0]", "metadata.labels[app]"). */
export interface Problem {
    readonly path: string;
    readonly rule: string;
    readonly type: ProblemType;
    readonly severity: Severity;
}

export interface ValidateOptions {
    /** Apply schema defaults before validating, as the API server does (default true). */
    readonly applyDefaults?: boolean;
    /** Report unknown (pruned) fields as errors like `kubectl --validate=strict` (default true); false: warnings. */
    readonly strict?: boolean;
    /**
     * Evaluate CEL rules even when type/required/enum/size errors exist. The API server skips them
     * then (default false, like the API server).
     */
    readonly celWhenInvalid?: boolean;
    /**
     * Require metadata.name or generateName (default true). False for objects that are only ever
     * embedded, such as a Composition step's function input.
     */
    readonly requireName?: boolean;
}

/** A CEL rule that cel-js cannot evaluate (a function it lacks, a syntax it does not parse). */
export interface UnevaluatedRule {
    readonly gvk: string;
    readonly schemaPath: string;
    readonly rule: string;
    readonly reason: string;
}
