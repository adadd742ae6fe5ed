import * as assert from "node:assert/strict";
import * as path from "node:path";
import { renderAll } from "../../cli/commands/preview";
import { packRunsFor } from "../../cli/packs";
import { preview, type PreviewResult } from "../../offline-engine/preview";
import { repositoryRoot } from "../helpers/stacks";

describe("offline engine: preview reports", () => {
    let clean: PreviewResult;
    let dirty: PreviewResult;
    before(async () => {
        clean = await preview({ programPath: repositoryRoot, stack: "dev", packs: packRunsFor("dev") });
        dirty = await preview({ programPath: path.join(repositoryRoot, "test", "fixtures", "programs", "unguarded-app"), stack: "dev", packs: packRunsFor("dev") });
    });

    it("JSON carries the contract's fields: stack, resources {urn,type,name,parent,inputs}, violations {policy,pack,level,urn,message}", () => {
        const json = JSON.parse(renderAll(dirty).json);
        assert.equal(json.stack, "dev");
        for (const r of json.resources) {
            for (const k of ["urn", "type", "name", "parent", "inputs"]) {
                assert.ok(k in r, `resource lacks ${k}`);
            }
        }
        assert.ok(json.violations.length >= 5);
        for (const v of json.violations) {
            for (const k of ["policy", "pack", "level", "urn", "message"]) {
                assert.ok(k in v && v[k] !== undefined, `violation lacks ${k}`);
            }
        }
        assert.equal(json.summary.mandatoryViolations, json.violations.filter((v: { level: string }) => v.level === "mandatory").length);
    });

    it("text shows the tree, counts by type, results grouped by level with URN, and marks remote components", () => {
        const text = renderAll(clean).text;
        assert.match(text, /\+ {3}├─ paved:network:Network +network\n/);
        assert.match(text, /awsx:ec2:Vpc +network-vpc {2}\[remote: children not visible offline\]/);
        assert.match(text, /\n {8}10 {2}aws:ec2\/vpcEndpoint:VpcEndpoint\n/);
        assert.match(text, /0 mandatory violations/);
        const dirtyText = renderAll(dirty).text;
        assert.match(dirtyText, /mandatory \(\d+\):\n {10}\[aws-kms-key-enable-key-rotation\] aws:kms\/key:Key "app-key"\n {14}urn: urn:pulumi:dev::unguarded-app::aws:kms\/key:Key::app-key\n/);
    });

    it("Markdown is a pull-request comment: verdict, table of violations, folded details", () => {
        const md = renderAll(dirty).md;
        assert.match(md, /^### ❌ paved offline preview — `unguarded-app` \/ `dev`/);
        assert.match(md, /\| level \| policy \| resource \| message \|/);
        assert.match(md, /\| mandatory \| `aws-ec2-securitygroup-disallow-public-ingress` \| `web` \(aws:ec2\/securityGroup:SecurityGroup\) \| ingress\[0\] allows tcp\/22 from 0.0.0.0\/0. \|/);
        assert.match(renderAll(clean).md, /^### ✅/);
    });

    it("SARIF 2.1.0: one rule per policy, one result per violation, levels mapped, no timestamps", () => {
        const sarif = JSON.parse(renderAll(dirty).sarif);
        assert.equal(sarif.version, "2.1.0");
        const run = sarif.runs[0];
        const rules = run.tool.driver.rules;
        assert.equal(rules.length, dirty.packs[0].policies.length);
        assert.equal(new Set(rules.map((r: { id: string }) => r.id)).size, rules.length);
        const violations = dirty.results.filter((r) => r.kind !== "remediation");
        assert.equal(run.results.length, violations.length);
        for (const result of run.results) {
            assert.equal(rules[result.ruleIndex].id, result.ruleId);
            assert.ok(["error", "warning"].includes(result.level));
            assert.match(result.locations[0].logicalLocations[0].fullyQualifiedName, /^urn:pulumi:/);
        }
        assert.doesNotMatch(renderAll(dirty).sarif, /\d{4}-\d{2}-\d{2}T\d{2}:/);
        assert.ok(rules.every((r: { properties: { tags: string[] } }) => r.properties.tags.length > 0), "every rule names its controls");
    });
});
