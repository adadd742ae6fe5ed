// Invariants that hold for every input, not just the examples.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { JsonObject, Value, renderComposition } from "../../composition-renderer";
import { decodePatch } from "../../composition-renderer/pt/decode";
import { applyFromFieldPathPatch } from "../../composition-renderer/pt/patches";
import { isObject } from "../../composition-renderer/go/values";
import { structRoundTrip } from "../../composition-renderer/go/json";
import { goEqual } from "./compare";
import { ptComposition } from "./pt-composition";

const SAFE = 2n ** 53n;
const key = fc.string({ maxLength: 8 }).filter((k) => k !== "__proto__");
const int = fc.bigInt(-SAFE, SAFE);
// A float64 that stays a float64 through JSON: not a whole number below 1e21.
const float = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((f) => !(Number.isInteger(f) && Math.abs(f) < 1e21));

const { value } = fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        int,
        float,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
    ),
}));

function composition(patches: JsonObject[]): JsonObject {
    return ptComposition([{ name: "r", base: { apiVersion: "example.org/v1", kind: "Thing" }, patches }]);
}

function xr(parameters: Value): JsonObject {
    return { apiVersion: "example.org/v1", kind: "XThing", metadata: { name: "x" }, spec: { parameters } };
}

function numbers(v: Value, out: Value[] = []): Value[] {
    if (typeof v === "bigint" || typeof v === "number") out.push(v);
    else if (Array.isArray(v)) v.forEach((e) => numbers(e, out));
    else if (isObject(v)) Object.values(v).forEach((e) => numbers(e, out));
    return out;
}

describe("properties", () => {
    it("FromCompositeFieldPath with no transforms copies any present value unchanged", () => {
        const comp = composition([{ type: "FromCompositeFieldPath", fromFieldPath: "spec.parameters.v", toFieldPath: "spec.forProvider.v" }]);
        fc.assert(
            fc.property(value, (v) => {
                const out = renderComposition({ composite: xr({ v }), composition: comp });
                const got = (((out.resources[0].resource.spec as JsonObject).forProvider as JsonObject) ?? {}).v;
                goEqual(got, v);
            }),
            { numRuns: 150 },
        );
    });

    it("integers stay integers through patches without math or convert (XR, environment, observed status)", () => {
        const intTree = fc.dictionary(key, fc.oneof(int, fc.array(int, { maxLength: 3 })), { minKeys: 1, maxKeys: 4 });
        fc.assert(
            fc.property(intTree, intTree, intTree, (fromXr, fromEnv, fromStatus) => {
                const comp = composition([
                    { type: "FromCompositeFieldPath", fromFieldPath: "spec.parameters", toFieldPath: "spec.a" },
                    { type: "FromEnvironmentFieldPath", fromFieldPath: "tree", toFieldPath: "spec.b" },
                    { type: "ToCompositeFieldPath", fromFieldPath: "status.tree", toFieldPath: "status.copied" },
                ]);
                const envStep = {
                    step: "env",
                    functionRef: { name: "function-environment-configs" },
                    input: {
                        apiVersion: "environmentconfigs.fn.crossplane.io/v1beta1",
                        kind: "Input",
                        spec: { environmentConfigs: [{ type: "Reference", ref: { name: "e" } }] },
                    },
                };
                const envConfig = { apiVersion: "apiextensions.crossplane.io/v1beta1", kind: "EnvironmentConfig", metadata: { name: "e" }, data: { tree: fromEnv } };
                ((comp.spec as JsonObject).pipeline as JsonObject[]).unshift(envStep);
                const observed = {
                    resources: [
                        {
                            apiVersion: "example.org/v1",
                            kind: "Thing",
                            metadata: { name: "r1", annotations: { "crossplane.io/composition-resource-name": "r" } },
                            status: { tree: fromStatus },
                        },
                    ],
                };
                const out = renderComposition({ composite: xr(fromXr), composition: comp, observed, environmentConfigs: [envConfig] });
                const spec = out.resources[0].resource.spec as JsonObject;
                goEqual(spec.a, fromXr);
                goEqual(spec.b, fromEnv);
                goEqual((out.composite.status as JsonObject).copied, fromStatus);
                for (const n of numbers(out.resources[0].resource).concat(numbers(out.composite.status as Value))) {
                    assert.equal(typeof n, "bigint");
                }
            }),
            { numRuns: 100 },
        );
    });

    it("inside the function, a patch turns the float64s a Struct delivers back into int64s", () => {
        const patch = decodePatch({ fromFieldPath: "spec.v", toFieldPath: "spec.v" });
        fc.assert(
            fc.property(fc.dictionary(key, int, { maxKeys: 5 }), (v) => {
                const from = structRoundTrip({ spec: { v } }) as JsonObject;
                assert.ok(numbers(from).every((n) => typeof n === "number"), "a Struct carries doubles");
                const to: JsonObject = { apiVersion: "example.org/v1", kind: "Thing" };
                applyFromFieldPathPatch(patch, from, to);
                goEqual((to.spec as JsonObject).v, v);
            }),
        );
    });

    it("beyond 2^53 an XR integer loses precision on the way through, as the protobuf Struct makes it", () => {
        const comp = composition([{ type: "FromCompositeFieldPath", fromFieldPath: "spec.parameters.n", toFieldPath: "spec.n" }]);
        const out = renderComposition({ composite: xr({ n: 9007199254740993n }), composition: comp });
        assert.equal((out.resources[0].resource.spec as JsonObject).n, 9007199254740992n);
    });
});
