import { strict as assert } from "assert";
import * as path from "path";
import { guessPlural, readKubernetesYaml, runKyvernoTests } from "../../admission-evaluator";
import { loadCatalog } from "../../catalog";
import { catalogResourceMap, policiesDir, stackFiles } from "../../admission-policies";
import * as YAML from "yaml";
import { filesOnDisk } from "../../admission-policies/files";
import { allStacks, policiesOf } from "./helpers";

const readYaml = (text: string): any => YAML.parse(text);

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

            it("suites include claims with optional fields missing and every catalog example, as written and with golden-path labels", () => {
                const byPolicy = new Map(policiesOf(stack).rendered.map((r) => [r.policy.metadata.name, r.cases ?? []]));
                const onboarded = Object.keys(policiesOf(stack).plan.namespaces);
                assert.ok(onboarded.includes("claims-service"), "the reference claim's namespace is onboarded");
                for (const api of loadCatalog().apis) {
                    const cases = byPolicy.get(`${api.claimKind.toLowerCase()}-claims`)!;
                    const minimal = cases.find((c) => c.name.endsWith("-minimal"))!;
                    assert.equal(minimal.object.spec.compositionRef, undefined);
                    for (const example of api.examples) {
                        const { name, namespace } = example.object.metadata as { name: string; namespace: string };
                        assert.ok(cases.some((c) => c.name === name), `${api.claimKind} example ${name} in the suite`);
                        const labels = byPolicy.get("claim-labels")!.filter((c) => c.kind === api.claimKind);
                        const asWritten = labels.find((c) => c.name === name)!;
                        assert.deepEqual(asWritten.object.metadata, example.object.metadata, "unchanged");
                        assert.equal(asWritten.expected, onboarded.includes(namespace) ? "pass" : "fail", `${name} in ${namespace}: admitted exactly where the namespace is onboarded`);
                        assert.ok(labels.some((c) => c.name === `${name}-golden-path` && c.expected === "pass"));
                    }
                }
            });

            it("every suite's values give the Namespace of each of its cases: an onboarded tenant's as the program creates it, any other bare", () => {
                const { plan, rendered } = policiesOf(stack);
                const files = stackFiles(stack, loadCatalog());
                for (const r of rendered.filter((x) => x.cases)) {
                    const dir = `${stack}/${r.policy.metadata.name}/.kyverno-test`;
                    const test = readYaml(files[`${dir}/kyverno-test.yaml`]);
                    assert.equal(test.variables, "values.yaml");
                    const values = readYaml(files[`${dir}/values.yaml`]);
                    const byName = new Map((values.namespaces as any[]).map((n) => [n.metadata.name, n]));
                    for (const c of r.cases!) {
                        const ns = byName.get(c.object.metadata.namespace);
                        assert.ok(ns, `${dir}: no Namespace ${c.object.metadata.namespace}`);
                        assert.equal(ns.metadata.labels["kubernetes.io/metadata.name"], c.object.metadata.namespace);
                        const tenant = plan.namespaces[c.object.metadata.namespace];
                        if (tenant) assert.deepEqual(ns, tenant);
                        else assert.deepEqual(Object.keys(ns.metadata.labels), ["kubernetes.io/metadata.name"]);
                    }
                }
                assert.equal(plan.namespaces["claims-service"].metadata.labels.environment, stack);
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
