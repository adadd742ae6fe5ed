import { activationFor, type Activation } from "./activation";
import type { CompiledPolicy } from "./compile";
import { matchConstraints } from "./match";
import { evaluationError, failureMessage } from "./message";
import type { AdmissionRequest } from "./request";
import type { AdmitOptions, PolicyResult } from "./types";

type Verdict = Omit<PolicyResult, "policy" | "actions" | "auditAnnotations"> & { auditAnnotations?: Record<string, string> };

/**
 * One policy on one request, following Kyverno's vpol engine (pkg/cel/policies/vpol/compiler/policy.go):
 * match, matchConditions, then validations in order; the first false one fails the policy.
 */
export function evaluatePolicy(policy: CompiledPolicy, req: AdmissionRequest, options: AdmitOptions = {}): PolicyResult {
    let verdict: Verdict;
    try {
        verdict = judge(policy, req, options);
    } catch (error) {
        verdict = { status: "error", message: evaluationError("policy", error, "") };
    }
    return {
        policy: policy.name,
        actions: [...policy.definition.validationActions],
        ...verdict,
        auditAnnotations: verdict.auditAnnotations ?? {},
    };
}

function judge(policy: CompiledPolicy, req: AdmissionRequest, options: AdmitOptions): Verdict {
    if (!policy.definition.admissionEnabled && !options.includeAdmissionDisabled) {
        return { status: "skip", skipReason: "admissionDisabled", message: "spec.evaluation.admission.enabled is false" };
    }
    const match = matchConstraints(policy.definition.matchConstraints, req);
    if (!match.matched) return { status: "skip", skipReason: "matchConstraints", message: `not matched: ${match.reason}` };
    const activation = activationFor(policy, req);
    const conditions = matchConditions(policy, activation);
    if (conditions) return conditions;
    for (const [index, validation] of policy.validations.entries()) {
        const path = `spec.validations[${index}]`;
        let outcome: unknown;
        try {
            outcome = validation.program(activation);
        } catch (error) {
            return { status: "error", validationIndex: index, message: evaluationError(path, error, validation.definition.expression) };
        }
        if (outcome === true) continue;
        if (outcome !== false) {
            return { status: "error", validationIndex: index, message: evaluationError(path, "result is not a bool", validation.definition.expression) };
        }
        const annotations = auditAnnotations(policy, activation);
        if ("error" in annotations) return { status: "error", validationIndex: index, message: annotations.error };
        return {
            status: "fail",
            validationIndex: index,
            reason: validation.definition.reason,
            message: failureMessage(validation, index, activation),
            auditAnnotations: annotations.values,
        };
    }
    const annotations = auditAnnotations(policy, activation);
    if ("error" in annotations) return { status: "error", message: annotations.error };
    const n = policy.validations.length;
    return { status: "pass", message: `${n} validation${n === 1 ? "" : "s"} passed`, auditAnnotations: annotations.values };
}

/**
 * All conditions must be true: a false one skips the policy at once; otherwise an error skips it
 * under failurePolicy Ignore and is an error under Fail.
 */
function matchConditions(policy: CompiledPolicy, activation: Activation): Verdict | undefined {
    const errors: string[] = [];
    for (const [index, condition] of policy.matchConditions.entries()) {
        const path = `spec.matchConditions[${index}] (${condition.name})`;
        let outcome: unknown;
        try {
            outcome = condition.program(activation);
        } catch (error) {
            errors.push(evaluationError(path, error, condition.expression));
            continue;
        }
        if (outcome === false) return { status: "skip", skipReason: "matchConditions", message: `matchCondition ${JSON.stringify(condition.name)} is false` };
        if (outcome !== true) errors.push(evaluationError(path, "result is not a bool", condition.expression));
    }
    if (errors.length === 0) return undefined;
    if (policy.definition.failurePolicy === "Ignore") {
        return { status: "skip", skipReason: "matchConditions", message: `matchConditions error ignored (failurePolicy Ignore): ${errors.join("; ")}` };
    }
    return { status: "error", message: errors.join("; ") };
}

function auditAnnotations(policy: CompiledPolicy, activation: Activation): { values: Record<string, string> } | { error: string } {
    const values: Record<string, string> = {};
    for (const [index, annotation] of policy.auditAnnotations.entries()) {
        try {
            const value: unknown = annotation.program(activation);
            if (typeof value === "string" && value !== "") values[annotation.key] = value;
        } catch (error) {
            return { error: evaluationError(`spec.auditAnnotations[${index}] (${annotation.key})`, error, "") };
        }
    }
    return { values };
}
