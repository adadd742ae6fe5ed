// For ANY claim its XRD admits, in ANY environment the contract allows, the converged render is
// compliant; and any claim pushed outside its XRD's bounds is rejected naming the field and the rule.
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { UserInputError } from "../../cli/errors";
import { makeCatalog } from "../../catalog";
import { catalogRegistry, renderClaim } from "../../catalog/render";
import { errorsOf, formatProblems, validateManifest } from "../../manifest-validator";
import { claimOf, environmentArb } from "./helpers/arbitraries";
import { catalog, env as fixtureEnv, environment as fixtureEnvironment } from "./helpers/catalog";
import { converge } from "../../catalog/converge";
import { invariantViolations } from "../../catalog/invariants";

type Obj = Record<string, any>;

describe("catalog properties: every admissible claim renders compliant", () => {
    for (const api of catalog.apis) {
        it(`${api.claimKind}: any claim the XRD admits, in any environment, converges to a compliant, ready set of resources`, () => {
            fc.assert(
                fc.property(claimOf(api), environmentArb, (claim, environment) => {
                    const admitted = errorsOf(validateManifest(catalogRegistry(catalog), claim));
                    assert.deepEqual(formatProblems(claim, admitted), [], "the generator made a claim the XRD refuses");
                    const render = converge(claim, { environment });
                    assert.deepEqual(invariantViolations(render, (environment as Obj).data), []);
                }),
                { numRuns: 60 },
            );
        });
    }

    it("the invariants can fail: a Composition that drops encryption is caught", () => {
        const { api, composition } = catalog.composition("postgresql-aws-standard")!;
        const broken = JSON.parse(JSON.stringify(composition.object, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
        const input = broken.spec.pipeline[1].input;
        input.resources.find((r: Obj) => r.name === "rds-instance").base.spec.forProvider.storageEncrypted = false;
        const fake = makeCatalog(catalog.dir, catalog.apis.map((a) => (a === api ? { ...a, compositions: a.compositions.map((c) => (c === composition ? { ...c, object: broken } : c)) } : a)));
        const reference = api.examples.find((e) => e.file.endsWith("reference-claim.yaml"))!.object;
        const render = converge(reference, { environment: fixtureEnvironment, catalog: fake });
        assert.deepEqual(invariantViolations(render, fixtureEnv), ["storage not encrypted with its own key"]);
    });

    it("TemporalNamespace: without platform.temporal in the environment nothing is composed and the claim is not ready", () => {
        const api = catalog.apis.find((a) => a.claimKind === "TemporalNamespace")!;
        fc.assert(
            fc.property(claimOf(api), environmentArb, (claim, environment) => {
                const data = JSON.parse(JSON.stringify((environment as Obj).data));
                delete data.platform.temporal;
                const { output } = renderClaim(claim, { environment: { ...(environment as Obj), data } });
                assert.deepEqual(output.resources, []);
                assert.equal(output.ready, false);
            }),
            { numRuns: 20 },
        );
    });
});

/** Every bounded parameter leaf: path and schema. */
function boundedLeaves(schema: Obj, at: string[] = []): { path: string[]; schema: Obj }[] {
    if (schema.type === "object") return Object.entries<Obj>(schema.properties ?? {}).flatMap(([k, v]) => boundedLeaves(v, [...at, k]));
    return schema.type === "integer" || schema.enum ? [{ path: at, schema }] : [];
}

function setPath(o: Obj, path: string[], value: unknown): void {
    let cur = o;
    for (const k of path.slice(0, -1)) cur = cur[k] ??= {};
    cur[path[path.length - 1]] = value;
}

describe("catalog properties: every claim outside its XRD's bounds is rejected (exit 1) naming the field and the rule", () => {
    for (const api of catalog.apis) {
        const params = (api.xrd.spec as Obj).versions[0].schema.openAPIV3Schema.properties.spec.properties.parameters;
        const leaves = boundedLeaves(params);
        it(`${api.claimKind}: ${leaves.map((l) => l.path.join(".")).join(", ")}`, () => {
            const outOfBounds = fc.constantFrom(...leaves).chain((leaf) =>
                leaf.schema.type === "integer"
                    ? fc.oneof(
                          fc.bigInt({ min: -(10n ** 9n), max: BigInt(leaf.schema.minimum) - 1n }).map((v) => ({ leaf, value: v as unknown, rule: `must be >= ${leaf.schema.minimum}` })),
                          fc.bigInt({ min: BigInt(leaf.schema.maximum) + 1n, max: 10n ** 9n }).map((v) => ({ leaf, value: v as unknown, rule: `must be <= ${leaf.schema.maximum}` })),
                      )
                    : fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !leaf.schema.enum.includes(s)).map((v) => ({ leaf, value: v as unknown, rule: "must be one of" })),
            );
            fc.assert(
                fc.property(claimOf(api), outOfBounds, (claim, bad) => {
                    const broken = claim as Obj;
                    broken.spec.parameters ??= {};
                    setPath(broken.spec.parameters, bad.leaf.path, bad.value);
                    const field = `spec.parameters.${bad.leaf.path.join(".")}`;
                    assert.throws(
                        () => renderClaim(broken, { environment: fixtureEnvironment }),
                        (e: unknown) => e instanceof UserInputError && e.exitCode === 1 && e.message.includes(`${field}: ${bad.rule}`),
                    );
                }),
                { numRuns: 40 },
            );
        });
    }
});
