import * as assert from "node:assert/strict";
import {
    errorsOf,
    formatProblem,
    loadCrdDirectory,
    parseManifests,
    validateManifest,
    type Problem,
    type SchemaRegistry,
    type ValidateOptions,
} from "../../manifest-validator";

/** The CRD directory; suites that need it are declared with `describeWithCrds` (test/helpers/crds.ts). */
export function crdDir(): string {
    const dir = process.env.PAVED_CRD_DIR;
    if (!dir) {
        throw new Error(
            "PAVED_CRD_DIR is not set: set it to the upstream CRD directory (locally `export PAVED_CRD_DIR=../shared/crds`; CI sets it)",
        );
    }
    return dir;
}

/** All upstream CRDs, loaded once per process. */
export function crdRegistry(): SchemaRegistry {
    return loadCrdDirectory(crdDir());
}

/** One manifest from YAML text (integers as bigint, as the project parses Kubernetes YAML). */
export function manifest(text: string): Record<string, unknown> {
    const docs = parseManifests(text);
    assert.equal(docs.length, 1, "expected exactly one YAML document");
    return docs[0] as Record<string, unknown>;
}

function lines(problems: readonly Problem[]): string[] {
    return problems.map(formatProblem);
}

/** No errors (warnings allowed); the failure message lists what was found. */
export function assertValid(registry: SchemaRegistry, m: unknown, options?: ValidateOptions): Problem[] {
    const problems = validateManifest(registry, m, options);
    assert.deepEqual(lines(errorsOf(problems)), [], `expected no errors, got:\n${lines(problems).join("\n")}`);
    return problems;
}

/** Exactly these errors, as `path: rule` lines, in any order. */
export function assertErrors(registry: SchemaRegistry, m: unknown, expected: string[], options?: ValidateOptions): Problem[] {
    const problems = validateManifest(registry, m, options);
    assert.deepEqual(lines(errorsOf(problems)).sort(), [...expected].sort(), `all problems:\n${lines(problems).join("\n")}`);
    return problems;
}
