import { strict as assert } from "assert";
import * as path from "path";
import { guessPlural, readKubernetesYaml, runKyvernoTests } from "../../admission-evaluator";
import { loadCatalog } from "../../catalog";
import { catalogResourceMap, policiesDir, stackFiles } from "../../admission-policies";
import { filesOnDisk } from "../../admission-policies/files";
import { allStacks, policiesOf } from "./helpers";

describe("admission-policies: committed policies and suites", () => {
    for (const stack of allStacks) {
        describe(`stack ${stack}`, () => {
            it("the committed files are exactly what the generator produces (regenerate: npx tsx admission-policies/generate.ts)", () => {
                const expected = stackFiles(stack, loadCatalog());
                const onDisk = filesOnDisk(stack);
                assert.deepEqual(Object.keys(onDisk).sort(), Object.keys(expected).sort(), "files added or missing");
                for (const [file, content] of Object.entries(expected)) {
                    assert.equal(onDisk[file], content, `${file} differs from the generator's output`);
                }
            });

            it("has one ValidatingPolicy per catalog claim kind plus claim-labels, each beside its kyverno-test suite", () => {
                const { validating } = policiesOf(stack);
                const kinds = loadCatalog().apis.map((a) => `${a.claimKind.toLowerCase()}-claims`);
                assert.deepEqual(validating.map((p) => p.metadata.name).sort(), ["claim-labels", ...kinds].sort());
                const files = Object.keys(filesOnDisk(stack));
                for (const p of validating) {
                    assert.ok(files.includes(`${stack}/${p.metadata.name}/${p.metadata.name}.yaml`));
                    assert.ok(files.includes(`${stack}/${p.metadata.name}/.kyverno-test/kyverno-test.yaml`));
                }
            });

            it("every suite passes offline and has pass, fail and skip cases", () => {
                const report = runKyvernoTests([path.join(policiesDir, stack)], { resourceMap: catalogResourceMap() });
                assert.ok(report.ok, report.suites.flatMap((s) => s.rows.filter((r) => !r.ok).map((r) => `${s.name}: ${r.resource} ${r.expected} → ${r.actual}: ${r.message}`)).join("\n"));
                assert.equal(report.suites.length, policiesOf(stack).validating.length);
                for (const suite of report.suites) {
                    const outcomes = new Set(suite.rows.map((r) => r.actual));
                    assert.deepEqual([...outcomes].sort(), ["fail", "pass", "skip"], `${suite.name} covers pass, fail and skip`);
                    assert.deepEqual(suite.rows.filter((r) => r.compatibility), [], `${suite.name}: rows the real kyverno test would report differently`);
                }
            });

            it("suites include claims with optional fields missing and every catalog example", () => {
                const byPolicy = new Map(policiesOf(stack).rendered.map((r) => [r.policy.metadata.name, r.cases ?? []]));
                for (const api of loadCatalog().apis) {
                    const cases = byPolicy.get(`${api.claimKind.toLowerCase()}-claims`)!;
                    const minimal = cases.find((c) => c.name.endsWith("-minimal"))!;
                    assert.equal(minimal.object.spec.compositionRef, undefined);
                    for (const example of api.examples) {
                        const name = (example.object.metadata as { name: string }).name;
                        assert.ok(cases.some((c) => c.name === name), `${api.claimKind} example ${name} in the suite`);
                        assert.ok(byPolicy.get("claim-labels")!.some((c) => c.name === name && c.expected === "pass"));
                    }
                }
            });
        });
    }

    it("the real kyverno test can map every claim kind without CRDs: its plural guess is the XRD's claim plural", () => {
        for (const api of loadCatalog().apis) assert.equal(guessPlural(api.claimKind), api.claimPlural, api.claimKind);
    });

    it("policy files hold exactly the generated objects", () => {
        for (const stack of allStacks) {
            for (const p of policiesOf(stack).policies) {
                const [doc] = readKubernetesYaml(path.join(policiesDir, stack, p.metadata.name, `${p.metadata.name}.yaml`));
                assert.deepEqual(JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === "bigint" ? Number(v) : v))), JSON.parse(JSON.stringify(p)));
            }
        }
    });
});
