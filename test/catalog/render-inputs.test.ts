// Rendering never changes what it is given (claim, XR, Composition, XRD, EnvironmentConfig, observed
// state), even though the renderer keeps decoded Composition inputs between renders: every input is
// deep-frozen, so a single write anywhere (even one undone later) throws. And the renderer's caches
// hold their own copies: the caller's objects are left unfrozen and unchanged.
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { makeCatalog, type Catalog } from "../../catalog";
import { renderClaim } from "../../catalog/render";
import { claimToComposite, renderComposition, type JsonObject } from "../../composition-renderer";
import { claimOf } from "./helpers/arbitraries";
import { catalog, environment } from "./helpers/catalog";
import { observedAfter } from "../../catalog/converge";
import { typedLines } from "./helpers/golden";

function deepFreeze<T>(v: T): T {
    if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
        Object.freeze(v);
        for (const e of Object.values(v)) deepFreeze(e);
    }
    return v;
}

/** Where in `v` an object is frozen, if anywhere. */
function frozenAt(v: unknown, at = "$"): string | undefined {
    if (v === null || typeof v !== "object") return undefined;
    if (Object.isFrozen(v)) return at;
    for (const [k, e] of Object.entries(v)) {
        const found = frozenAt(e, `${at}.${k}`);
        if (found) return found;
    }
    return undefined;
}

const frozenCopy = <T>(v: T): T => deepFreeze(structuredClone(v));
const snapshot = (v: unknown): string => typedLines(v, "$").join("\n");

/** The catalog with every XRD and Composition replaced by a deep-frozen copy (new objects, so no cache has seen them). */
function frozenCatalog(): Catalog {
    return makeCatalog(
        catalog.dir,
        catalog.apis.map((api) => ({
            ...api,
            xrd: frozenCopy(api.xrd),
            compositions: api.compositions.map((c) => ({ ...c, object: frozenCopy(c.object) })),
        })),
    );
}

/** First reconcile and the next, through renderClaim and through the library calls directly. */
function renderAll(claim: JsonObject, frozen: Catalog, env: JsonObject): void {
    const first = renderClaim(claim, { catalog: frozen, environment: env });
    const observed = frozenCopy(observedAfter(first.output));
    const compositeName = String((first.input.metadata as JsonObject).name);
    renderClaim(claim, { catalog: frozen, environment: env, observed, compositeName });
    // The XR path, and the library API without the catalog's admission in front.
    renderClaim(frozenCopy(first.input), { catalog: frozen, environment: env, observed });
    const api = frozen.apiFor(String(claim.apiVersion), String(claim.kind))!;
    const composition = api.compositions.find((c) => c.name === first.composition.name)!.object;
    const admitted = frozenCopy(first.claim!);
    const xr = deepFreeze(claimToComposite(admitted, api.xrd, { composition, name: compositeName }));
    renderComposition({ composite: xr, composition, environmentConfigs: [env], observed, xrd: api.xrd });
}

describe("catalog: rendering leaves its inputs unmodified", () => {
    it("every example through every Composition of its API, two reconciles, claim and XR paths: deep-frozen inputs are never written", () => {
        const frozen = frozenCatalog();
        const env = frozenCopy(environment);
        for (const api of frozen.apis) {
            for (const example of api.examples) {
                for (const c of api.compositions) {
                    const claim = frozenCopy({ ...example.object, spec: { ...(example.object.spec as JsonObject), compositionRef: { name: c.name } } });
                    assert.doesNotThrow(() => renderAll(claim, frozen, env), `${example.file} via ${c.name}`);
                }
            }
        }
    });

    for (const api of catalog.apis) {
        it(`${api.claimKind}: any claim the XRD admits, deep-frozen, renders without a write to any input`, () => {
            const frozen = frozenCatalog();
            const env = frozenCopy(environment);
            fc.assert(
                fc.property(claimOf(api), (claim) => {
                    renderAll(deepFreeze(claim), frozen, env);
                }),
                { numRuns: 25 },
            );
        });
    }

    it("the renderer's caches copy what they keep: the loaded catalog's Compositions and XRDs stay unfrozen and unchanged", () => {
        const before = catalog.apis.map((a) => snapshot({ xrd: a.xrd, compositions: a.compositions.map((c) => c.object) }));
        for (const api of catalog.apis) for (const example of api.examples) renderClaim(example.object, { catalog, environment });
        assert.deepEqual(catalog.apis.map((a) => snapshot({ xrd: a.xrd, compositions: a.compositions.map((c) => c.object) })), before);
        for (const api of catalog.apis) {
            assert.equal(frozenAt(api.xrd), undefined, api.xrdFile);
            for (const c of api.compositions) assert.equal(frozenAt(c.object), undefined, c.file);
        }
    });

    it("the check can fail: a write to a frozen input throws", () => {
        const claim = frozenCopy(catalog.apis[0].examples[0].object);
        assert.throws(() => {
            (claim.metadata as JsonObject).name = "changed";
        }, TypeError);
    });
});
