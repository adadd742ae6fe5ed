// The catalog against the upstream schemas (PAVED_CRD_DIR): every XRD and Composition as Crossplane
// admits them, every pipeline input as its function's CRD describes it, and every resource every
// example claim renders to as the providers' and controllers' CRDs admit it.
import * as assert from "node:assert/strict";
import { catalogRegistry, renderClaim } from "../../catalog/render";
import { untaggableKinds } from "../../policy-packs/paved-compliance/policies/kubernetes/composition/model";
import { errorsOf, formatProblems, validateManifest } from "../../manifest-validator";
import { describeWithCrds } from "../helpers/crds";
import { catalog, environment, upstreamSchemas } from "./helpers/catalog";
import { converge } from "../../catalog/converge";

function assertAdmitted(manifest: unknown, options: { requireName?: boolean } = {}, where = ""): void {
    const problems = validateManifest(upstreamSchemas(), manifest, options);
    assert.deepEqual(formatProblems(manifest, problems), [], where);
}

/**
 * Claims need apiextensions.crossplane.io/v1 XRDs (v2 refuses claimNames), which Crossplane v2 serves
 * as deprecated: that warning, and nothing else, is expected.
 */
function assertXrdAdmitted(xrd: unknown): void {
    const problems = validateManifest(upstreamSchemas(), xrd);
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.type}`), ["warning Deprecated"], formatProblems(xrd, problems).join("\n"));
}

/** Transforms the shipped P&T input CRD does not list yet (its enum lags the function), so a schema check would refuse them. */
const enumLag = { string: ["Join", "Replace"], convert: ["ToAdler32"] };

describeWithCrds("catalog: XRDs, Compositions and pipeline inputs against the Crossplane and function CRDs", () => {
    for (const api of catalog.apis) {
        it(`${api.xrdFile} is a valid apiextensions.crossplane.io/v1 CompositeResourceDefinition (deprecated in v2, the only version with claims)`, () => assertXrdAdmitted(api.xrd));
        for (const c of api.compositions) {
            describe(c.file, () => {
                it("is a valid apiextensions.crossplane.io/v1 Composition", () => assertAdmitted(c.object));
                it("every step's input is valid against its function's input CRD", () => {
                    const steps = (c.object.spec as any).pipeline as any[];
                    assert.ok(steps.length >= 2);
                    for (const s of steps) assertAdmitted(s.input, { requireName: false }, `step ${s.step}`);
                });
                it(`uses no transform the shipped P&T input CRD lags on (${[...enumLag.string, ...enumLag.convert].join(", ")}), so the check above is meaningful`, () => {
                    const text = JSON.stringify(c.object, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
                    for (const t of enumLag.string) assert.ok(!text.includes(`"type":"${t}"`), t);
                    assert.ok(!text.includes(`"convert":"${enumLag.convert[0]}"`));
                });
            });
        }
    }
});

describeWithCrds("catalog: every example claim and every resource it renders against the upstream CRDs", () => {
    for (const api of catalog.apis) {
        for (const ex of api.examples) {
            describe(ex.file, () => {
                it("the claim is admitted by its XRD", () => {
                    const problems = errorsOf(validateManifest(catalogRegistry(catalog), ex.object));
                    assert.deepEqual(formatProblems(ex.object, problems), []);
                });

                it("first reconcile: the XR and every composed resource are admitted", () => {
                    const { output } = renderClaim(ex.object, { environment });
                    assert.ok(output.resources.length > 0);
                    assert.deepEqual(formatProblems(output.composite, errorsOf(validateManifest(catalogRegistry(catalog), output.composite))), []);
                    for (const r of output.resources) assertAdmitted(r.resource, {}, r.name);
                });

                it("converged: every composed resource (including those that waited for status) is admitted, and the XR becomes ready", () => {
                    const { output } = converge(ex.object, { environment });
                    assert.equal(output.ready, true, JSON.stringify(output.results));
                    for (const r of output.resources) assertAdmitted(r.resource, {}, r.name);
                });
            });
        }
    }
});

describeWithCrds("catalog: which composed AWS kinds can carry tags (the tag policy's list) matches the provider CRDs", () => {
    it("a composed kind has forProvider.tags exactly when it is not in untaggableKinds", () => {
        const kinds = new Set<string>();
        for (const api of catalog.apis) {
            for (const c of api.compositions) {
                const input = ((c.object.spec as any).pipeline as any[]).find((s) => s.input?.kind === "Resources").input;
                for (const r of input.resources) if (String(r.base.apiVersion).includes(".aws.upbound.io")) kinds.add(`${r.base.apiVersion}|${r.base.kind}`);
            }
        }
        for (const k of kinds) {
            const [apiVersion, kind] = k.split("|");
            const schema = upstreamSchemas().lookup(apiVersion, kind)?.schema as any;
            assert.ok(schema, `no CRD for ${apiVersion} ${kind}`);
            const taggable = schema.properties.spec.properties.forProvider.properties.tags !== undefined;
            assert.equal(!untaggableKinds.has(`${apiVersion.split("/")[0]}/${kind}`), taggable, `${apiVersion} ${kind}`);
        }
    });
});
