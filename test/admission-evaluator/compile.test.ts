import { strict as assert } from "assert";
import { compilePolicies } from "../../admission-evaluator";
import { compileOne, errorOf, fixtureResourceMap, policy } from "./helpers";

/** The string at a path such as `spec.validations[0].expression`. */
function valueAt(root: unknown, field: string): string {
    let value: unknown = root;
    for (const part of field.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
        value = (value as Record<string, unknown>)[part];
    }
    return String(value);
}

describe("admission-evaluator: compilePolicies", () => {
    describe("type-checks every expression at load", () => {
        const cases: [string, Record<string, unknown>, string, RegExp][] = [
            ["unknown function", { validations: [{ expression: "object.metadata.name.lowerAsci() == 'x'" }] },
                "spec.validations[0].expression", /no matching overload for 'dyn\.lowerAsci\(\)'/],
            ["wrong overload", { validations: [{ expression: "size(object.metadata.name, 1) > 0" }] },
                "spec.validations[0].expression", /no matching overload for 'size\(dyn, int\)'/],
            ["wrong argument type of an added function", { validations: [{ expression: "'a'.replace('a', 1) == 'b'" }] },
                "spec.validations[0].expression", /no matching overload/],
            ["parse error", { validations: [{ expression: "object.metadata.name ==" }] }, "spec.validations[0].expression", /Unexpected token/],
            ["non-bool validation", { validations: [{ expression: "object.metadata.name" }] },
                "spec.validations[0].expression", /output must be of type bool, but is dyn/],
            ["non-string messageExpression", { validations: [{ expression: "true", messageExpression: "1 + 1" }] },
                "spec.validations[0].messageExpression", /output must be of type string, but is int/],
            ["typo in a variable name", { variables: [{ name: "labels", expression: "{'a': 'b'}" }], validations: [{ expression: "variables.lables.size() > 0" }] },
                "spec.validations[0].expression", /lables/],
            ["variable used before it is declared", { variables: [{ name: "a", expression: "variables.b" }, { name: "b", expression: "1" }] },
                "spec.variables[0].expression", /No such key: b/],
            ["typo in a request field", { validations: [{ expression: "request.operaton == 'CREATE'" }] },
                "spec.validations[0].expression", /operaton/],
            ["variables in matchConditions", { matchConditions: [{ name: "c", expression: "variables.x == 1" }], variables: [{ name: "x", expression: "1" }] },
                "spec.matchConditions[0].expression", /No such key: x/],
            ["non-bool matchCondition", { matchConditions: [{ name: "c", expression: "'yes'" }] }, "spec.matchConditions[0].expression", /must be of type bool/],
            ["int auditAnnotation", { auditAnnotations: [{ key: "k", valueExpression: "1" }] }, "spec.auditAnnotations[0].valueExpression", /string or null/],
            ["unknown identifier", { validations: [{ expression: "params.x == 1" }] }, "spec.validations[0].expression", /params/],
        ];
        for (const [what, spec, field, detail] of cases) {
            it(`rejects ${what}, naming the policy, the field and the expression`, () => {
                const message = errorOf(() => compileOne(spec));
                assert.match(message, /policy "test-policy"/);
                assert.ok(message.includes(field), message);
                assert.match(message, detail);
                assert.ok(message.includes(valueAt({ spec }, field)), `the expression is not quoted in:\n${message}`);
            });
        }

        it("shows the source of a rejected expression", () => {
            const message = errorOf(() => compileOne({ validations: [{ expression: "object.metadata.name.lowerAsci() == 'x'" }] }));
            assert.ok(message.includes("object.metadata.name.lowerAsci() == 'x'"), message);
        });

        it("reports the problems of every policy together, with the source file", () => {
            const message = errorOf(() => compilePolicies(
                [policy({ validations: [{ expression: "nope(1)" }] }, "a"), policy({ validations: [{ expression: "true" }] }, "b"), policy({ validatons: [] }, "c")],
                { sources: ["a.yaml", "b.yaml", "c.yaml"] },
            ));
            assert.match(message, /policy "a" \(a\.yaml\): spec\.validations\[0\]\.expression/);
            assert.match(message, /policy "c" \(c\.yaml\): spec\.validatons: unknown field/);
            assert.doesNotMatch(message, /policy "b"/);
        });

        it("accepts the Kubernetes CEL idioms the platform uses", () => {
            const compiled = compileOne({
                variables: [
                    { name: "labels", expression: "object.metadata.?labels.orValue({})" },
                    { name: "size", expression: "quantity(object.?data.?size.orValue('1Gi'))" },
                ],
                validations: [
                    { expression: "has(object.metadata.labels) || variables.labels.size() == 0" },
                    { expression: "variables.labels[?'app'].hasValue() || true" },
                    { expression: "object.metadata.name.lowerAscii().startsWith('a') || object.metadata.name.matches('^[a-z-]+$')" },
                    { expression: "variables.size.isLessThan(quantity('1Ti'))" },
                    { expression: "[1, 2, 3].sum() == 6 && [3, 1].min() == 1 && ['a', 'b'].isSorted()" },
                    { expression: "'a,b'.split(',').join('-').replace('-', '+') == 'a+b'", messageExpression: "'%s is %d'.format([dyn('x'), dyn(1)])" },
                ],
                auditAnnotations: [{ key: "owner", valueExpression: "string(variables.labels[?'owner'].orValue(''))" }],
            });
            assert.equal(compiled.policies.length, 1);
        });
    });

    describe("validates the policy shape", () => {
        const cases: [string, unknown, RegExp][] = [
            ["a wrong kind", { ...policy({}), kind: "ClusterPolicy" }, /kind: must be ValidatingPolicy \(got "ClusterPolicy"\)/],
            ["a wrong apiVersion", { ...policy({}), apiVersion: "kyverno.io/v1" }, /apiVersion: must be one of policies\.kyverno\.io\/v1/],
            ["a missing name", { ...policy({}), metadata: {} }, /policy #1: metadata\.name: is required/],
            ["a missing matchConstraints", { ...policy({}), spec: { validations: [] } }, /spec\.matchConstraints: is required/],
            ["a kind in resources", policy({ matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["ConfigMap"] }] } }),
                /resources\[0\]: must be a lower-case plural resource name, not a kind/],
            ["missing apiGroups", policy({ matchConstraints: { resourceRules: [{ apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"] }] } }),
                /resourceRules\[0\]\.apiGroups: must list at least one value \(an empty list matches nothing\); use \[""\] for the core group/],
            ["an unknown operation", policy({ matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["PATCH"], resources: ["pods"] }] } }),
                /operations\[0\]: must be one of CREATE, UPDATE, DELETE, CONNECT, \*/],
            ["Deny with Warn", policy({ validationActions: ["Deny", "Warn"] }), /spec\.validationActions: must not combine Deny and Warn/],
            ["an unknown action", policy({ validationActions: ["Enforce"] }), /spec\.validationActions\[0\]: must be one of Deny, Warn, Audit/],
            ["a bad failurePolicy", policy({ failurePolicy: "Warn" }), /spec\.failurePolicy: must be one of Fail, Ignore/],
            ["an empty expression", policy({ validations: [{ expression: "" }] }), /spec\.validations\[0\]\.expression: must not be empty/],
            ["a misspelled validation field", policy({ validations: [{ expresion: "true" }] }), /spec\.validations\[0\]\.expresion: unknown field/],
            ["a duplicate variable", policy({ variables: [{ name: "a", expression: "1" }, { name: "a", expression: "2" }] }), /spec\.variables\[1\]\.name: duplicate "a"/],
            ["a variable name that is not an identifier", policy({ variables: [{ name: "my-var", expression: "1" }] }), /must be a CEL identifier/],
            ["a duplicate matchCondition", policy({ matchConditions: [{ name: "a", expression: "true" }, { name: "a", expression: "true" }] }), /matchConditions\[1\]\.name: duplicate/],
            ["an In requirement without values", policy({ matchConstraints: {
                resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"] }],
                objectSelector: { matchExpressions: [{ key: "a", operator: "In" }] },
            } }), /objectSelector\.matchExpressions\[0\]\.values: must not be empty for In/],
            ["a JSON-mode policy", policy({ evaluation: { mode: "JSON" } }), /spec\.evaluation\.mode: must be one of Kubernetes/],
            ["a bad reason", policy({ validations: [{ expression: "true", reason: "Nope" }] }), /spec\.validations\[0\]\.reason: must be one of Unauthorized/],
        ];
        for (const [what, object, expected] of cases) {
            it(`rejects ${what}`, () => {
                assert.match(errorOf(() => compilePolicies([object])), expected);
            });
        }

        it("rejects two policies with the same name", () => {
            assert.match(errorOf(() => compilePolicies([policy({}, "x"), policy({}, "x")])), /metadata\.name: duplicate policy name "x"/);
        });

        it("defaults validationActions to Deny and failurePolicy to Fail", () => {
            const [compiled] = compileOne({ validations: [{ expression: "true" }] }).policies;
            assert.deepEqual(compiled.definition.validationActions, ["Deny"]);
            assert.equal(compiled.definition.failurePolicy, "Fail");
        });
    });

    it("warns about orValue() on a field that is not optional (cel-go passes it through, cel-js errors)", () => {
        const compiled = compileOne({
            variables: [{ name: "opt", expression: "object.?data" }],
            validations: [
                { expression: "object.data.orValue({}).size() >= 0" },
                { expression: "object.?data.orValue({}).size() >= 0 && variables.opt.orValue({}).size() >= 0" },
                { expression: "[object].all(o, o.data.orValue({}).size() >= 0)" },
            ],
        });
        assert.equal(compiled.warnings.length, 2, compiled.warnings.join("\n"));
        assert.match(compiled.warnings[0], /spec\.validations\[0\]\.expression: orValue\(\) on object\.data, which is not optional/);
        assert.match(compiled.warnings[1], /spec\.validations\[2\]\.expression: orValue\(\) on o\.data/);
    });

    it("warns about a resource name its group does not know (a likely typo), without failing", () => {
        const compiled = compilePolicies([policy({
            matchConstraints: { resourceRules: [{ apiGroups: ["platform.example.com"], apiVersions: ["*"], operations: ["CREATE"], resources: ["postgresqlinstance"] }] },
        })], { resourceMap: fixtureResourceMap() });
        assert.equal(compiled.warnings.length, 1);
        assert.match(compiled.warnings[0], /"postgresqlinstance" is not a resource of group "platform\.example\.com" \(known: .*postgresqlinstances/);
    });
});
