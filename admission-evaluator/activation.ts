import { EvaluationError, type ParseResult } from "@marcbachmann/cel-js";
import type { CompiledPolicy } from "./compile";
import type { AdmissionRequest } from "./request";

/** The CEL activation of one policy on one request. */
export type Activation = Record<string, unknown>;

/**
 * `object`, `oldObject`, `request`, `namespaceObject` and `variables`, the latter evaluated
 * lazily and at most once each (Kyverno's lazy.MapValue): a variable no validation reads never
 * runs, and a failing variable only fails the expressions that read it.
 */
export function activationFor(policy: CompiledPolicy, req: AdmissionRequest): Activation {
    const activation: Activation = {
        object: req.object,
        oldObject: req.oldObject,
        request: req.request,
        namespaceObject: req.namespaceObject,
    };
    const variables: Record<string, unknown> = {};
    for (const variable of policy.variables) {
        let state: { value: unknown } | { error: EvaluationError } | undefined;
        Object.defineProperty(variables, variable.name, {
            enumerable: true,
            get: () => {
                state ??= evaluateVariable(variable.name, variable.program, activation);
                if ("error" in state) throw state.error;
                return state.value;
            },
        });
    }
    activation.variables = variables;
    return activation;
}

function evaluateVariable(name: string, program: ParseResult, activation: Activation): { value: unknown } | { error: EvaluationError } {
    try {
        return { value: program(activation) };
    } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        return { error: new EvaluationError(`variables.${name}: ${message}`) };
    }
}
