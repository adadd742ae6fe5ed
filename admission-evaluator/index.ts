/** Offline evaluator of Kyverno `ValidatingPolicy` (CEL) and runner of `kyverno-test.yaml` suites. */

export { compilePolicies, type CompiledPolicy, type CompiledPolicySet, type CompileOptions } from "./compile";
export { admit } from "./admit";
export { formatAdmissionResult } from "./format-admission";
export { buildResourceMap, type BuildResourceMapOptions } from "./build-resource-map";
export { ResourceMap, guessPlural, type ResourceInfo } from "./resource-map";
export { CORE_RESOURCES } from "./core-resources";
export { parseKubernetesYaml, readKubernetesYaml } from "./yaml";
export { toCelValue } from "./values";
export { CEL_EXTENSIONS } from "./cel/catalog";
export { runKyvernoTests, type RunKyvernoTestsOptions } from "./kyverno-test/run";
export { formatKyvernoTestReport, type KyvernoTestReport, type SuiteReport, type TestRow } from "./kyverno-test/report";
export type {
    AdmissionInput, AdmissionResult, AdmitOptions, FailurePolicy, Operation, PolicyResult, PolicyStatus, RequestSummary,
    SkipReason, UserInfo, ValidationAction,
} from "./types";
