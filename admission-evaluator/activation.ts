import { EvaluationError, type ParseResult } from "@marcbachmann/cel-js";
import type { CompiledPolicy } from "./compile";
import type { AdmissionRequest } from "./request";

/** The CEL activation of one policy on one request. */
export type Activation = Record<string, unknown>;

type VariableState = { value: unknown } | { error: EvaluationError };

/** Per-request storage behind the shared getters of a policy's `variables` prototype. */
const ACTIVATION = Symbol("activation");
const STATES = Symbol("states");

interface VariablesInstance {
    [ACTIVATION]: Activation;
    [STATES]: (VariableState | undefined)[];
}

/**
 * One prototype per compiled policy, built once: a getter per variable that evaluates it on first
 * read and remembers the value or the error for that request. Requests then only allocate a small
 * object instead of one closure and property definition per variable.
 */
const prototypes = new WeakMap<CompiledPolicy, object>();

function variablesPrototype(policy: CompiledPolicy): object {
    let proto = prototypes.get(policy);
    if (proto) return proto;
    proto = {};
    policy.variables.forEach((variable, index) => {
        Object.defineProperty(proto, variable.name, {
            enumerable: true,
            get(this: VariablesInstance) {
                const states = this[STATES];
                const state = (states[index] ??= evaluateVariable(variable.name, variable.program, this[ACTIVATION]));
                if ("error" in state) throw state.error;
                return state.value;
            },
        });
    });
    prototypes.set(policy, proto);
    return proto;
}

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
    // The instance's constructor is Object (inherited), which is how cel-js recognises the variables type.
    const variables = Object.create(variablesPrototype(policy)) as VariablesInstance;
    variables[ACTIVATION] = activation;
    variables[STATES] = new Array(policy.variables.length);
    activation.variables = variables;
    return activation;
}

function evaluateVariable(name: string, program: ParseResult, activation: Activation): VariableState {
    try {
        return { value: program(activation) };
    } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        return { error: new EvaluationError(`variables.${name}: ${message}`) };
    }
}
