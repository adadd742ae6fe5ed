import type { CompiledPolicySet } from "./compile";
import { evaluatePolicy } from "./evaluate-policy";
import { buildRequest } from "./request";
import type { AdmissionInput, AdmissionResult, AdmitOptions, PolicyResult } from "./types";

/**
 * Judges one request with every compiled policy. Never throws: a CEL runtime error is the
 * policy's `error` status. Only the Deny action denies (on fail or error, as Kyverno's webhook
 * answers); Warn collects warnings; Audit only records.
 */
export function admit(compiled: CompiledPolicySet, input: AdmissionInput, options: AdmitOptions = {}): AdmissionResult {
    let req;
    try {
        req = buildRequest(input, compiled.resourceMap);
    } catch (error) {
        return unreadable(compiled, input, error);
    }
    const results = compiled.policies.map((policy) => evaluatePolicy(policy, req, options));
    return summarize(results, req.notes, req.summary);
}

function summarize(results: PolicyResult[], notes: string[], request: AdmissionResult["request"]): AdmissionResult {
    const denials: string[] = [];
    const warnings: string[] = [];
    for (const result of results) {
        if (result.status !== "fail" && result.status !== "error") continue;
        const line = `Policy ${result.policy} ${result.status === "fail" ? "failed" : "error"}: ${result.message}`;
        if (result.actions.includes("Deny")) denials.push(line);
        if (result.actions.includes("Warn")) warnings.push(line);
    }
    return { admitted: denials.length === 0, results, denials, warnings, notes, request };
}

/** An input that cannot be read as JSON (cyclic, exotic): every policy errors. */
function unreadable(compiled: CompiledPolicySet, input: AdmissionInput, error: unknown): AdmissionResult {
    const message = `cannot read the request: ${error instanceof Error ? error.message : String(error)}`;
    const results = compiled.policies.map((p): PolicyResult => ({
        policy: p.name, status: "error", message, actions: [...p.definition.validationActions], auditAnnotations: {},
    }));
    const request = { operation: input.operation ?? "CREATE", group: "", version: "", kind: "", resource: "", namespace: "", name: "" };
    return summarize(results, [], request);
}
