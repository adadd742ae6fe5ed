import { strict as assert } from "assert";
import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { admit, compilePolicies, readKubernetesYaml, type AdmissionResult, type Operation } from "../../admission-evaluator";
import { FIXTURES, fixtureResourceMap, policy } from "./helpers";

const folders = fs.readdirSync(FIXTURES).filter((f) => fs.existsSync(path.join(FIXTURES, f, ".kyverno-test")));
const policyFiles = folders.map((f) => path.join(FIXTURES, f, `${f === "required-labels" ? "require-claim-labels" : f}.yaml`));
const fixturePolicies = policyFiles.flatMap((f) => readKubernetesYaml(f));

/** Every fixture policy, plus one that matches anything and reads deep into the object. */
const compiled = compilePolicies([
    ...fixturePolicies,
    policy({
        matchConstraints: { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }] },
        variables: [{ name: "labels", expression: "object.metadata.labels" }],
        validations: [
            { expression: "variables.labels.all(k, variables.labels[k].size() < 64)", messageExpression: "'labels of ' + object.metadata.name" },
            { expression: "object.spec.parameters.storageGB > 0" },
        ],
    }, "reads-anything"),
], { resourceMap: fixtureResourceMap() });

const claims = folders.flatMap((f) => readKubernetesYaml(path.join(FIXTURES, f, ".kyverno-test", "resources.yaml")))
    .filter((r) => (r as { kind?: string }).kind !== "Namespace") as Record<string, unknown>[];
const namespaces = new Map(
    (readKubernetesYaml(path.join(FIXTURES, "claim-namespaces", ".kyverno-test", "values.yaml"))[0] as { namespaces: { metadata: { name: string } }[] })
        .namespaces.map((ns) => [ns.metadata.name, ns as unknown as Record<string, unknown>]),
);

const operations: Operation[] = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

function assertWellFormed(result: AdmissionResult): void {
    assert.equal(result.results.length, compiled.policies.length);
    for (const r of result.results) {
        assert.ok(["pass", "fail", "skip", "error"].includes(r.status), r.status);
        assert.equal(typeof r.message, "string");
        assert.ok(r.message.trim().length > 0, `empty message from ${r.policy}`);
    }
    const denying = result.results.filter((r) => (r.status === "fail" || r.status === "error") && r.actions.includes("Deny"));
    assert.equal(result.admitted, denying.length === 0);
    assert.equal(result.denials.length, denying.length);
}

/** Every path (list of keys) of a JSON object, except the given prefixes' own paths. */
function paths(value: unknown, prefix: string[] = []): string[][] {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

/** A copy without the chosen paths; `kept` paths (and their parents) always stay. */
function withoutFields(object: Record<string, unknown>, picks: number[], kept: string[]): Record<string, unknown> {
    const copy = structuredClone(object);
    const removable = paths(copy).filter((p) => !kept.some((k) => k === p.join(".") || k.startsWith(`${p.join(".")}.`)));
    for (const pick of picks) {
        if (removable.length === 0) break;
        const target = removable[pick % removable.length];
        let parent: Record<string, unknown> | undefined = copy;
        for (const key of target.slice(0, -1)) parent = parent?.[key] as Record<string, unknown> | undefined;
        if (parent && typeof parent === "object") delete parent[target[target.length - 1]];
    }
    return copy;
}

/** Integers as JS numbers, as JSON.parse would give them. */
function asJson(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
}

const REQUIRED = ["apiVersion", "kind", "metadata.name", "metadata.namespace"];

describe("admission-evaluator: properties", () => {
    it("for ANY JSON object, old object and namespace, admit returns a verdict with a message for every policy and never throws", () => {
        fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), fc.constantFrom(...operations), (object, oldObject, namespaceObject, operation) => {
            assertWellFormed(admit(compiled, { object, oldObject, namespaceObject, operation }));
        }), { numRuns: 300 });
    });

    it("for claim-shaped objects with arbitrary JSON inside, admit never throws", () => {
        const claimLike = fc.record({
            apiVersion: fc.constant("platform.example.com/v1alpha1"),
            kind: fc.constantFrom("PostgreSQLInstance", "S3Bucket"),
            metadata: fc.oneof(fc.jsonValue(), fc.record({ name: fc.string(), namespace: fc.string(), labels: fc.dictionary(fc.string(), fc.jsonValue()) })),
            spec: fc.oneof(fc.jsonValue(), fc.record({ parameters: fc.dictionary(fc.constantFrom("storageGB", "instanceClass", "multiAZ", "engineVersion"), fc.jsonValue()) })),
        }, { requiredKeys: ["apiVersion", "kind"] });
        fc.assert(fc.property(claimLike, claimLike, fc.constantFrom(...operations), (object, oldObject, operation) => {
            assertWellFormed(admit(compiled, { object, oldObject, operation, namespaceObject: namespaces.get("claims-service") }));
        }), { numRuns: 300 });
    });

    it("the fixture policies never error on a real claim with optional fields removed (only pass, fail or skip)", () => {
        const fixtures = compilePolicies(fixturePolicies, { resourceMap: fixtureResourceMap() });
        const picks = fc.array(fc.nat(), { maxLength: 12 });
        fc.assert(fc.property(fc.constantFrom(...claims), picks, picks, fc.constantFrom<Operation>("CREATE", "UPDATE"), (claim, removeNew, removeOld, operation) => {
            const object = withoutFields(claim, removeNew, REQUIRED);
            const oldObject = withoutFields(claim, removeOld, REQUIRED);
            const ns = (object.metadata as { namespace: string }).namespace;
            const namespaceObject = withoutFields(namespaces.get(ns) ?? { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } }, removeNew, ["metadata.name"]);
            const result = admit(fixtures, { object, oldObject, operation, namespaceObject });
            for (const r of result.results) {
                assert.notEqual(r.status, "error", `${r.policy} on ${JSON.stringify(asJson(object))}: ${r.message}`);
                assert.ok(r.message.length > 0);
            }
        }), { numRuns: 400 });
    });

    it("gives the same verdicts whether integers arrive as YAML ints (bigint) or JSON numbers", () => {
        const picks = fc.array(fc.nat(), { maxLength: 8 });
        fc.assert(fc.property(fc.constantFrom(...claims), picks, (claim, remove) => {
            const object = withoutFields(claim, remove, REQUIRED);
            const namespaceObject = namespaces.get("claims-service");
            const fromYaml = admit(compiled, { object, namespaceObject });
            const fromJson = admit(compiled, { object: asJson(object), namespaceObject: asJson(namespaceObject) });
            assert.deepEqual(fromJson.results, fromYaml.results);
        }), { numRuns: 200 });
    });
});
