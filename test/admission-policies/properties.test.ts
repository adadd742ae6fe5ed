import { strict as assert } from "assert";
import fc from "fast-check";
import { admit, type AdmissionResult } from "../../admission-evaluator";
import { loadCatalog, type CatalogApi } from "../../catalog";
import { bareNamespace, expectClaim, expectLabels, withGoldenPathLabels } from "../../admission-policies";
import { xrdSchema } from "../../admission-policies/xrd-parameters";
import { allStacks, compiledFor, policiesOf } from "./helpers";

/**
 * For ANY object — claims valid for their XRD schema, the same with fields removed, random JSON in
 * their spec, labels and metadata, UPDATEs with any old object — in any namespace (none, onboarded,
 * bare, random labels, random JSON) every policy passes, fails or skips with a message (never a CEL
 * error), and the verdict is the one the plain-TypeScript oracle (admission-policies/oracle.ts) gives.
 */

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; minimum?: number | bigint; maximum?: number | bigint; pattern?: string; maxLength?: number | bigint; default?: unknown };

function valueOf(schema: Schema): fc.Arbitrary<unknown> {
    if (schema.enum) return fc.constantFrom(...schema.enum.map((v) => (typeof v === "bigint" ? Number(v) : v)));
    switch (schema.type) {
        case "integer":
            return fc.integer({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 100000) });
        case "boolean":
            return fc.boolean();
        case "string": {
            const max = Number(schema.maxLength ?? 40);
            return (schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : fc.string({ maxLength: 20 })).filter((s) => s.length <= max);
        }
        case "object":
            return objectOf(schema);
        default:
            return fc.jsonValue();
    }
}

function objectOf(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
    const props = schema.properties ?? {};
    const arbs = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueOf(s)]));
    return fc.record(arbs, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
}

const catalog = loadCatalog();
const labelValue = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);

/** A claim its XRD's schema accepts, with golden-path labels for a random environment (or some missing). */
function validClaim(api: CatalogApi): fc.Arbitrary<Record<string, any>> {
    const parameters = (xrdSchema(api).properties as Record<string, Schema>).spec.properties!.parameters;
    const compositions = [...api.compositions.map((c) => c.name), "unreviewed-composition"];
    const labels = api.compositions.flatMap((c) => Object.entries(c.labels));
    return fc
        .record(
            {
                parameters: objectOf(parameters),
                compositionRef: fc.record({ name: fc.constantFrom(...compositions) }),
                compositionSelector: fc.record({ matchLabels: fc.subarray(labels, { maxLength: 2 }).map((l) => Object.fromEntries(l)) }),
                environment: fc.constantFrom("dev", "prod", "staging"),
                dropLabels: fc.subarray(["owner", "app", "environment", "cost-center"]),
                name: labelValue,
                namespace: labelValue,
            },
            { requiredKeys: ["environment", "dropLabels", "name", "namespace"] },
        )
        .map((r) => {
            const spec: Record<string, unknown> = {};
            if (r.parameters !== undefined) spec.parameters = r.parameters;
            if (r.compositionRef !== undefined) spec.compositionRef = r.compositionRef;
            if (r.compositionSelector !== undefined) spec.compositionSelector = r.compositionSelector;
            const claim: Record<string, any> = withGoldenPathLabels(
                { apiVersion: api.apiVersion, kind: api.claimKind, metadata: { name: r.name, namespace: r.namespace } as Record<string, unknown>, spec },
                { team: "team-a", app: "orders", environment: r.environment, costCenter: "CC-1" },
            );
            for (const l of r.dropLabels) delete claim.metadata.labels[l];
            return claim;
        });
}

/** Every path to a value of an object (for removing random fields). */
function paths(value: unknown, prefix: string[] = []): string[][] {
    if (typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function without(object: Record<string, any>, drop: string[][]): Record<string, any> {
    const copy = structuredClone(object);
    for (const p of drop) {
        let node = copy;
        for (const k of p.slice(0, -1)) node = node?.[k];
        if (node && typeof node === "object" && p[p.length - 1] !== "kind" && p[p.length - 1] !== "apiVersion") delete node[p[p.length - 1]];
    }
    return copy;
}

const api = fc.constantFrom(...catalog.apis);
const stack = fc.constantFrom(...allStacks);
// Built once per API (building stringMatching arbitraries inside chain made every run 50x slower).
const validClaims = fc.oneof(...catalog.apis.map(validClaim));
const claimsWithFieldsRemoved = validClaims.chain((c) => fc.subarray(paths(c), { maxLength: 4 }).map((drop) => without(c, drop)));
/** Random JSON where a claim has structure: spec, parameters, labels, metadata fields. */
const randomJsonClaims = fc
    .tuple(api, fc.jsonValue(), fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 5 }), fc.boolean())
    .map(([a, spec, labels, extra, nestParams]) => ({
        apiVersion: a.apiVersion,
        kind: a.claimKind,
        metadata: { name: "random", namespace: "team-a", labels, ...extra },
        spec: nestParams ? { parameters: spec, compositionRef: labels, compositionSelector: { matchLabels: extra } } : spec,
    }));

/**
 * The claim's Namespace: none, an onboarded tenant's of either stack (so also one of the other
 * environment), a bare one, one with random required labels (some empty, of another type, or the
 * wrong environment), or random JSON where the metadata and labels are.
 */
const requiredLabel = fc.constantFrom("owner", "app", "environment", "cost-center", "team");
const labelValues = fc.oneof(fc.constantFrom("dev", "prod", "staging", "", "claims-team", "CC-4200-CLAIMS"), fc.jsonValue());
const namespaceObjects: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...allStacks.flatMap((s) => Object.values(policiesOf(s).plan.namespaces))),
    fc.constant(bareNamespace("not-onboarded")),
    fc.dictionary(requiredLabel, labelValues, { maxKeys: 5 }).map((labels) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: "random", labels } })),
    fc.tuple(fc.jsonValue(), fc.jsonValue()).map(([metadata, labels]) => ({ apiVersion: "v1", kind: "Namespace", metadata: typeof metadata === "object" && metadata !== null && !Array.isArray(metadata) ? { ...metadata, labels } : metadata })),
);

function check(stackName: string, result: AdmissionResult, object: unknown, oldObject: unknown, operation: "CREATE" | "UPDATE", namespaceObject: unknown = null): void {
    const plan = policiesOf(stackName).plan;
    for (const r of result.results) {
        assert.notEqual(r.status, "error", `${r.policy}: ${r.message}`);
        assert.ok(r.message.trim() !== "", `${r.policy}: empty message`);
        if (r.status === "skip") continue;
        const expected = r.policy === "claim-labels"
            ? expectLabels(plan, { object, operation, namespaceObject })
            : expectClaim(plan.claims.find((c) => c.policyName === r.policy)!, { object, oldObject, operation });
        assert.equal(r.status, expected.status, `${r.policy}: CEL says ${r.status} (${r.message}), oracle says ${expected.status} (${expected.why})`);
    }
    assert.equal(result.admitted, result.results.every((r) => r.status !== "fail"));
}

function property(objects: fc.Arbitrary<Record<string, any>>, runs: number) {
    fc.assert(
        fc.property(stack, objects, namespaceObjects, (s, object, namespaceObject) => check(s, admit(compiledFor(s), { object, namespaceObject }), object, undefined, "CREATE", namespaceObject)),
        { numRuns: runs },
    );
}

describe("admission-policies: properties over any object", () => {
    it("schema-valid claims generated from the XRDs: pass/fail with a message, as the oracle decides", () => property(validClaims, 400));
    it("claims with random fields removed: never an evaluation error, as the oracle decides", () => property(claimsWithFieldsRemoved, 400));
    it("random JSON in spec, parameters, labels and metadata: never an evaluation error, as the oracle decides", () => property(randomJsonClaims, 400));
    it("UPDATE with any old object (valid, truncated or random): never an error, as the oracle decides", () => {
        const anyClaim = fc.oneof(validClaims, claimsWithFieldsRemoved, randomJsonClaims);
        fc.assert(
            fc.property(stack, anyClaim, anyClaim, namespaceObjects, (s, object, old, namespaceObject) => {
                const oldObject = { ...old, apiVersion: object.apiVersion, kind: object.kind };
                check(s, admit(compiledFor(s), { object, oldObject, operation: "UPDATE", namespaceObject }), object, oldObject, "UPDATE", namespaceObject);
            }),
            { numRuns: 300 },
        );
    });
    it("the generator finds failures as well as passes (the properties are not vacuous)", () => {
        const seen = new Set<string>();
        fc.assert(fc.property(stack, validClaims, namespaceObjects, (s, object, namespaceObject) => {
            for (const r of admit(compiledFor(s), { object, namespaceObject }).results) seen.add(`${r.policy === "claim-labels" ? "labels" : "claim"}:${r.status}`);
            const labels = expectLabels(policiesOf(s).plan, { object, namespaceObject });
            if (labels.status === "pass" && /from the namespace/.test(labels.why)) seen.add("labels:pass-inherited");
            if (labels.status === "fail" && /from the namespace\) is not/.test(labels.why)) seen.add("labels:fail-inherited-environment");
        }), { numRuns: 400 });
        for (const k of ["labels:pass", "labels:fail", "claim:pass", "claim:fail", "labels:pass-inherited", "labels:fail-inherited-environment"]) assert.ok(seen.has(k), k);
    });

    it("a claim with no labels: admitted by claim-labels exactly when its namespace carries all four with this stack's environment", () => {
        fc.assert(
            fc.property(stack, validClaims, namespaceObjects, (s, claim, namespaceObject) => {
                const object = structuredClone(claim);
                delete object.metadata.labels;
                const r = admit(compiledFor(s), { object, namespaceObject }).results.find((x) => x.policy === "claim-labels")!;
                const nsLabels = (namespaceObject as any)?.metadata?.labels;
                const carries = typeof nsLabels === "object" && nsLabels !== null && !Array.isArray(nsLabels)
                    && ["owner", "app", "environment", "cost-center"].every((l) => Object.prototype.hasOwnProperty.call(nsLabels, l) && typeof nsLabels[l] === "string" && nsLabels[l] !== "");
                assert.equal(r.status, carries && nsLabels.environment === s ? "pass" : "fail", r.message);
            }),
            { numRuns: 300 },
        );
    });
});
