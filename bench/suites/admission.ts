import { admit } from "../../admission-evaluator";
import { admissionPoliciesForStack, compiledAdmissionPolicies } from "../../admission-policies";
import { loadCatalog } from "../../catalog";
import { median, timeInProcess, type BenchFigure } from "../stats";

/**
 * (c) 10,000 claim admissions against a stack's admission policies compiled once: the claims of
 * every suite of the stack (catalog examples, compliant, minimal and rule-breaking claims of every
 * kind) taken in turn, so passes, failures and skips all occur.
 */
export async function admissionSuite(count = 10_000, iterations = 9): Promise<BenchFigure[]> {
    const figures: BenchFigure[] = [];
    for (const stack of ["dev", "prod"]) {
        const compileStart = process.hrtime.bigint();
        const compiled = compiledAdmissionPolicies(stack);
        const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
        const claims = admissionPoliciesForStack(stack, loadCatalog()).rendered.flatMap((r) => (r.cases ?? []).filter((c) => !c.operation).map((c) => c.object));
        let denied = 0;
        const samples = await timeInProcess(iterations, () => {
            denied = 0;
            for (let i = 0; i < count; i++) denied += admit(compiled, { object: claims[i % claims.length] }).admitted ? 0 : 1;
        });
        const ms = median(samples);
        figures.push({
            name: `admission ${stack}: ${count} claim admissions x ${compiled.policies.length} policies (compiled once in ${compileMs.toFixed(0)} ms), median`,
            value: `${ms.toFixed(0)} ms (${iterations} runs, ${claims.length} distinct claims, ${denied} denied)`,
            target: "< 1000 ms",
            met: ms < 1000,
        });
    }
    return figures;
}
