// The parts of an apiextensions.crossplane.io/v1 Composition the renderer reads,
// checked with one clear message per problem.
import { UserInputError } from "../../cli/errors";
import { JsonObject, isObject } from "../go/values";
import { describe, metaString, str } from "./object";

export interface PipelineStep {
    step: string;
    functionName: string;
    input?: JsonObject;
}

export interface CompositionInfo {
    name: string;
    compositeApiVersion: string;
    compositeKind: string;
    writeConnectionSecretsToNamespace?: string;
    pipeline: PipelineStep[];
}

function bad(field: string, rule: string): UserInputError {
    return new UserInputError(`Composition ${field}: ${rule}`);
}

/** What readComposition found, by Composition object (a Composition does not change once loaded). Frozen. */
const read = new WeakMap<JsonObject, CompositionInfo>();

/** The parts of a Composition the renderer reads; throws UserInputError naming the field and rule. */
export function readComposition(c: JsonObject): Readonly<CompositionInfo> {
    let info = read.get(c);
    if (info === undefined) {
        info = parseComposition(c);
        // Step inputs stay the Composition's own objects (the functions key their decoded inputs by them).
        for (const step of info.pipeline) Object.freeze(step);
        Object.freeze(info.pipeline);
        read.set(c, Object.freeze(info));
    }
    return info;
}

function parseComposition(c: JsonObject): CompositionInfo {
    if (str(c.apiVersion) !== "apiextensions.crossplane.io/v1" || str(c.kind) !== "Composition") {
        throw new UserInputError(`expected an apiextensions.crossplane.io/v1 Composition, got ${str(c.apiVersion) || "no apiVersion"} ${describe(c)}`);
    }
    const name = metaString(c, "name");
    const spec = isObject(c.spec) ? c.spec : undefined;
    if (!spec) throw bad("spec", "is required");
    const mode = spec.mode ?? "Pipeline";
    if (mode !== "Pipeline") throw bad("spec.mode", `must be Pipeline (the only mode in Crossplane v2), got ${JSON.stringify(mode)}`);
    const ref = isObject(spec.compositeTypeRef) ? spec.compositeTypeRef : undefined;
    if (!ref || !str(ref.apiVersion) || !str(ref.kind)) throw bad("spec.compositeTypeRef", "apiVersion and kind are required");
    const pipeline = spec.pipeline;
    if (!Array.isArray(pipeline) || pipeline.length === 0) throw bad("spec.pipeline", "must list at least one step");
    const seen = new Set<string>();
    const steps = pipeline.map((s, i): PipelineStep => {
        const at = `spec.pipeline[${i}]`;
        if (!isObject(s)) throw bad(at, "must be an object");
        const step = str(s.step);
        if (!step) throw bad(`${at}.step`, "is required");
        if (seen.has(step)) throw bad(`${at}.step`, `step names must be unique, "${step}" repeats`);
        seen.add(step);
        const fn = isObject(s.functionRef) ? str(s.functionRef.name) : "";
        if (!fn) throw bad(`${at}.functionRef.name`, "is required");
        if (s.input !== undefined && s.input !== null && !isObject(s.input)) throw bad(`${at}.input`, "must be an object");
        return { step, functionName: fn, input: isObject(s.input) ? s.input : undefined };
    });
    const ns = spec.writeConnectionSecretsToNamespace;
    return {
        name,
        compositeApiVersion: str(ref.apiVersion),
        compositeKind: str(ref.kind),
        writeConnectionSecretsToNamespace: typeof ns === "string" && ns !== "" ? ns : undefined,
        pipeline: steps,
    };
}
