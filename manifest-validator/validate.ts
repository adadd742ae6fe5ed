import { evaluateRules, hasRules } from "./cel-rules";
import { applyDefaults, pruneNonNullableNulls } from "./defaults";
import { pruneUnknownFields } from "./prune";
import { gvkKey, splitApiVersion, type SchemaRegistry } from "./registry";
import { validateResource } from "./schema-walk";
import type { KindSchema, Problem, ProblemType, ValidateOptions } from "./types";
import { deepCopy, isPlainObject, type JsonObject } from "./values";

export interface ValidationResult {
    readonly problems: Problem[];
    /** The object as the API server would store it: pruned, defaulted (unless applyDefaults is false). */
    readonly object?: JsonObject;
    readonly kindSchema?: KindSchema;
}

/** Error types that make the API server skip CEL rules (hasBlockingErr). */
const blocking = new Set<ProblemType>(["NotSupported", "Required", "TooLong", "TooMany", "TypeInvalid"]);

const skippedRules =
    "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

function err(path: string, rule: string, type: ProblemType): Problem {
    return { path, rule, type, severity: "error" };
}

/** Checks apiVersion and kind and finds the schema, or says why not. */
function identify(registry: SchemaRegistry, obj: unknown): { entry?: KindSchema; problems: Problem[] } {
    if (!isPlainObject(obj)) return { problems: [err("", "must be an object (a Kubernetes manifest)", "TypeInvalid")] };
    const problems: Problem[] = [];
    for (const f of ["apiVersion", "kind"]) {
        const v = obj[f];
        if (v === undefined || v === null || v === "") problems.push(err(f, "is required", "Required"));
        else if (typeof v !== "string") problems.push(err(f, "must be string", "TypeInvalid"));
    }
    if (problems.length > 0) return { problems };
    const apiVersion = obj.apiVersion as string;
    const kind = obj.kind as string;
    const entry = registry.lookup(apiVersion, kind);
    if (entry) return { entry, problems };
    const { group, version } = splitApiVersion(apiVersion);
    const known = registry.versionsOf(group, kind);
    const hint = known.length > 0 ? ` (served versions of ${kind}: ${known.join(", ")})` : "";
    problems.push(err("", `no schema for ${gvkKey({ group, version, kind })} in ${registry.source}${hint}`, "NoSchema"));
    return { problems };
}

/**
 * Validates one manifest as the API server would on create, in its order: prune unknown fields,
 * drop non-nullable nulls, apply defaults, check ObjectMeta and the structural schema, then run
 * the CEL rules (skipped when a type/required/enum/size error exists, as the API server does).
 */
export function validateAndDefault(registry: SchemaRegistry, manifest: unknown, options: ValidateOptions = {}): ValidationResult {
    const { entry, problems } = identify(registry, manifest);
    if (!entry) return { problems };
    if (entry.deprecated) {
        const text = entry.deprecationWarning ?? `${gvkKey(entry)} is deprecated`;
        problems.push({ path: "apiVersion", rule: text, type: "Deprecated", severity: "warning" });
    }
    const obj = deepCopy(manifest as JsonObject);
    const strict = options.strict !== false;
    for (const path of pruneUnknownFields(obj, entry.schema)) {
        problems.push({ path, rule: "unknown field", type: "UnknownField", severity: strict ? "error" : "warning" });
    }
    pruneNonNullableNulls(obj, entry.schema);
    if (options.applyDefaults !== false) applyDefaults(obj, entry.schema);
    if (entry.statusSubresource && obj.status !== undefined) {
        delete obj.status;
        const rule = "is dropped on create (status subresource): not validated";
        problems.push({ path: "status", rule, type: "Forbidden", severity: "warning" });
    }
    const schemaProblems = validateResource(obj, entry.schema, {
        requireName: options.requireName !== false,
        namespaced: entry.scope === "Namespaced",
    });
    problems.push(...schemaProblems);
    if (hasRules(entry.schema)) {
        const blocked = schemaProblems.some((p) => p.severity === "error" && blocking.has(p.type));
        if (blocked && !options.celWhenInvalid) {
            problems.push({ path: "", rule: skippedRules, type: "RulesSkipped", severity: "warning" });
        } else {
            problems.push(...evaluateRules(obj, entry.schema));
        }
    }
    return { problems: dedupe(problems), object: obj, kindSchema: entry };
}

/** The problems of one manifest (errors and warnings); an empty list means it would be admitted. */
export function validateManifest(registry: SchemaRegistry, manifest: unknown, options: ValidateOptions = {}): Problem[] {
    return validateAndDefault(registry, manifest, options).problems;
}

function dedupe(problems: Problem[]): Problem[] {
    const seen = new Set<string>();
    return problems.filter((p) => {
        const key = `${p.severity}\u0000${p.path}\u0000${p.rule}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
