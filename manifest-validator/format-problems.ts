import { problemsError, type UserInputError } from "../cli/errors";
import type { SchemaRegistry } from "./registry";
import type { Problem, ValidateOptions } from "./types";
import { validateManifest } from "./validate";
import { isPlainObject } from "./values";

/** `Kind/name` of a manifest, for messages. */
export function manifestId(manifest: unknown): string {
    if (!isPlainObject(manifest)) return "<not an object>";
    const kind = typeof manifest.kind === "string" ? manifest.kind : "<no kind>";
    const meta = isPlainObject(manifest.metadata) ? manifest.metadata : {};
    const name =
        typeof meta.name === "string" && meta.name !== ""
            ? meta.name
            : typeof meta.generateName === "string"
              ? `${meta.generateName}*`
              : "<no name>";
    return `${kind}/${name}`;
}

/** `path: rule` (or the rule alone for the whole object), with "(warning)" for warnings. */
export function formatProblem(p: Problem): string {
    const text = p.path === "" ? p.rule : `${p.path}: ${p.rule}`;
    return p.severity === "warning" ? `${text} (warning)` : text;
}

/** One `Kind/name: path: rule` line per problem. */
export function formatProblems(manifest: unknown, problems: readonly Problem[]): string[] {
    const id = manifestId(manifest);
    return problems.map((p) => `${id}: ${formatProblem(p)}`);
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
    return problems.filter((p) => p.severity === "error");
}

/**
 * Rejects a manifest with errors: throws UserInputError whose message names each field and rule
 * (exit code 1, "claim rejected", unless told otherwise). Returns the warnings otherwise.
 */
export function assertManifestValid(
    registry: SchemaRegistry,
    manifest: unknown,
    options: ValidateOptions & { exitCode?: number } = {},
): Problem[] {
    const problems = validateManifest(registry, manifest, options);
    const errors = errorsOf(problems);
    if (errors.length > 0) throw rejection(manifest, errors, options.exitCode ?? 1);
    return problems;
}

function rejection(manifest: unknown, errors: Problem[], exitCode: number): UserInputError {
    return problemsError(`${manifestId(manifest)} is invalid:`, errors.map(formatProblem), exitCode);
}
