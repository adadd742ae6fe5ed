import * as path from "path";
import type { Operation, PolicyStatus } from "../types";
import type { ExpectedResult } from "./test-file";

/** One expectation of a suite on one resource: `results[index]` × one resource. */
export interface TestRow {
    /** Index in the Test's `results`. */
    index: number;
    policy: string;
    kind: string;
    /** "namespace/name" or "name". */
    resource: string;
    operation: Operation;
    expected: ExpectedResult;
    actual: PolicyStatus | "not found";
    ok: boolean;
    /** The policy's message (failure, error, skip reason) or why the row could not run. */
    message: string;
    /** How the real `kyverno test` would report this row differently, when it would. */
    compatibility?: string;
}

export interface SuiteReport {
    file: string;
    name: string;
    rows: TestRow[];
    /** The suite could not be loaded (bad YAML, missing file, invalid policy). */
    error?: string;
    notes: string[];
    passed: number;
    failed: number;
}

export interface KyvernoTestReport {
    suites: SuiteReport[];
    passed: number;
    failed: number;
    /** True when every row of every suite is as expected and no suite failed to load. */
    ok: boolean;
}

/** Text report: one line per row, then every failure in full, then the totals. */
export function formatKyvernoTestReport(report: KyvernoTestReport): string {
    const lines: string[] = [];
    for (const suite of report.suites) {
        lines.push(`${suite.error ? "ERROR" : suite.failed > 0 ? "FAIL" : "ok"}  ${suite.name} (${shortPath(suite.file)})`);
        if (suite.error) lines.push(indent(suite.error, "      "));
        for (const row of suite.rows) lines.push(`  ${row.ok ? "✓" : "✗"} ${rowSummary(row)}`);
        for (const note of suite.notes) lines.push(`  note: ${note}`);
    }
    const failures = report.suites.flatMap((s) => s.rows.filter((r) => !r.ok).map((r) => ({ suite: s, row: r })));
    if (failures.length > 0) {
        lines.push("", "Failures:");
        for (const { suite, row } of failures) {
            lines.push(`  ${shortPath(suite.file)} results[${row.index}]`);
            lines.push(`    policy:    ${row.policy}`);
            lines.push(`    resource:  ${row.kind} ${row.resource} (${row.operation})`);
            lines.push(`    expected:  ${row.expected}`);
            lines.push(`    got:       ${row.actual}`);
            lines.push(`    message:   ${row.message}`);
        }
    }
    const broken = report.suites.filter((s) => s.error).length;
    lines.push("", `${report.passed} passed, ${report.failed} failed in ${report.suites.length} suite${report.suites.length === 1 ? "" : "s"}` +
        (broken > 0 ? ` (${broken} could not be loaded)` : ""));
    return lines.join("\n");
}

function rowSummary(row: TestRow): string {
    const head = `${row.policy}  ${row.kind} ${row.resource}  ${row.operation}`;
    const verdict = row.ok ? row.actual : `expected ${row.expected}, got ${row.actual}`;
    const compat = row.compatibility ? `  [kyverno test: ${row.compatibility}]` : "";
    return `${head}  ${verdict}${row.ok && row.actual === "pass" ? "" : ` — ${row.message}`}${compat}`;
}

/** Relative to the working directory when inside it. */
function shortPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") ? file : relative;
}

function indent(text: string, prefix: string): string {
    return text.split("\n").map((line) => prefix + line).join("\n");
}
