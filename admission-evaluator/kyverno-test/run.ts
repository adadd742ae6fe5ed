import { UserInputError } from "../../cli/errors";
import { buildResourceMap } from "../build-resource-map";
import type { ResourceMap } from "../resource-map";
import { findTestFiles, TEST_FILE_NAME } from "./discover";
import { loadSuite } from "./load-suite";
import type { KyvernoTestReport, SuiteReport } from "./report";
import { runSuite } from "./run-suite";

export interface RunKyvernoTestsOptions {
    /** Kind ↔ plural mapping for the suites' resources (default: core kinds; unknown kinds are guessed like the CLI). */
    resourceMap?: ResourceMap;
    /** Test file name to look for (default kyverno-test.yaml, like `kyverno test --file-name`). */
    fileName?: string;
}

/**
 * Finds and runs every kyverno-test.yaml under `dirs`. A suite that cannot be loaded is reported
 * as a failed suite (the others still run); no suite at all is a UserInputError.
 */
export function runKyvernoTests(dirs: readonly string[], options: RunKyvernoTestsOptions = {}): KyvernoTestReport {
    const files = findTestFiles(dirs, options.fileName ?? TEST_FILE_NAME);
    if (files.length === 0) throw new UserInputError(`no ${options.fileName ?? TEST_FILE_NAME} found under ${dirs.join(", ")}`);
    const map = options.resourceMap ?? buildResourceMap();
    const suites = files.map((file) => runOne(file, map));
    const passed = suites.reduce((n, s) => n + s.passed, 0);
    const failed = suites.reduce((n, s) => n + s.failed, 0);
    return { suites, passed, failed, ok: failed === 0 && suites.every((s) => !s.error) };
}

function runOne(file: string, map: ResourceMap): SuiteReport {
    try {
        return runSuite(loadSuite(file, map));
    } catch (error) {
        if (!(error instanceof UserInputError)) throw error;
        return { file, name: file, rows: [], error: error.message, notes: [], passed: 0, failed: 0 };
    }
}
