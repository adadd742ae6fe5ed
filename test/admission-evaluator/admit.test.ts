import { strict as assert } from "assert";
import { admit, compilePolicies, formatAdmissionResult, parseKubernetesYaml } from "../../admission-evaluator";
import { compileOne, configMap, judge, policy } from "./helpers";

describe("admission-evaluator: admit", () => {
    describe("validations", () => {
        it("pass when every validation is true", () => {
            const result = judge(compileOne({ validations: [{ expression: "true" }, { expression: "1 < 2" }] }), { object: configMap() });
            assert.equal(result.status, "pass");
            assert.equal(result.message, "2 validations passed");
        });

        it("fail at the first false validation, in order, with its index and reason", () => {
            const compiled = compileOne({
                validations: [
                    { expression: "true", message: "zero" },
                    { expression: "false", message: "one", reason: "Forbidden" },
                    { expression: "false", message: "two" },
                ],
            });
            const result = judge(compiled, { object: configMap() });
            assert.deepEqual([result.status, result.message, result.validationIndex, result.reason], ["fail", "one", 1, "Forbidden"]);
        });

        it("a runtime error is an error status, never an exception", () => {
            const result = judge(compileOne({ validations: [{ expression: "object.data.missing == 'x'" }] }), { object: configMap() });
            assert.equal(result.status, "error");
            assert.equal(result.validationIndex, 0);
            assert.match(result.message, /spec\.validations\[0\]: evaluation error: No such key: missing \(in: object\.data\.missing == 'x'\)/);
        });

        it("optional syntax turns a missing field into a default instead of an error", () => {
            const compiled = compileOne({ validations: [{ expression: "object.?spec.?replicas.orValue(1) >= 1 && !has(object.spec)" }] });
            assert.equal(judge(compiled, { object: configMap() }).status, "pass");
        });

        it("reads YAML integers as CEL int and JSON numbers the same way", () => {
            const compiled = compileOne({ validations: [{ expression: "object.data.count + 1 == 3 && type(object.data.count) == int && type(object.data.ratio) == double" }] });
            const [fromYaml] = parseKubernetesYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\ndata: {count: 2, ratio: 0.5}\n");
            assert.equal(judge(compiled, { object: fromYaml }).status, "pass");
            assert.equal(judge(compiled, { object: configMap("a", {}, { count: 2, ratio: 0.5 }) }).status, "pass");
        });
    });

    describe("messages", () => {
        const messageOf = (validation: Record<string, unknown>): string =>
            judge(compileOne({ validations: [{ expression: "false", ...validation }] }), { object: configMap("my-config") }).message;

        it("messageExpression wins over message", () => {
            assert.equal(messageOf({ message: "static", messageExpression: "'config ' + object.metadata.name" }), "config my-config");
        });
        it("falls back to message when messageExpression errors", () => {
            assert.equal(messageOf({ message: "static", messageExpression: "string(object.data.missing)" }), "static");
        });
        it("falls back to message when messageExpression is empty or blank", () => {
            assert.equal(messageOf({ message: "static", messageExpression: "''" }), "static");
            assert.equal(messageOf({ message: "static", messageExpression: "'   '" }), "static");
        });
        it("falls back to message when messageExpression has a line break", () => {
            assert.equal(messageOf({ message: "static", messageExpression: "'two\\nlines'" }), "static");
        });
        it("uses Kyverno's default when there is neither", () => {
            assert.equal(messageOf({}), "CEL expression validation failed at index 0");
            assert.equal(messageOf({ messageExpression: "''" }), "CEL expression validation failed at index 0");
        });
    });

    describe("variables", () => {
        it("are evaluated lazily, in order, and read as variables.x", () => {
            const compiled = compileOne({
                variables: [
                    { name: "name", expression: "object.metadata.name" },
                    { name: "upper", expression: "variables.name.upperAscii()" },
                    { name: "broken", expression: "object.data.missing" },
                ],
                validations: [{ expression: "variables.upper == 'CM'" }],
            });
            assert.equal(judge(compiled, { object: configMap("cm") }).status, "pass");
        });

        it("a failing variable fails only the validation that reads it, naming it", () => {
            const compiled = compileOne({
                variables: [{ name: "broken", expression: "object.data.missing" }],
                validations: [{ expression: "true" }, { expression: "variables.broken == 'x'" }],
            });
            const result = judge(compiled, { object: configMap() });
            assert.equal(result.status, "error");
            assert.equal(result.validationIndex, 1);
            assert.match(result.message, /variables\.broken: No such key: missing/);
        });
    });

    describe("matchConditions", () => {
        const conditions = (expressions: string[], failurePolicy?: string) => compileOne({
            matchConditions: expressions.map((expression, i) => ({ name: `c${i}`, expression })),
            validations: [{ expression: "false", message: "validated" }],
            ...(failurePolicy ? { failurePolicy } : {}),
        });

        it("all true: the policy applies", () => {
            assert.equal(judge(conditions(["true", "1 == 1"]), { object: configMap() }).status, "fail");
        });
        it("one false: skip, naming the condition", () => {
            const result = judge(conditions(["true", "false"]), { object: configMap() });
            assert.deepEqual([result.status, result.skipReason, result.message], ["skip", "matchConditions", 'matchCondition "c1" is false']);
        });
        it("a false condition wins over an erroring one", () => {
            assert.equal(judge(conditions(["object.data.missing == 'x'", "false"]), { object: configMap() }).status, "skip");
        });
        it("an error is an error under failurePolicy Fail", () => {
            const result = judge(conditions(["object.data.missing == 'x'"], "Fail"), { object: configMap() });
            assert.equal(result.status, "error");
            assert.match(result.message, /spec\.matchConditions\[0\] \(c0\): evaluation error/);
        });
        it("an error skips the policy under failurePolicy Ignore", () => {
            const result = judge(conditions(["object.data.missing == 'x'"], "Ignore"), { object: configMap() });
            assert.deepEqual([result.status, result.skipReason], ["skip", "matchConditions"]);
        });
    });

    describe("validationActions", () => {
        const failing = (name: string, actions: string[]) => policy({ validationActions: actions, validations: [{ expression: "false", message: `${name} says no` }] }, name);

        it("only Deny denies; Warn warns; Audit only records", () => {
            const compiled = compilePolicies([failing("denier", ["Deny", "Audit"]), failing("warner", ["Warn"]), failing("auditor", ["Audit"])]);
            const result = admit(compiled, { object: configMap() });
            assert.equal(result.admitted, false);
            assert.deepEqual(result.denials, ["Policy denier failed: denier says no"]);
            assert.deepEqual(result.warnings, ["Policy warner failed: warner says no"]);
            assert.deepEqual(result.results.map((r) => r.status), ["fail", "fail", "fail"]);
        });

        it("admits when only Warn and Audit policies fail", () => {
            const compiled = compilePolicies([failing("warner", ["Warn"]), failing("auditor", ["Audit"])]);
            assert.equal(admit(compiled, { object: configMap() }).admitted, true);
        });

        it("an error under Deny denies (Kyverno's webhook answers 'Policy x error')", () => {
            const compiled = compilePolicies([policy({ validations: [{ expression: "object.data.missing == 'x'" }] }, "broken")]);
            const result = admit(compiled, { object: configMap() });
            assert.equal(result.admitted, false);
            assert.match(result.denials[0], /^Policy broken error: /);
        });
    });

    describe("request, oldObject and namespaceObject", () => {
        const probe = (expression: string) => compileOne({ validations: [{ expression }] });

        it("request carries operation, userInfo, namespace, name, kind and resource", () => {
            const compiled = probe([
                "request.operation == 'UPDATE'",
                "request.userInfo.username == 'alice' && 'devs' in request.userInfo.groups",
                "request.namespace == 'team-a' && request.name == 'cm'",
                "request.kind.group == '' && request.kind.version == 'v1' && request.kind.kind == 'ConfigMap'",
                "request.resource.resource == 'configmaps' && request.subResource == '' && request.dryRun == false",
            ].join(" && "));
            const input = { object: configMap(), oldObject: configMap(), operation: "UPDATE" as const, userInfo: { username: "alice", groups: ["devs"] } };
            assert.equal(judge(compiled, input).status, "pass");
        });

        it("oldObject is null on CREATE even when one is given", () => {
            assert.equal(judge(probe("oldObject == null && object != null"), { object: configMap(), oldObject: configMap() }).status, "pass");
        });

        it("oldObject is the existing object on UPDATE", () => {
            const compiled = probe("oldObject.data.size == '1' && object.data.size == '2'");
            const input = { object: configMap("cm", {}, { size: "2" }), oldObject: configMap("cm", {}, { size: "1" }), operation: "UPDATE" as const };
            assert.equal(judge(compiled, input).status, "pass");
        });

        it("object is null and oldObject is the deleted object on DELETE", () => {
            const compiled = probe("object == null && oldObject.metadata.name == 'gone' && request.name == 'gone'");
            assert.equal(judge(compiled, { oldObject: configMap("gone"), operation: "DELETE" }).status, "pass");
            assert.equal(judge(compiled, { object: configMap("gone"), operation: "DELETE" }).status, "pass");
        });

        it("namespaceObject is the given Namespace for a namespaced object", () => {
            const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { tier: "gold" } } };
            assert.equal(judge(probe("namespaceObject.metadata.labels.tier == 'gold'"), { object: configMap(), namespaceObject: ns }).status, "pass");
        });

        it("namespaceObject is null for a cluster-scoped object", () => {
            const compiled = compilePolicies([policy({
                matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["namespaces"] }] },
                validations: [{ expression: "namespaceObject == null && request.namespace == ''" }],
            })]);
            const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "x" } };
            assert.equal(judge(compiled, { object: ns, namespaceObject: ns }).status, "pass");
        });
    });

    it("skips a policy whose admission evaluation is disabled, unless asked (the CLI evaluates it)", () => {
        const compiled = compileOne({ evaluation: { admission: { enabled: false } }, validations: [{ expression: "false" }] });
        assert.equal(admit(compiled, { object: configMap() }).results[0].skipReason, "admissionDisabled");
        assert.equal(admit(compiled, { object: configMap() }, { includeAdmissionDisabled: true }).results[0].status, "fail");
    });

    it("evaluates auditAnnotations, dropping empty values", () => {
        const compiled = compileOne({
            validations: [{ expression: "false" }],
            auditAnnotations: [
                { key: "name", valueExpression: "string(object.metadata.name)" },
                { key: "empty", valueExpression: "''" },
                { key: "none", valueExpression: "null" },
            ],
        });
        assert.deepEqual(judge(compiled, { object: configMap("cm") }).auditAnnotations, { name: "cm" });
    });

    it("keeps keys named like Object prototype properties as plain map keys", () => {
        const object = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"b","labels":{"__proto__":"x","constructor":"y"}}}');
        const compiled = compilePolicies([policy({
            matchConstraints: {
                resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }],
                objectSelector: { matchLabels: { constructor: "y" } },
            },
            validations: [{ expression: "'__proto__' in object.metadata.labels && object.metadata.labels['constructor'] == 'y'" }],
        })]);
        assert.equal(judge(compiled, { object }).status, "pass");
    });

    it("formats a verdict: the request, one line per policy, the decision", () => {
        const compiled = compilePolicies([policy({ validations: [{ expression: "false", message: "no configs" }] }, "no-configs")]);
        assert.equal(formatAdmissionResult(admit(compiled, { object: configMap("cm") })), [
            "CREATE ConfigMap team-a/cm: denied",
            "  fail  no-configs [Deny]: no configs",
            '  note: no Namespace object for "team-a": namespaceObject is null',
        ].join("\n"));
    });

    it("an object that is not even a Kubernetes object is judged, not thrown on", () => {
        const compiled = compilePolicies([policy({
            matchConstraints: { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }] },
            validations: [{ expression: "object.metadata.name != ''" }],
        })]);
        for (const object of [42, "text", [1, 2], null, { a: { b: [] } }]) {
            const result = judge(compiled, { object });
            assert.ok(["pass", "fail", "skip", "error"].includes(result.status));
            assert.ok(result.message.length > 0);
        }
    });
});
