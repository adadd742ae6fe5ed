import * as assert from "node:assert/strict";
import { buildEvidence, type EvidenceBundle } from "../../audit-evidence";
import "../../admission-policies/evidence";
import "../../catalog/evidence";
import { packRunsFor } from "../../cli/packs";
import { repositoryRoot } from "../helpers/stacks";

describe("audit evidence bundle", () => {
    let first: EvidenceBundle;
    let second: EvidenceBundle;
    before(async () => {
        first = await buildEvidence({ stack: "prod", repositoryRoot, packs: packRunsFor("prod"), toolVersion: "test" });
        second = await buildEvidence({ stack: "prod", repositoryRoot, packs: packRunsFor("prod"), toolVersion: "test" });
    });

    it("is reproducible: two runs give byte-identical files, with no clock inside", () => {
        assert.deepEqual(Object.keys(first.files).sort(), Object.keys(second.files).sort());
        for (const [file, content] of Object.entries(first.files)) {
            assert.equal(content, second.files[file], `${file} differs between runs`);
            assert.doesNotMatch(content, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${file} contains a timestamp`);
        }
    });

    it("prod has zero mandatory violations", () => {
        assert.equal(first.mandatoryViolations, 0);
        assert.equal(JSON.parse(first.files["results.json"]).summary.mandatoryViolations, 0);
    });

    it("controls.md lists each control with its policies and every checked resource by URN", () => {
        const md = first.files["controls.md"];
        assert.match(md, /\| AWS Foundational Security Best Practices \| EKS\.3 \| `aws-eks-cluster-enable-secrets-encryption` \| 1 \| 0 \|/);
        assert.match(md, /## AWS Foundational Security Best Practices KMS\.4\n\n### `aws-kms-key-enable-key-rotation`/);
        assert.match(md, /\| pass \| `urn:pulumi:prod::paved::paved:encryption:PlatformKeys\$aws:kms\/key:Key::keys-data` \|/);
    });

    it("change-control.md answers who can deploy (repository, branch, workflow), who reviews and how", () => {
        const md = first.files["change-control.md"];
        assert.match(md, /\| `paved-prod-deploy` \| OIDC token\.actions\.githubusercontent\.com \| .*sub StringEquals repo:acme-bank\/paved-platform:ref:refs\/heads\/main.*job_workflow_ref StringEquals acme-bank\/paved-platform\/\.github\/workflows\/deploy\.yml@refs\/heads\/main/);
        assert.match(md, /\| `\/policy-packs\/` \| @acme-bank\/platform-security \|/);
        assert.match(md, /### `\.github\/workflows\/deploy\.yml` — deploy/);
        assert.match(md, /pulumi up \(policy packs: policy-packs\/paved-compliance\)/);
    });

    it("the bundle holds the six files the auditors read", () => {
        assert.deepEqual(Object.keys(first.files).sort(), ["admission.md", "catalog.md", "change-control.md", "controls.md", "results.json", "results.sarif"]);
    });

    it("catalog.md renders every example claim and every compliance invariant holds on it", () => {
        const md = first.files["catalog.md"];
        const rows = md.split("\n").filter((l) => /^\| [A-Za-z0-9]+ \| `catalog\//.test(l));
        assert.ok(rows.length >= 8, `every example claim is listed (${rows.length})`);
        for (const row of rows) {
            assert.match(row, /\| all hold \|$/, row);
        }
        assert.match(md, /## PostgreSQLInstance: `catalog\/postgresql\/examples\/reference-claim\.yaml`/);
    });

    it("SARIF and JSON carry the same results", () => {
        const sarif = JSON.parse(first.files["results.sarif"]);
        const json = JSON.parse(first.files["results.json"]);
        assert.equal(sarif.runs[0].results.length, json.violations.length);
    });
});
