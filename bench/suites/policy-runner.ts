import { runPolicyPacks } from "../../offline-engine/policy-runner";
import { pavedCompliancePack } from "../../policy-packs/paved-compliance/pack";
import { baselines, graphOf, recorded } from "../../test/policy-packs/fixtures";
import { median, timeInProcess, type BenchFigure } from "../stats";

/** (b) The whole pack over 10,000 synthetic resources: every fixture type, a third of them non-compliant, plus untaggable noise. */
export async function policyRunnerSuite(count = 10_000, iterations = 9): Promise<BenchFigure[]> {
    const types = Object.keys(baselines);
    const provider = recorded("pulumi:providers:aws", { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { Owner: "o", App: "a", Environment: "e", CostCenter: "c" } }) }, { name: "aws" });
    const resources = [provider];
    for (let i = 0; i < count - 1; i++) {
        if (i % 5 === 4) {
            resources.push(recorded("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: `r${i}`, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, { name: `n${i}`, provider: provider.urn }));
            continue;
        }
        const type = types[i % types.length];
        const props = baselines[type]();
        if (i % 3 === 0) {
            delete props.tags;
            props.enableKeyRotation = false;
            props.retentionInDays = 7;
        }
        resources.push(recorded(type, props, { name: `r${i}`, provider: provider.urn }));
    }
    const graph = graphOf(resources);
    let violations = 0;
    const samples = await timeInProcess(iterations, async () => {
        violations = (await runPolicyPacks(graph, [{ pack: pavedCompliancePack }])).results.length;
    });
    const ms = median(samples);
    return [
        { name: `policy runner: ${count} resources x ${pavedCompliancePack.policies.length} policies, median`, value: `${ms.toFixed(0)} ms (${iterations} runs, ${violations} violations found)`, target: "< 1000 ms", met: ms < 1000 },
    ];
}
