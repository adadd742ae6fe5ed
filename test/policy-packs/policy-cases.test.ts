import * as assert from "node:assert/strict";
import { runPolicyPacks } from "../../offline-engine/policy-runner";
import { pavedCompliancePack } from "../../policy-packs/paved-compliance/pack";
import type { ResourceGraph } from "../../offline-engine/graph";
import { policyCases } from "./cases";

/** Runs one policy of the pack alone (at mandatory, or remediate for remediation policies) on a graph. */
async function resultsOf(policyName: string, graph: ResourceGraph, config?: Record<string, unknown>) {
    const policy = pavedCompliancePack.policies.find((p) => p.name === policyName)!;
    const pack = { ...pavedCompliancePack, policies: [policy] };
    const level = policy.enforcementLevel === "remediate" ? "remediate" : "mandatory";
    const report = await runPolicyPacks(graph, [{ pack, config: { [policyName]: { enforcementLevel: level, ...config } } }]);
    return report;
}

describe("paved-compliance: every policy on its compliant baseline and on each breaking mutation", () => {
    it("every policy in the pack has a baseline and at least one mutation", () => {
        for (const policy of pavedCompliancePack.policies) {
            const c = policyCases[policy.name];
            assert.ok(c, `${policy.name} has no test cases in test/policy-packs/cases.ts`);
            assert.ok(c.baselines.length > 0, `${policy.name} has no compliant baseline`);
            assert.ok(c.mutations.length > 0, `${policy.name} has no breaking mutation`);
        }
        assert.deepEqual(Object.keys(policyCases).filter((name) => !pavedCompliancePack.policies.some((p) => p.name === name)), [], "cases for policies that do not exist");
    });

    for (const [name, c] of Object.entries(policyCases)) {
        describe(name, () => {
            for (const baseline of c.baselines) {
                it(`passes: ${baseline.name}`, async () => {
                    const report = await resultsOf(name, baseline.graph(), c.config);
                    assert.deepEqual(report.results.map((r) => `${r.kind}: ${r.message}`), []);
                });
            }
            for (const mutation of c.mutations) {
                it(`catches: ${mutation.name}`, async () => {
                    const report = await resultsOf(name, mutation.graph(), c.config);
                    assert.ok(report.results.length > 0, "no violation");
                    assert.ok(
                        report.results.some((r) => mutation.expect.test(r.message)),
                        `no message matches ${mutation.expect}: ${report.results.map((r) => r.message).join(" | ")}`,
                    );
                    assert.ok(report.results.every((r) => r.level === "mandatory" && r.kind !== "policy-error"));
                });
            }
        });
    }
});
