/** Public types of the offline Kyverno `ValidatingPolicy` evaluator. */

export type Operation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";
export const OPERATIONS: readonly Operation[] = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

export type ValidationAction = "Deny" | "Warn" | "Audit";
export type FailurePolicy = "Fail" | "Ignore";

export type PolicyStatus = "pass" | "fail" | "skip" | "error";

/** Why a policy did not apply to a request. */
export type SkipReason = "matchConstraints" | "matchConditions" | "admissionDisabled";

/** The user on whose behalf a request is made (`request.userInfo`). */
export interface UserInfo {
    username?: string;
    uid?: string;
    groups?: string[];
    extra?: Record<string, string[]>;
}

/** One admission request to judge. */
export interface AdmissionInput {
    /** The incoming object; null (or absent) for DELETE. */
    object?: unknown;
    /** The existing object; for UPDATE and DELETE. Null on CREATE whatever is given. */
    oldObject?: unknown;
    /** Defaults to CREATE. */
    operation?: Operation;
    /** The Namespace the object lives in; null for cluster-scoped objects. */
    namespaceObject?: unknown;
    userInfo?: UserInfo;
    dryRun?: boolean;
}

export interface AdmitOptions {
    /** Evaluate policies whose `spec.evaluation.admission.enabled` is false (the Kyverno CLI does). */
    includeAdmissionDisabled?: boolean;
}

/** The verdict of one policy on one request. */
export interface PolicyResult {
    policy: string;
    status: PolicyStatus;
    /** Never empty: the failure message, the error, the skip reason, or a pass summary. */
    message: string;
    actions: ValidationAction[];
    /** Index of the validation that failed or errored. */
    validationIndex?: number;
    /** `validations[].reason` of the failed validation (default Invalid). */
    reason?: string;
    skipReason?: SkipReason;
    auditAnnotations: Record<string, string>;
}

/** The verdict of all policies on one request. */
export interface AdmissionResult {
    /** False when a policy with the Deny action failed or errored. */
    admitted: boolean;
    results: PolicyResult[];
    /** "Policy <name> failed: <message>" per denying policy, as Kyverno answers the API server. */
    denials: string[];
    /** The same for policies with the Warn action. */
    warnings: string[];
    /** Facts the caller should know (a guessed resource plural, ...). */
    notes: string[];
    request: RequestSummary;
}

export interface RequestSummary {
    operation: Operation;
    group: string;
    version: string;
    kind: string;
    resource: string;
    namespace: string;
    name: string;
}
