import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { requiredTagKeys } from "../../components/tagging";
import { pavedCompliancePack } from "../../policy-packs/paved-compliance/pack";
import { parseControlTag } from "../../policy-packs/paved-compliance/policies/controls";
import { defaultRequiredTags } from "../../policy-packs/paved-compliance/policies/tagging/tag-sources";
import { renderTaggableTypesModule, scanTaggableTypes } from "../../policy-packs/paved-compliance/tools/scan-taggable-types";
import { repositoryRoot } from "../helpers/stacks";

const policiesDir = path.join(repositoryRoot, "policy-packs", "paved-compliance", "policies");
const verbs = ["enable", "disallow", "configure", "missing", "remediate"];

function policyFiles(dir = policiesDir): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
            return policyFiles(full);
        }
        const text = fs.readFileSync(full, "utf8");
        return /: (Resource|Stack)ValidationPolicy = \{/.test(text) ? [full] : [];
    });
}

describe("paved-compliance: policy metadata and layout", () => {
    for (const policy of pavedCompliancePack.policies) {
        it(`${policy.name} has complete metadata`, () => {
            assert.match(policy.name, new RegExp(`^(aws|kubernetes)-[a-z0-9]+-[a-z0-9]+-(${verbs.join("|")})-[a-z0-9-]+$`));
            assert.match(policy.description, /^[A-Z].{20,}\.$/, "description is a full sentence");
            assert.ok(policy.severity, "severity");
            assert.ok(policy.enforcementLevel, "enforcement level");
            assert.ok(policy.framework?.name && policy.framework.reference && policy.framework.specification, "framework control");
            assert.ok((policy.tags ?? []).length > 0, "control tags");
            for (const tag of policy.tags ?? []) {
                assert.ok(parseControlTag(tag), `unknown control tag ${tag}`);
            }
            assert.ok((policy.remediationSteps ?? "").length > 20, "remediation steps");
        });
    }

    it("one policy per file, named after the policy, and every file's policy is in the pack", () => {
        const files = policyFiles();
        assert.equal(files.length, pavedCompliancePack.policies.length, "policy files vs policies in the pack");
        for (const file of files) {
            const text = fs.readFileSync(file, "utf8");
            assert.equal(text.match(/ValidationPolicy = \{/g)?.length, 1, `${file} defines more than one policy`);
            const name = /name: "([^"]+)"/.exec(text)?.[1];
            assert.ok(name && pavedCompliancePack.policies.some((p) => p.name === name), `${file}: policy ${name} is not in the pack`);
            assert.ok(name.endsWith(`-${path.basename(file, ".ts")}`), `${file} is not named after ${name}`);
        }
    });

    it("policy names are unique", () => {
        const names = pavedCompliancePack.policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
    });

    it("the generated list of taggable types matches the installed @pulumi/aws", () => {
        const generated = fs.readFileSync(path.join(policiesDir, "tagging", "taggable-types.ts"), "utf8");
        assert.equal(generated, renderTaggableTypesModule(scanTaggableTypes()), "run tools/scan-taggable-types.ts after upgrading @pulumi/aws");
    });

    it("the program tags with exactly the keys the pack requires", () => {
        assert.deepEqual([...requiredTagKeys], defaultRequiredTags);
    });

    it("exactly one copy of @pulumi/pulumi is installed (mocks must reach every SDK)", () => {
        const copies: string[] = [];
        const walk = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                if (!e.isDirectory()) {
                    continue;
                }
                const full = path.join(dir, e.name);
                if (full.endsWith(path.join("@pulumi", "pulumi"))) {
                    copies.push(full);
                }
                if (e.name === "node_modules" || e.name.startsWith("@") || dir.endsWith("node_modules") || /node_modules[\\/]@[^\\/]+$/.test(dir)) {
                    walk(full);
                }
            }
        };
        walk(path.join(repositoryRoot, "node_modules"));
        assert.deepEqual(copies.map((c) => path.relative(repositoryRoot, c)), [path.join("node_modules", "@pulumi", "pulumi")]);
    });
});
