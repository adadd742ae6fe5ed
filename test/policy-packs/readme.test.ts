import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { packRunsFor } from "../../cli/packs";
import { runPolicyPacks, type PolicyEvaluation } from "../../offline-engine/policy-runner";
import { levelsOf, renderPackReadme } from "../../policy-packs/paved-compliance/tools/render-readme";
import { repositoryRoot, stackGraph } from "../helpers/stacks";

describe("paved-compliance README", () => {
    it("is current: the control table matches the pack, its coverage and the offline stacks (regenerate with tools/render-readme.ts)", async () => {
        const evaluations: PolicyEvaluation[] = [];
        const offlineTypes = new Set<string>();
        const stackLevels: Record<string, Record<string, string>> = {};
        for (const stack of ["dev", "prod"]) {
            const graph = await stackGraph(stack);
            graph.resources.forEach((r) => offlineTypes.add(r.type));
            evaluations.push(...(await runPolicyPacks(graph, packRunsFor(stack))).evaluations);
            stackLevels[stack] = levelsOf(stack);
        }
        const committed = fs.readFileSync(path.join(repositoryRoot, "policy-packs", "paved-compliance", "README.md"), "utf8");
        assert.equal(committed, renderPackReadme({ evaluations, offlineTypes, stackLevels }));
    });
});
