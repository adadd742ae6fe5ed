// The catalog component in the real program (offline graph): it installs exactly the catalog's XRDs
// and Compositions, unchanged, each after what serves or runs it, so a first `pulumi up` succeeds.
import * as assert from "node:assert/strict";
import { loadCatalog } from "../../catalog";
import { PLATFORM_CATALOG_COMPONENT } from "../../catalog/export-source";
import { plainJson, xrdReadyAnnotation } from "../../components/catalog/manifests";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { waitsFor } from "../helpers/graph";
import { ofType, one, stackGraph } from "../helpers/stacks";

const xrdType = "kubernetes:apiextensions.crossplane.io/v1:CompositeResourceDefinition";
const compositionType = "kubernetes:apiextensions.crossplane.io/v1:Composition";

describe("catalog component (stack dev, under mocks)", () => {
    let graph: ResourceGraph;
    let xrds: RecordedResource[];
    let compositions: RecordedResource[];
    const catalog = loadCatalog();
    before(async () => {
        graph = await stackGraph("dev");
        xrds = ofType(graph, xrdType);
        compositions = ofType(graph, compositionType);
    });

    it("installs every XRD and Composition of catalog/, as written (XRDs add only Pulumi's wait for Established and Offered)", () => {
        assert.deepEqual(xrds.map((r) => (r.inputs.metadata as any).name).sort(), catalog.apis.map((a) => a.name).sort());
        assert.deepEqual(compositions.map((r) => (r.inputs.metadata as any).name).sort(), catalog.apis.flatMap((a) => a.compositions.map((c) => c.name)).sort());
        const component = one(graph, PLATFORM_CATALOG_COMPONENT);
        for (const r of [...xrds, ...compositions]) assert.equal(r.parent, component.urn, r.name);
        for (const api of catalog.apis) {
            const installed = xrds.find((r) => (r.inputs.metadata as any).name === api.name)!;
            const { annotations, ...metadata } = installed.inputs.metadata as any;
            assert.deepEqual(annotations, xrdReadyAnnotation);
            assert.deepEqual({ ...installed.inputs, metadata }, plainJson(api.xrd));
            for (const c of api.compositions) {
                assert.deepEqual(compositions.find((r) => (r.inputs.metadata as any).name === c.name)!.inputs, plainJson(c.object), c.file);
            }
        }
    });

    it("XRDs wait for the Crossplane chart; each Composition for its XRD, the function packages, the providers, the ProviderConfig and the EnvironmentConfig", () => {
        const release = graph.resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release" && (r.inputs.chart as string) === "crossplane")!;
        assert.ok(release, "Crossplane release");
        const packages = graph.resources.filter((r) => /^kubernetes:pkg\.crossplane\.io\/v1:(Function|Provider)$/.test(r.type));
        assert.ok(packages.length >= 9, `${packages.length} packages`);
        const providerConfig = graph.resources.find((r) => r.type === "kubernetes:aws.upbound.io/v1beta1:ProviderConfig")!;
        const environment = graph.resources.find((r) => /EnvironmentConfig$/.test(r.type))!;
        for (const x of xrds) assert.ok(waitsFor(graph, x, release), `${x.name} waits for the chart`);
        for (const c of compositions) {
            const kind = ((c.inputs.spec as any).compositeTypeRef as any).kind;
            const xrd = xrds.find((x) => ((x.inputs.spec as any).names as any).kind === kind)!;
            for (const dep of [xrd, ...packages, providerConfig, environment]) assert.ok(waitsFor(graph, c, dep), `${c.name} waits for ${dep.name}`);
        }
    });
});
