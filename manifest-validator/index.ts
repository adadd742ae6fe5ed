/**
 * Offline validation of Kubernetes manifests against CRD schemas (structural schema + CEL rules),
 * faithful to the API server's create path. See README.md for semantics and deviations.
 */
export { loadCrdDirectory } from "./load-crds";
export { schemaRegistryFromXrd } from "./xrd";
export { SchemaRegistry, mergeRegistries, gvkKey } from "./registry";
export { validateManifest, validateAndDefault, type ValidationResult } from "./validate";
export { formatProblems, formatProblem, manifestId, assertManifestValid, errorsOf } from "./format-problems";
export { listUnevaluatedRules } from "./rule-inventory";
export { parseManifests } from "./yaml-docs";
export type {
    GroupVersionKind,
    JsonSchemaProps,
    KindSchema,
    Problem,
    ProblemType,
    Severity,
    UnevaluatedRule,
    ValidateOptions,
    ValidationRule,
} from "./types";
