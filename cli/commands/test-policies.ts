import { formatKyvernoTestReport, runKyvernoTests } from "../../admission-evaluator";
import { catalogResourceMap } from "../../admission-policies";
import { parseFlags } from "../args";
import { UserInputError } from "../errors";

export const testPoliciesUsage = "paved test-policies DIR...";

/**
 * Runs every kyverno-test.yaml under the given folders offline, the catalog's claim kinds known.
 * Exit 0 when every result is as expected, 1 otherwise, 2 on bad usage (no folder, nothing found).
 */
export async function runTestPolicies(argv: string[]): Promise<number> {
    const { positionals } = parseFlags(argv, {}, true);
    if (positionals.length === 0) throw new UserInputError(`no folder given (usage: ${testPoliciesUsage})`);
    const report = runKyvernoTests(positionals, { resourceMap: catalogResourceMap() });
    process.stdout.write(`${formatKyvernoTestReport(report)}\n`);
    return report.ok ? 0 : 1;
}
