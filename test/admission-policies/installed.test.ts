import { strict as assert } from "assert";
import { parseManifests } from "../../manifest-validator";
import { exportSources, renderExport } from "../../manifest-export";
import { admissionSource } from "../../admission-policies/export-source";
import { describeWithCrds } from "../helpers/crds";
import { waitsFor } from "../helpers/graph";
import { ofType, one, stackGraph } from "../helpers/stacks";
import { allStacks, assertValidForKyverno, policiesOf } from "./helpers";

const policyTypes = ["kubernetes:policies.kyverno.io/v1:ValidatingPolicy", "kubernetes:policies.kyverno.io/v1:GeneratingPolicy"];

describe("admission-policies: installed by the program", function () {
    this.timeout(300_000);
    for (const stack of allStacks) {
        it(`${stack}: installs exactly the generated policies, each after the Kyverno release and the catalog's XRDs`, async () => {
            const graph = await stackGraph(stack);
            const installed = policyTypes.flatMap((t) => ofType(graph, t));
            const release = one(graph, "kubernetes:helm.sh/v3:Release", "kyverno");
            const expected = policiesOf(stack).policies;
            assert.deepEqual(installed.map((r) => `${r.inputs.kind}/${(r.inputs.metadata as { name: string }).name}`).sort(), expected.map((p) => `${p.kind}/${p.metadata.name}`).sort());
            const xrds = ofType(graph, "kubernetes:apiextensions.crossplane.io/v1:CompositeResourceDefinition");
            assert.ok(xrds.length > 0);
            for (const r of installed) {
                assert.ok(waitsFor(graph, r, release), `${r.name} waits for the Kyverno release`);
                for (const xrd of xrds) assert.ok(waitsFor(graph, r, xrd), `${r.name} waits for ${xrd.name}`);
                const policy = expected.find((p) => p.metadata.name === (r.inputs.metadata as { name: string }).name)!;
                assert.deepEqual(r.inputs.spec, JSON.parse(JSON.stringify(policy.spec)), `${r.name} installs the generated spec`);
            }
        });
    }
});

describeWithCrds("admission-policies: installed policies against the Kyverno CRD schemas", function () {
    this.timeout(300_000);
    for (const stack of allStacks) {
        it(`${stack}: every installed policy validates`, async () => {
            const graph = await stackGraph(stack);
            for (const r of policyTypes.flatMap((t) => ofType(graph, t))) {
                assertValidForKyverno({ apiVersion: r.inputs.apiVersion, kind: r.inputs.kind, metadata: r.inputs.metadata, spec: r.inputs.spec }, r.urn);
            }
        });
    }
});

describeWithCrds("admission-policies: exported by paved export (admission/)", function () {
    this.timeout(300_000);
    for (const stack of allStacks) {
        it(`${stack}: admission/ holds every generated policy, valid for the Kyverno CRDs; substrate/ holds none`, async () => {
            const graph = await stackGraph(stack);
            assert.ok(exportSources.includes(admissionSource), "paved export uses the admission source");
            const { files } = await renderExport({ stack, graph }, exportSources);
            const exported = Object.entries(files).filter(([f]) => f.startsWith("admission/"));
            const objects = exported.map(([f, text]) => {
                const [doc] = parseManifests(text, f) as Record<string, any>[];
                assertValidForKyverno(doc, f);
                return doc;
            });
            assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort(), policiesOf(stack).policies.map((p) => `${p.kind}/${p.metadata.name}`).sort());
            for (const o of objects) assert.deepEqual(JSON.parse(JSON.stringify(o.spec, (_k, v) => (typeof v === "bigint" ? Number(v) : v))), JSON.parse(JSON.stringify(policiesOf(stack).policies.find((p) => p.metadata.name === o.metadata.name)!.spec)));
            assert.deepEqual(Object.keys(files).filter((f) => f.startsWith("substrate/") && /policies\.kyverno\.io|validatingpolicy|generatingpolicy/.test(f)), []);
        });
    }
});
