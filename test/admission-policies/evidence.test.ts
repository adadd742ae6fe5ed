import { strict as assert } from "assert";
import "../../cli/commands/evidence";
import { buildEvidence } from "../../audit-evidence";
import { packRunsFor } from "../../cli/packs";
import { admissionMarkdown } from "../../admission-policies/evidence";
import { repositoryRoot } from "../helpers/stacks";
import { allStacks, policiesOf } from "./helpers";

describe("admission-policies: admission.md in the evidence bundle", function () {
    this.timeout(300_000);
    for (const stack of allStacks) {
        it(`${stack}: names each policy, what it enforces, and every suite case with its outcome`, () => {
            const md = admissionMarkdown(stack, ["(provenance)"]);
            assert.match(md, new RegExp(`^# Admission policies — stack ${stack}\\n\\n\\(provenance\\)`));
            assert.match(md, /Suites: \d+ cases as expected, 0 not\./);
            for (const r of policiesOf(stack).rendered) {
                const name = r.policy.metadata.name;
                assert.match(md, new RegExp(`## ${name} \\(${r.policy.kind}\\)`));
                for (const c of r.cases ?? []) {
                    const row = new RegExp(`\\| \`${c.object.metadata.namespace}/${c.name}\` \\| ${c.kind} \\| ${c.operation ?? "CREATE"} \\| ${c.expected} \\| ${c.expected} \\|`);
                    assert.match(md, row, `${name}: ${c.name}`);
                }
            }
            assert.equal(admissionMarkdown(stack, ["(provenance)"]), md, "reproducible");
        });
    }

    it("paved evidence writes it (the evidence command registers the section)", async () => {
        const bundle = await buildEvidence({ stack: "dev", repositoryRoot, packs: packRunsFor("dev"), toolVersion: "test" });
        assert.ok(bundle.files["admission.md"]?.startsWith("# Admission policies — stack dev\n\nProduced by `paved evidence --stack dev`"));
    });
});
