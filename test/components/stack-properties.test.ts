import * as assert from "node:assert/strict";
import fc from "fast-check";
import { UserInputError } from "../../cli/errors";
import { requiredTagKeys } from "../../components/tagging";
import { blockingResults } from "../../offline-engine/preview";
import { Recorder } from "../../offline-engine/recording-monitor";
import { runProgram } from "../../offline-engine/run-program";
import { effectiveTags, taggingKind } from "../../policy-packs/paved-compliance/policies/tagging/tag-sources";
import { invalidStackConfig, validStackConfig } from "../helpers/config-arbitrary";
import { repositoryRoot, stackPolicies } from "../helpers/stacks";
import type { ResourceGraph } from "../../offline-engine/graph";

/** Every taggable resource's effective tags (own + provider defaults) hold the four required keys. */
function untagged(graph: ResourceGraph): string[] {
    const providers = new Map(graph.resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
    const bad: string[] = [];
    for (const r of graph.resources) {
        const kind = taggingKind(r.type);
        if (!kind) {
            continue;
        }
        const provider = r.provider ? providers.get(r.provider) : undefined;
        const tags = effectiveTags({ props: r.inputs, provider: provider && { type: provider.type, name: provider.name, urn: provider.urn, props: provider.inputs } }, kind);
        const missing = requiredTagKeys.filter((k) => !tags[k]);
        if (missing.length > 0) {
            bad.push(`${r.urn} lacks ${missing.join(", ")}`);
        }
    }
    return bad;
}

describe("the stack, for any valid config", () => {
    it("property: zero mandatory violations, every taggable resource carries the four tags, nothing unknown offline", async function () {
        this.timeout(600_000); // each run is the whole program (a few seconds); slow CI machines must not flake
        await fc.assert(
            fc.asyncProperty(validStackConfig, async (config) => {
                const graph = await runProgram({ programPath: repositoryRoot, stack: "dev", config: config.flat });
                const report = await stackPolicies(graph);
                assert.deepEqual(blockingResults(report.results).map((r) => `${r.policy}: ${r.name}: ${r.message}`), []);
                assert.deepEqual(untagged(graph), []);
                assert.deepEqual(graph.resources.filter((r) => r.unknownInputs.length > 0).map((r) => r.urn), [], "a fake output is missing");
                const tagged = graph.resources.filter((r) => taggingKind(r.type));
                assert.ok(tagged.length > 20, "the property looked at the taggable resources");
                assert.equal(tagged.find((r) => r.type === "eks:index:Cluster")?.inputs.tags && true, true);
            }),
            { numRuns: 12 },
        );
    });

    it("property: any config the schema rejects stops with exit 2 before any resource is registered", async function () {
        this.timeout(600_000);
        await fc.assert(
            fc.asyncProperty(invalidStackConfig, async ({ config, corruption }) => {
                const recorder = new Recorder();
                await assert.rejects(runProgram({ programPath: repositoryRoot, stack: "dev", config: config.flat, recorder }), (e: unknown) => {
                    assert.ok(e instanceof UserInputError, `${corruption.describe}: ${String(e)}`);
                    assert.equal(e.exitCode, 2);
                    assert.match(e.message, /^invalid stack config:\n/);
                    assert.ok(e.message.includes(corruption.expectPath), `${corruption.describe}: ${e.message}`);
                    assert.doesNotMatch(e.message, /\n\s+at /, "no stack trace");
                    return true;
                });
                const registered = recorder.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
                assert.deepEqual(registered.map((r) => r.urn), [], `${corruption.describe}: resources were registered`);
            }),
            { numRuns: 30 },
        );
    });
});
