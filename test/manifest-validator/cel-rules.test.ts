import * as assert from "node:assert/strict";
import { validateManifest, type JsonSchemaProps } from "../../manifest-validator";
import { assertErrors, assertValid, manifest } from "./helpers";
import { widget, widgetRegistry } from "./synthetic";

function rules(r: JsonSchemaProps["x-kubernetes-validations"], properties: Record<string, JsonSchemaProps> = {}): JsonSchemaProps {
    return { type: "object", properties, "x-kubernetes-validations": r };
}

describe("manifest-validator: x-kubernetes-validations (CEL)", () => {
    it("a failing rule reports its message at the node's path", () => {
        const reg = widgetRegistry(rules([{ rule: "self.min <= self.max", message: "min must not exceed max" }], {
            min: { type: "integer" },
            max: { type: "integer" },
        }));
        assertValid(reg, widget({ min: 1n, max: 2n }));
        assertErrors(reg, widget({ min: 3n, max: 2n }), ["spec: min must not exceed max"]);
    });

    it("messageExpression, the fallback 'failed rule', fieldPath and reason", () => {
        const reg = widgetRegistry(
            rules(
                [
                    { rule: "self.n < 10", messageExpression: "'n is ' + string(self.n) + ', above 9'" },
                    { rule: "self.n != 7" },
                    { rule: "self.n != 8", message: "not eight", fieldPath: ".n", reason: "FieldValueForbidden" },
                    { rule: "self.n != 9", messageExpression: "self.nope", message: "fallback message" },
                ],
                { n: { type: "integer" } },
            ),
        );
        assertErrors(reg, widget({ n: 12n }), ["spec: n is 12, above 9"]);
        assertErrors(reg, widget({ n: 7n }), ["spec: failed rule: self.n != 7"]);
        const problems = assertErrors(reg, widget({ n: 8n }), ["spec.n: not eight"]);
        assert.equal(problems[0].type, "Forbidden");
        assertErrors(reg, widget({ n: 9n }), ["spec: fallback message"]);
    });

    it("has() on maps and `in` on lists, as the provider CRDs use them", () => {
        const reg = widgetRegistry(
            rules(
                [
                    {
                        rule: "!('*' in self.managementPolicies || 'Create' in self.managementPolicies || 'Update' in self.managementPolicies) || has(self.forProvider.region) || (has(self.initProvider) && has(self.initProvider.region))",
                        message: "spec.forProvider.region is a required parameter",
                    },
                ],
                {
                    managementPolicies: { type: "array", default: ["*"], items: { type: "string" } },
                    forProvider: { type: "object", properties: { region: { type: "string" } } },
                    initProvider: { type: "object", properties: { region: { type: "string" } } },
                },
            ),
        );
        assertErrors(reg, widget({ forProvider: {} }), ["spec: spec.forProvider.region is a required parameter"]);
        assertValid(reg, widget({ forProvider: {}, initProvider: { region: "eu-west-1" } }));
        assertValid(reg, widget({ forProvider: {}, managementPolicies: ["Observe"] }));
        assertValid(reg, widget({ forProvider: { region: "us-east-1" } }));
    });

    it("rules on list items and map values run per element with the element's path", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                l: { type: "array", items: { type: "string", "x-kubernetes-validations": [{ rule: "self != ''", message: "must not be empty" }] } },
                m: { type: "object", additionalProperties: { type: "string", "x-kubernetes-validations": [{ rule: "self.size() <= 3", message: "too long" }] } },
            },
        });
        assertErrors(reg, widget({ l: ["a", ""], m: { ok: "abc", bad: "abcd" } }), ["spec.l[1]: must not be empty", "spec.m[bad]: too long"]);
    });

    it("transition rules (oldSelf) are skipped on create; optionalOldSelf rules see optional.none()", () => {
        const reg = widgetRegistry(
            rules(
                [
                    { rule: "self.n == oldSelf.n", message: "immutable" },
                    { rule: "oldSelf.hasValue() || self.n > 0", message: "must start positive", optionalOldSelf: true },
                ],
                { n: { type: "integer" } },
            ),
        );
        assertValid(reg, widget({ n: 1n }));
        assertErrors(reg, widget({ n: 0n }), ["spec: must start positive"]);
    });

    it("reserved and special property names are escaped (namespace → __namespace__, a-b → a__dash__b)", () => {
        const reg = widgetRegistry(
            rules([{ rule: "has(self.__namespace__) && self.a__dash__b == 'x' && self.c__dot__d == 1", message: "escaped" }], {
                namespace: { type: "string" },
                "a-b": { type: "string" },
                "c.d": { type: "integer" },
            }),
        );
        assertValid(reg, widget({ namespace: "n", "a-b": "x", "c.d": 1n }));
        assertErrors(reg, widget({ "a-b": "x", "c.d": 1n }), ["spec: escaped"]);
    });

    it("values are typed by the schema: integer fields are CEL ints, number fields doubles, date-time timestamps", () => {
        const reg = widgetRegistry(
            rules([{ rule: "type(self.i) == int && type(self.d) == double && self.t < timestamp('2030-01-01T00:00:00Z')", message: "typed" }], {
                i: { type: "integer" },
                d: { type: "number" },
                t: { type: "string", format: "date-time" },
            }),
        );
        assertValid(reg, widget({ i: 5, d: 5n, t: "2026-01-01T00:00:00Z" }));
    });

    it("only apiVersion, kind, metadata.name and metadata.generateName are visible at the root", () => {
        const reg = widgetRegistry(
            { type: "object" },
            { rootRules: [{ rule: "self.metadata.name.startsWith('w') && !has(self.metadata.labels)", message: "root view" }] },
        );
        assertValid(reg, { ...widget({}), metadata: { name: "w1", labels: { a: "b" } } });
        assertErrors(reg, widget({}, "x1"), ["root view"]);
    });

    it("map keys named constructor or __proto__ reach CEL as ordinary keys", () => {
        const reg = widgetRegistry(
            rules([{ rule: "size(self.m) == 2 && self.m.all(k, self.m[k] == 'v') && 'constructor' in self.m", message: "keys" }], {
                m: { type: "object", additionalProperties: { type: "string" } },
            }),
        );
        assertValid(reg, manifest("apiVersion: test.paved.dev/v1\nkind: Widget\nmetadata: {name: a}\nspec: {m: {constructor: v, __proto__: v}}"));
        assertErrors(reg, manifest("apiVersion: test.paved.dev/v1\nkind: Widget\nmetadata: {name: a}\nspec: {m: {constructor: v, __proto__: x}}"), [
            "spec: keys",
        ]);
        assertErrors(reg, manifest("apiVersion: test.paved.dev/v1\nkind: Widget\nmetadata: {name: a}\nspec: {m: {constructor: v, x: v}, __proto__: {}}"), ["spec.__proto__: unknown field"]);
    });

    it("an evaluation error is an error naming the rule by its message, else its expression", () => {
        const reg = widgetRegistry(rules([{ rule: "self.missing == 1", message: "missing must be 1" }, { rule: "self.other == 2" }], { n: { type: "integer" } }));
        assertErrors(reg, widget({ n: 1n }), [
            "spec: No such key: missing evaluating rule: missing must be 1",
            "spec: No such key: other evaluating rule: self.other == 2",
        ]);
    });

    it("a rule with a function cel-js lacks is a 'rule not evaluated' warning, never a pass or a crash", () => {
        const reg = widgetRegistry(rules([{ rule: "isURL(self.u)", message: "bad url" }], { u: { type: "string" } }));
        const problems = assertValid(reg, widget({ u: "not a url" }));
        assert.equal(problems.length, 1);
        assert.equal(problems[0].type, "RuleNotEvaluated");
        assert.equal(problems[0].severity, "warning");
        assert.match(problems[0].rule, /^rule not evaluated \(.*isURL.*\): isURL\(self\.u\)$/);
    });

    it("rules are skipped when a type/required/enum error exists, unless celWhenInvalid", () => {
        const reg = widgetRegistry({
            type: "object",
            required: ["n"],
            properties: { n: { type: "integer" }, m: { type: "string" } },
            "x-kubernetes-validations": [{ rule: "has(self.m)", message: "m is needed" }],
        });
        const problems = validateManifest(reg, widget({}));
        assert.deepEqual(
            problems.map((p) => [p.path, p.type, p.severity]),
            [
                ["spec.n", "Required", "error"],
                ["", "RulesSkipped", "warning"],
            ],
        );
        assertErrors(reg, widget({}), ["spec.n: is required", "spec: m is needed"], { celWhenInvalid: true });
        assertErrors(reg, widget({ n: 1n }), ["spec: m is needed"]);
    });
});
