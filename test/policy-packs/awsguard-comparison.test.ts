import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pavedCompliancePack } from "../../policy-packs/paved-compliance/pack";
import { repositoryRoot } from "../helpers/stacks";

const stance: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repositoryRoot, "awsguard-comparison", "stance.json"), "utf8"));
const table = fs.readFileSync(path.join(repositoryRoot, "policy-packs", "paved-compliance", "awsguard-comparison.md"), "utf8");

describe("comparison with @pulumi/awsguard (npm run compare:awsguard)", () => {
    it("every awsguard policy in the committed comparison has a stated answer", () => {
        const section = table.split("## awsguard policies and where paved-compliance stands")[1] ?? "";
        const policies = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
        assert.ok(policies.length >= 20, "the comparison lists awsguard's policies");
        for (const p of policies) {
            assert.ok(stance[p], `no stance for awsguard policy ${p} in awsguard-comparison/stance.json`);
        }
    });

    it("every paved-compliance policy the stance cites exists", () => {
        const cited = Object.values(stance).flatMap((s) => [...s.matchAll(/`((?:aws|kubernetes)-[a-z0-9-]+)`/g)].map((m) => m[1]));
        for (const name of cited) {
            assert.ok(pavedCompliancePack.policies.some((p) => p.name === name), `stance cites ${name}, which is not in the pack`);
        }
    });

    it("no deliberately non-compliant resource that awsguard catches is missed by paved-compliance", () => {
        const rows = (table.split("## Deliberately non-compliant resources")[1] ?? "").split("## ")[0].split("\n").filter((l) => l.startsWith("| `"));
        for (const row of rows) {
            const [, resource, , ours, theirs] = row.split(" | ").map((c) => c.trim());
            if (theirs && theirs !== "— |" && theirs !== "—") {
                assert.notEqual(ours, "—", `${resource}: awsguard catches it, paved-compliance does not`);
            }
        }
    });
});
