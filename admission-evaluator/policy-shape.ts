import { readLabelSelector, type LabelSelector } from "./label-selector";
import { ShapeReader } from "./shape";
import type { FailurePolicy, ValidationAction } from "./types";
import { asRecord, stringField } from "./values";

/** The typed, validated form of a `policies.kyverno.io` ValidatingPolicy. */
export interface PolicyDefinition {
    name: string;
    matchConstraints: MatchConstraints;
    matchConditions: NamedExpression[];
    variables: NamedExpression[];
    validations: Validation[];
    auditAnnotations: AuditAnnotation[];
    failurePolicy: FailurePolicy;
    validationActions: ValidationAction[];
    /** `spec.evaluation.admission.enabled` (default true). */
    admissionEnabled: boolean;
}

export interface MatchConstraints {
    resourceRules: ResourceRule[];
    excludeResourceRules: ResourceRule[];
    namespaceSelector?: LabelSelector;
    objectSelector?: LabelSelector;
}

export interface ResourceRule {
    apiGroups: string[];
    apiVersions: string[];
    operations: string[];
    resources: string[];
    resourceNames: string[];
    scope: "*" | "Cluster" | "Namespaced";
}

export interface NamedExpression {
    name: string;
    expression: string;
}

export interface Validation {
    expression: string;
    message?: string;
    messageExpression?: string;
    reason: string;
}

export interface AuditAnnotation {
    key: string;
    valueExpression: string;
}

export const POLICY_API_VERSIONS = ["policies.kyverno.io/v1", "policies.kyverno.io/v1beta1", "policies.kyverno.io/v1alpha1"];

/** Fields read or accepted under `spec` and its parts (a test checks them against the upstream CRD). */
export const SPEC_FIELDS = [
    "matchConstraints", "matchConditions", "variables", "validations", "auditAnnotations", "failurePolicy",
    "validationActions", "evaluation", "webhookConfiguration", "autogen",
] as const;
export const MATCH_FIELDS = ["resourceRules", "excludeResourceRules", "namespaceSelector", "objectSelector", "matchPolicy"] as const;
export const RULE_FIELDS = ["apiGroups", "apiVersions", "operations", "resources", "resourceNames", "scope"] as const;
export const VALIDATION_FIELDS = ["expression", "message", "messageExpression", "reason"] as const;

const OPERATIONS = ["CREATE", "UPDATE", "DELETE", "CONNECT", "*"];
const ACTIONS = ["Deny", "Warn", "Audit"] as const;
const REASONS = ["Unauthorized", "Forbidden", "Invalid", "RequestEntityTooLarge"] as const;
const CEL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads one policy object; problems are "path: rule" lines (empty when valid). */
export function readPolicy(object: unknown, read: ShapeReader): PolicyDefinition {
    const apiVersion = stringField(object, "apiVersion");
    const kind = stringField(object, "kind");
    if (!POLICY_API_VERSIONS.includes(apiVersion)) read.problem("apiVersion", `must be one of ${POLICY_API_VERSIONS.join(", ")} (got ${JSON.stringify(apiVersion)})`);
    if (kind !== "ValidatingPolicy") read.problem("kind", `must be ValidatingPolicy (got ${JSON.stringify(kind)})`);
    const name = read.string(asRecord(asRecord(object)?.metadata)?.name, "metadata.name", true) ?? "";
    const spec = read.object(asRecord(object)?.spec, "spec", SPEC_FIELDS, true) ?? {};
    return {
        name,
        matchConstraints: readMatchConstraints(read, spec.matchConstraints),
        matchConditions: readNamed(read, spec.matchConditions, "spec.matchConditions", "name", "expression"),
        variables: readNamed(read, spec.variables, "spec.variables", "name", "expression", CEL_IDENTIFIER),
        validations: read.list(spec.validations, "spec.validations").map((v, i) => readValidation(read, v, `spec.validations[${i}]`)),
        auditAnnotations: readNamed(read, spec.auditAnnotations, "spec.auditAnnotations", "key", "valueExpression")
            .map((a) => ({ key: a.name, valueExpression: a.expression })),
        failurePolicy: read.oneOf(spec.failurePolicy, "spec.failurePolicy", ["Fail", "Ignore"] as const, "Fail"),
        validationActions: readActions(read, spec.validationActions),
        admissionEnabled: readEvaluation(read, spec.evaluation),
    };
}

function readMatchConstraints(read: ShapeReader, value: unknown): MatchConstraints {
    const path = "spec.matchConstraints";
    const match = read.object(value, path, MATCH_FIELDS, true) ?? {};
    read.oneOf(match.matchPolicy, `${path}.matchPolicy`, ["Exact", "Equivalent"] as const, "Equivalent");
    return {
        resourceRules: read.list(match.resourceRules, `${path}.resourceRules`).map((r, i) => readRule(read, r, `${path}.resourceRules[${i}]`)),
        excludeResourceRules: read.list(match.excludeResourceRules, `${path}.excludeResourceRules`)
            .map((r, i) => readRule(read, r, `${path}.excludeResourceRules[${i}]`)),
        namespaceSelector: readLabelSelector(read, match.namespaceSelector, `${path}.namespaceSelector`),
        objectSelector: readLabelSelector(read, match.objectSelector, `${path}.objectSelector`),
    };
}

function readRule(read: ShapeReader, value: unknown, path: string): ResourceRule {
    const rule = read.object(value, path, RULE_FIELDS, true) ?? {};
    const never = " (an empty list matches nothing)";
    const operations = read.strings(rule.operations, `${path}.operations`, true, never);
    operations.forEach((op, i) => {
        if (!OPERATIONS.includes(op)) read.problem(`${path}.operations[${i}]`, `must be one of ${OPERATIONS.join(", ")} (got ${JSON.stringify(op)})`);
    });
    const resources = read.strings(rule.resources, `${path}.resources`, true, never);
    resources.forEach((res, i) => {
        if (res !== res.toLowerCase()) read.problem(`${path}.resources[${i}]`, `must be a lower-case plural resource name, not a kind (got ${JSON.stringify(res)})`);
    });
    return {
        apiGroups: read.strings(rule.apiGroups, `${path}.apiGroups`, true, `${never}; use [""] for the core group`),
        apiVersions: read.strings(rule.apiVersions, `${path}.apiVersions`, true, never),
        operations,
        resources,
        resourceNames: read.strings(rule.resourceNames, `${path}.resourceNames`),
        scope: read.oneOf(rule.scope, `${path}.scope`, ["*", "Cluster", "Namespaced"] as const, "*"),
    };
}

function readNamed(read: ShapeReader, value: unknown, path: string, nameKey: string, exprKey: string, namePattern?: RegExp): NamedExpression[] {
    const seen = new Set<string>();
    return read.list(value, path).map((item, i) => {
        const where = `${path}[${i}]`;
        const entry = read.object(item, where, [nameKey, exprKey], true) ?? {};
        const name = read.string(entry[nameKey], `${where}.${nameKey}`, true) ?? "";
        if (namePattern && name && !namePattern.test(name)) read.problem(`${where}.${nameKey}`, `must be a CEL identifier (got ${JSON.stringify(name)})`);
        if (name && seen.has(name)) read.problem(`${where}.${nameKey}`, `duplicate ${JSON.stringify(name)}`);
        seen.add(name);
        return { name, expression: read.string(entry[exprKey], `${where}.${exprKey}`, true) ?? "" };
    });
}

function readValidation(read: ShapeReader, value: unknown, path: string): Validation {
    const entry = read.object(value, path, VALIDATION_FIELDS, true) ?? {};
    return {
        expression: read.string(entry.expression, `${path}.expression`, true) ?? "",
        message: read.string(entry.message, `${path}.message`),
        messageExpression: read.string(entry.messageExpression, `${path}.messageExpression`) || undefined,
        reason: read.oneOf(entry.reason, `${path}.reason`, REASONS, "Invalid"),
    };
}

function readActions(read: ShapeReader, value: unknown): ValidationAction[] {
    const path = "spec.validationActions";
    const actions = read.strings(value, path).map((a, i) => read.oneOf(a, `${path}[${i}]`, ACTIONS, "Audit"));
    if (new Set(actions).size !== actions.length) read.problem(path, "must not repeat an action");
    if (actions.includes("Deny") && actions.includes("Warn")) read.problem(path, "must not combine Deny and Warn");
    return actions.length > 0 ? [...new Set(actions)] : ["Deny"];
}

function readEvaluation(read: ShapeReader, value: unknown): boolean {
    const evaluation = read.object(value, "spec.evaluation", ["admission", "background", "mode"]);
    if (!evaluation) return true;
    read.oneOf(evaluation.mode, "spec.evaluation.mode", ["Kubernetes"] as const, "Kubernetes");
    read.object(evaluation.background, "spec.evaluation.background", ["enabled"]);
    const admission = read.object(evaluation.admission, "spec.evaluation.admission", ["enabled"]);
    return read.boolean(admission?.enabled, "spec.evaluation.admission.enabled") ?? true;
}
