// The environment step inside renderComposition: selectors resolved against the
// EnvironmentConfigs the caller passes, and Function name aliases.
import { strict as assert } from "node:assert";
import { UserInputError } from "../../cli/errors";
import { JsonObject, renderComposition } from "../../composition-renderer";
import { ptComposition } from "./pt-composition";

function envConfig(name: string, labels: Record<string, string>, data: JsonObject): JsonObject {
    return { apiVersion: "apiextensions.crossplane.io/v1beta1", kind: "EnvironmentConfig", metadata: { name, labels }, data };
}

function composition(envInput: JsonObject, envFunction = "function-environment-configs"): JsonObject {
    const envStep = { step: "env", functionRef: { name: envFunction }, input: { apiVersion: "environmentconfigs.fn.crossplane.io/v1beta1", kind: "Input", spec: envInput } };
    const configMap = {
        name: "cm",
        base: { apiVersion: "v1", kind: "ConfigMap", data: {} },
        patches: [
            { type: "FromEnvironmentFieldPath", fromFieldPath: "region", toFieldPath: "data.region" },
            { type: "FromEnvironmentFieldPath", fromFieldPath: "tier", toFieldPath: "data.tier" },
        ],
    };
    return ptComposition([configMap], [envStep]);
}

const xr: JsonObject = { apiVersion: "example.org/v1", kind: "XThing", metadata: { name: "x" }, spec: { team: "payments" } };
const configs = [
    envConfig("b-defaults", { scope: "global" }, { region: "eu-west-1", tier: "bronze" }),
    envConfig("a-defaults", { scope: "global" }, { region: "us-east-1" }),
    envConfig("payments", { team: "payments" }, { tier: "gold" }),
];

function data(input: JsonObject, fn?: string, aliases?: Record<string, "function-environment-configs">): JsonObject {
    const out = renderComposition({ composite: xr, composition: composition(input, fn), environmentConfigs: configs, functions: aliases });
    return out.resources[0].resource.data as JsonObject;
}

describe("renderComposition: environment selectors", () => {
    it("merges configs selected by label (Multiple, sorted by name) and by a label taken from the XR", () => {
        const got = data({
            environmentConfigs: [
                { type: "Selector", selector: { mode: "Multiple", matchLabels: [{ type: "Value", key: "scope", value: "global" }] } },
                { type: "Selector", selector: { mode: "Single", matchLabels: [{ key: "team", valueFromFieldPath: "spec.team" }] } },
            ],
        });
        // a-defaults then b-defaults (sorted), then the team config.
        assert.deepEqual(got, { region: "eu-west-1", tier: "gold" });
    });

    it("honours maxMatch after sorting", () => {
        const got = data({
            environmentConfigs: [
                { type: "Selector", selector: { mode: "Multiple", maxMatch: 1, matchLabels: [{ type: "Value", key: "scope", value: "global" }] } },
            ],
        });
        assert.deepEqual(got, { region: "us-east-1" });
    });

    it("fails a Single selector that matches more than one config", () => {
        assert.throws(
            () => data({ environmentConfigs: [{ type: "Selector", selector: { matchLabels: [{ type: "Value", key: "scope", value: "global" }] } }] }),
            (e: unknown) =>
                e instanceof UserInputError &&
                /pipeline step "env" returned a fatal result: .*by selector: expected exactly one required resource, got 2/.test(e.message),
        );
    });

    it("skips a missing reference when the resolution policy is Optional", () => {
        const got = data({ policy: { resolution: "Optional" }, environmentConfigs: [{ ref: { name: "absent" } }, { ref: { name: "payments" } }] });
        assert.deepEqual(got, { tier: "gold" });
    });

    it("runs a Function whose object name is not recognisable when given an alias", () => {
        const input = { environmentConfigs: [{ ref: { name: "payments" } }] };
        assert.throws(() => data(input, "platform-env"), /step "env" uses function "platform-env"/);
        assert.deepEqual(data(input, "platform-env", { "platform-env": "function-environment-configs" }), { tier: "gold" });
    });
});
