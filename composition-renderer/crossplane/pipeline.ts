// FunctionComposer's loop: run each step with the observed state, the desired
// state so far and the context; satisfy resource requirements; stop on Fatal.
import { UserInputError } from "../../cli/errors";
import { JsonObject, Value, deepEqual } from "../go/values";
import { FnRequest, FnResponse, FnState, Severity } from "../pt/function-types";
import { CompositionInfo } from "./composition";
import { KnownFunction, functionFor } from "./functions";
import { fetchRequired, sameRequirements } from "./required";

const MAX_REQUIREMENTS_ITERATIONS = 5;

function toValue(v: Record<string, JsonObject[]>): Value {
    return v as unknown as Value;
}

export interface StepResult {
    step: string;
    severity: Exclude<Severity, "Fatal">;
    message: string;
    target: "Composite" | "CompositeAndClaim";
}

export interface PipelineOutput {
    desired: FnState;
    context: JsonObject;
    results: StepResult[];
}

/** FetchingFunctionRunner: rerun the function until its requirements stop changing. */
function runWithRequirements(run: (r: FnRequest) => FnResponse, req: FnRequest, available: JsonObject[]): FnResponse {
    let previous: FnResponse["requirements"];
    for (let i = 0; i <= MAX_REQUIREMENTS_ITERATIONS; i++) {
        const rsp = run(req);
        if (rsp.results.some((r) => r.severity === "Fatal")) return rsp;
        if (sameRequirements(rsp.requirements?.resources, previous?.resources)) return rsp;
        const next: Record<string, JsonObject[]> = {};
        for (const [n, sel] of Object.entries(rsp.requirements?.resources ?? {})) next[n] = fetchRequired(sel, available);
        if (i === 0 && deepEqual(toValue(req.requiredResources ?? {}), toValue(next))) return rsp;
        previous = rsp.requirements;
        // An empty map does not survive the wire: the function sees none.
        req = { ...req, requiredResources: Object.keys(next).length > 0 ? next : undefined, context: rsp.context };
    }
    throw new UserInputError(`requirements didn't stabilize after the maximum number of iterations (${MAX_REQUIREMENTS_ITERATIONS})`);
}

export function runPipeline(
    composition: CompositionInfo,
    observed: FnState,
    available: JsonObject[],
    aliases: Record<string, KnownFunction> = {},
): PipelineOutput {
    let desired: FnState = {};
    let context: JsonObject = {};
    const results: StepResult[] = [];
    composition.pipeline.forEach((step, index) => {
        const run = functionFor(step.functionName, step.step, index, aliases);
        const req: FnRequest = { observed, desired, context };
        if (step.input) req.input = step.input;
        const rsp = runWithRequirements(run, req, available);
        desired = rsp.desired ?? {};
        context = rsp.context ?? {};
        for (const r of rsp.results) {
            if (r.severity === "Fatal") {
                const comp = composition.name ? `Composition "${composition.name}": ` : "";
                throw new UserInputError(`${comp}pipeline step "${step.step}" returned a fatal result: ${r.message}`);
            }
            results.push({ step: step.step, severity: r.severity, message: r.message, target: r.target ?? "Composite" });
        }
    });
    return { desired, context, results };
}
