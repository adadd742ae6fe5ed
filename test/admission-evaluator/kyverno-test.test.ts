import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { formatKyvernoTestReport, runKyvernoTests, type SuiteReport } from "../../admission-evaluator";
import { errorOf, FIXTURES, fixtureResourceMap } from "./helpers";
import { CONFIGMAPS, policyYaml, TempSuites, testYaml } from "./suite-files";

const temp = new TempSuites();

/** Runs the one suite under `dir`. */
function runOne(dir: string): SuiteReport {
    const report = runKyvernoTests([dir], { resourceMap: fixtureResourceMap() });
    assert.equal(report.suites.length, 1);
    return report.suites[0];
}

function suite(files: Record<string, string>): SuiteReport {
    return runOne(temp.write(files));
}

const result = (policy: string, resources: string, expected: string, extra = "") =>
    `  - policy: ${policy}\n    isValidatingPolicy: true\n    kind: ConfigMap\n    resources: [${resources}]\n    result: ${expected}\n${extra}`;

describe("admission-evaluator: runKyvernoTests", () => {
    afterEach(() => temp.cleanup());

    describe("the fixture suites", () => {
        const folders = fs.readdirSync(FIXTURES).filter((f) => fs.existsSync(path.join(FIXTURES, f, ".kyverno-test", "kyverno-test.yaml")));

        it("are the five fixture policies", () => {
            assert.deepEqual(folders.sort(), ["claim-namespaces", "postgresql-parameters", "postgresql-updates", "production-databases", "required-labels"]);
        });

        it("all run as expected, with nothing the real kyverno test would report differently", () => {
            const report = runKyvernoTests([FIXTURES], { resourceMap: fixtureResourceMap() });
            assert.ok(report.ok, formatKyvernoTestReport(report));
            assert.equal(report.suites.length, 5);
            assert.ok(report.passed >= 30);
            for (const row of report.suites.flatMap((s) => s.rows)) assert.equal(row.compatibility, undefined, `${row.policy} ${row.resource}`);
        });

        it("also pass without a resource map, guessing plurals like the CLI does offline", () => {
            const report = runKyvernoTests([FIXTURES]);
            assert.ok(report.ok, formatKyvernoTestReport(report));
            assert.ok(report.suites[0].notes.some((n) => n.includes('guessed as "postgresqlinstances"')));
        });

        it("each expect pass, fail and skip, on claims with missing optional fields, and never an error", () => {
            const report = runKyvernoTests([FIXTURES], { resourceMap: fixtureResourceMap() });
            for (const s of report.suites) {
                const expected = new Set(s.rows.map((r) => r.expected));
                for (const kind of ["pass", "fail"]) assert.ok(expected.has(kind as never), `${s.name} has no ${kind} case`);
                if (s.name !== "postgresql-parameters") assert.ok(expected.has("skip"), `${s.name} has no skip case`);
                assert.ok(s.rows.every((r) => r.actual !== "error"), s.name);
            }
        });
    });

    describe("a mutated policy makes its suite fail", () => {
        const mutations: [string, string, string, string][] = [
            ["required-labels", "require-claim-labels.yaml", "orValue('') != '')", "orValue('') == '')"],
            ["required-labels", "require-claim-labels.yaml", "orValue('') != 'true'", "orValue('') == 'true'"],
            ["postgresql-parameters", "postgresql-parameters.yaml", "variables.storageGB >= 20", "variables.storageGB > 20"],
            ["postgresql-parameters", "postgresql-parameters.yaml", "orValue(false) == false", "orValue(false) == true"],
            ["postgresql-updates", "postgresql-updates.yaml", "orValue('') != 'prod' ||", "orValue('') == 'prod' ||"],
            ["claim-namespaces", "claim-namespaces.yaml", "orValue('') == 'true'", "orValue('') != 'true'"],
            ["claim-namespaces", "claim-namespaces.yaml", "variables.costCenter == variables.nsCostCenter", "variables.costCenter != variables.nsCostCenter"],
            ["production-databases", "production-databases.yaml", "orValue(7) >= 7", "orValue(7) < 7"],
            ["production-databases", "production-databases.yaml", "orValue('') == 'prod'", "orValue('') != 'prod'"],
        ];
        for (const [folder, file, from, to] of mutations) {
            it(`${folder}: ${from} → ${to}`, () => {
                const dir = temp.copyFixture(folder);
                const policyFile = path.join(dir, file);
                const text = fs.readFileSync(policyFile, "utf8");
                assert.equal(text.split(from).length, 2, `the mutation must hit exactly once: ${from}`);
                fs.writeFileSync(policyFile, text.replace(from, to));
                const mutated = runOne(dir);
                assert.equal(mutated.error, undefined);
                assert.ok(mutated.failed > 0, `the suite still passes with ${to}`);
            });
        }
    });

    describe("reporting", () => {
        it("names the resource, the policy, the expectation, the outcome and the message of a failing row", () => {
            const report = runKyvernoTests([temp.write({
                "policy.yaml": policyYaml("small-configs", "int(object.data.size) < 10"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml(result("small-configs", "small, team-b/large", "pass")),
            })]);
            assert.equal(report.ok, false);
            assert.deepEqual([report.passed, report.failed], [1, 1]);
            const row = report.suites[0].rows.find((r) => !r.ok);
            assert.deepEqual(
                row && [row.policy, row.kind, row.resource, row.operation, row.expected, row.actual, row.message],
                ["small-configs", "ConfigMap", "team-b/large", "CREATE", "pass", "fail", "small-configs failed"],
            );
            const text = formatKyvernoTestReport(report);
            assert.match(text, /✗ small-configs {2}ConfigMap team-b\/large {2}CREATE {2}expected pass, got fail — small-configs failed/);
            assert.match(text, /policy: {4}small-configs\n {4}resource: {2}ConfigMap team-b\/large \(CREATE\)\n {4}expected: {2}pass\n {4}got: {7}fail\n {4}message: {3}small-configs failed/);
            assert.match(text, /1 passed, 1 failed in 1 suite$/);
        });

        it("a resource name that is not in the suite is a failing row, not a silent pass", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "true"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml(result("p", "smal", "pass")),
            });
            assert.deepEqual(s.rows.map((r) => [r.actual, r.ok, r.message]), [["not found", false, 'no ConfigMap named "smal" in the suite\'s resources']]);
        });

        it("a policy that is not in the suite is a failing row", () => {
            const s = suite({ "policy.yaml": policyYaml("p", "true"), "resources.yaml": CONFIGMAPS, "kyverno-test.yaml": testYaml(result("q", "small", "pass")) });
            assert.match(s.rows[0].message, /policy "q" is not in the suite's policies/);
            assert.equal(s.failed, 1);
        });
    });

    describe("operations and old objects (the CLI's format)", () => {
        it("UPDATE sends the resource as object and as oldObject; DELETE as oldObject only", () => {
            const s = suite({
                "policy.yaml": policyYaml("shape", "request.operation == 'CREATE' ? oldObject == null : request.operation == 'UPDATE' ? object == oldObject : object == null && oldObject.metadata.name == 'small'"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml([
                    result("shape", "small", "pass"),
                    result("shape", "small", "pass", "    operation: UPDATE\n"),
                    result("shape", "small", "pass", "    operation: DELETE\n"),
                ].join("")),
            });
            assert.deepEqual(s.rows.map((r) => [r.operation, r.actual]), [["CREATE", "pass"], ["UPDATE", "pass"], ["DELETE", "pass"]]);
        });

        it("request.operation in the values' globalValues is the default; a result's operation wins", () => {
            const s = suite({
                "policy.yaml": policyYaml("updates-only", "request.operation == 'UPDATE'"),
                "resources.yaml": CONFIGMAPS,
                "values.yaml": "apiVersion: cli.kyverno.io/v1alpha1\nkind: Values\nglobalValues:\n  request.operation: UPDATE\n",
                "kyverno-test.yaml": testYaml(result("updates-only", "small", "pass") + result("updates-only", "small", "fail", "    operation: CREATE\n"), "variables: values.yaml\n"),
            });
            assert.ok(s.rows.every((r) => r.ok), JSON.stringify(s.rows));
            assert.deepEqual(s.rows.map((r) => r.operation), ["UPDATE", "CREATE"]);
        });

        it("rejects an unknown operation, naming the field", () => {
            const s = suite({ "policy.yaml": policyYaml("p", "true"), "resources.yaml": CONFIGMAPS, "kyverno-test.yaml": testYaml(result("p", "small", "pass", "    operation: PATCH\n")) });
            assert.match(s.error ?? "", /results\[0\]\.operation: must be one of CREATE, UPDATE, DELETE/);
        });
    });

    describe("values, userinfo and cluster resources", () => {
        it("namespaces and namespaceSelector in the values supply namespaceObject; inline values win over the file", () => {
            const values = [
                "namespaces:",
                "  - {apiVersion: v1, kind: Namespace, metadata: {name: team-a, labels: {tier: silver}}}",
                "namespaceSelector:",
                "  - {name: team-b, labels: {tier: gold}}",
            ].join("\n");
            const s = suite({
                "policy.yaml": policyYaml("gold-namespaces", "namespaceObject.metadata.labels.tier == 'gold'"),
                "resources.yaml": CONFIGMAPS,
                "values.yaml": "apiVersion: cli.kyverno.io/v1alpha1\nkind: Value\nnamespaces: []\n",
                "kyverno-test.yaml": testYaml(result("gold-namespaces", "large", "pass") + result("gold-namespaces", "small", "fail"),
                    `variables: values.yaml\nvalues:\n${values.replace(/^/gm, "  ")}\n`),
            });
            assert.ok(s.rows.every((r) => r.ok), JSON.stringify(s.rows));
        });

        it("a userinfo file supplies request.userInfo", () => {
            const s = suite({
                "policy.yaml": policyYaml("admins-only", "'platform-admins' in request.userInfo.groups && request.userInfo.username == 'alice'"),
                "resources.yaml": CONFIGMAPS,
                "user.yaml": "apiVersion: cli.kyverno.io/v1alpha1\nkind: UserInfo\nuserInfo:\n  username: alice\n  groups: [platform-admins]\n",
                "kyverno-test.yaml": testYaml(result("admins-only", "small", "pass"), "userinfo: user.yaml\n"),
            });
            assert.ok(s.rows[0].ok, JSON.stringify(s.rows));
        });

        it("clusterResources CRDs map kinds whose plural cannot be guessed", () => {
            const policy = policyYaml("octopi", "true").replace('apiGroups: [""]', "apiGroups: [sea.example.com]").replace("[configmaps]", "[octopi]").replace("[v1]", '["*"]');
            const s = suite({
                "policy.yaml": policy,
                "resources.yaml": "apiVersion: sea.example.com/v1\nkind: Octopus\nmetadata: {name: paul, namespace: tank}\n",
                "cluster.yaml": "apiVersion: cli.kyverno.io/v1alpha1\nkind: ClusterResource\nspec:\n  crds: [crd.yaml]\n",
                "crd.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: octopi.sea.example.com}\n" +
                    "spec: {group: sea.example.com, scope: Namespaced, names: {kind: Octopus, plural: octopi}, versions: [{name: v1}]}\n",
                "kyverno-test.yaml": testYaml("  - {policy: octopi, kind: Octopus, resources: [paul], result: pass}\n", "clusterResources: [cluster.yaml]\n"),
            });
            assert.ok(s.rows[0].ok, JSON.stringify(s.rows));
        });

        it("puts a namespaced resource without a namespace in default, like the CLI", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "object.metadata.namespace == 'default' && request.namespace == 'default'"),
                "resources.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loose}\n",
                "kyverno-test.yaml": testYaml(result("p", "default/loose", "pass")),
            });
            assert.deepEqual(s.rows.map((r) => [r.resource, r.actual]), [["default/loose", "pass"]]);
        });

        it("selects resources by resourceSpecs", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "object.metadata.name == 'large'"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml("  - policy: p\n    kind: ConfigMap\n    result: pass\n    resourceSpecs: [{version: v1, kind: ConfigMap, namespace: team-b, name: large}]\n"),
            });
            assert.deepEqual(s.rows.map((r) => [r.resource, r.ok]), [["team-b/large", true]]);
        });
    });

    describe("compatibility with the real kyverno test", () => {
        it("flags a skip the CLI would report as Not found (a plain policy that does not match the resource)", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "true").replace("[CREATE, UPDATE, DELETE]", "[UPDATE]"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml(result("p", "small", "skip")),
            });
            assert.equal(s.rows[0].ok, true);
            assert.match(s.rows[0].compatibility ?? "", /Not found/);
        });

        it("flags a non-skip expectation the CLI would pass as Excluded (a policy with a selector)", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "true").replace("  validations:", "    objectSelector: {matchLabels: {tier: gold}}\n  validations:"),
                "resources.yaml": CONFIGMAPS,
                "kyverno-test.yaml": testYaml(result("p", "small", "fail")),
            });
            assert.deepEqual([s.rows[0].actual, s.rows[0].ok], ["skip", false]);
            assert.match(s.rows[0].compatibility ?? "", /Excluded/);
        });

        it("flags controller rows of a pod policy, which Kyverno's autogen would evaluate", () => {
            const s = suite({
                "policy.yaml": policyYaml("p", "true").replace("[configmaps]", "[pods]"),
                "resources.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: a}\n",
                "kyverno-test.yaml": testYaml("  - {policy: p, kind: Deployment, resources: [web], result: pass}\n"),
            });
            assert.deepEqual([s.rows[0].actual, s.rows[0].ok], ["skip", false]);
            assert.match(s.rows[0].compatibility ?? "", /autogen/);
        });
    });

    describe("bad suites", () => {
        const cases: [string, Record<string, string>, RegExp][] = [
            ["a misspelled field", { "kyverno-test.yaml": testYaml(result("p", "small", "pass")).replace("results:", "result:") },
                /test\.result: unknown field/],
            ["an unsupported field", { "kyverno-test.yaml": testYaml(result("p", "small", "pass"), "jsonPayloads: [a.json]\n") },
                /jsonPayloads: is not supported by the offline runner/],
            ["an unsupported result type", { "kyverno-test.yaml": testYaml(result("p", "small", "pass", "    isMutatingPolicy: true\n")) },
                /results\[0\]\.isMutatingPolicy: is not supported/],
            ["a missing result", { "kyverno-test.yaml": testYaml("  - {policy: p, kind: ConfigMap, resources: [small]}\n") },
                /results\[0\]\.result: is required/],
            ["a missing policy file", { "kyverno-test.yaml": testYaml(result("p", "small", "pass")).replace("[policy.yaml]", "[nope.yaml]") },
                /policies\[0\]: nope\.yaml: no such file or directory/],
            ["a policy that does not type-check", { "policy.yaml": policyYaml("p", "object.metadata.name.lowerAsci() == 'x'") },
                /policy "p" \(.*policy\.yaml\): spec\.validations\[0\]\.expression: found no matching overload/],
            ["a classic ClusterPolicy", { "policy.yaml": "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\n" },
                /ClusterPolicy is not supported offline \(ValidatingPolicy only\)/],
            ["bad YAML", { "resources.yaml": "a: [\n" }, /resources\.yaml \(line \d+\): invalid YAML/],
            ["a resource without a name", { "resources.yaml": "apiVersion: v1\nkind: ConfigMap\n" }, /every resource needs apiVersion, kind and metadata\.name/],
            ["a bad values kind", { "values.yaml": "apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\n", "kyverno-test.yaml": testYaml(result("p", "small", "pass"), "variables: values.yaml\n") },
                /values\.yaml: invalid values:\n {2}- kind: must be Value or Values/],
        ];
        for (const [what, overrides, expected] of cases) {
            it(`reports ${what} as a suite error, naming the field`, () => {
                const files = { "policy.yaml": policyYaml("p", "true"), "resources.yaml": CONFIGMAPS, "kyverno-test.yaml": testYaml(result("p", "small", "pass")), ...overrides };
                const report = runKyvernoTests([temp.write(files)]);
                assert.equal(report.ok, false);
                assert.match(report.suites[0].error ?? "", expected);
                assert.match(formatKyvernoTestReport(report), /\(1 could not be loaded\)/);
            });
        }

        it("a folder without any kyverno-test.yaml, or a missing folder, is a usage error", () => {
            assert.match(errorOf(() => runKyvernoTests([temp.write({ "readme.md": "" })])), /no kyverno-test\.yaml found under/);
            assert.match(errorOf(() => runKyvernoTests([path.join(FIXTURES, "nope")])), /nope: no such file or directory/);
        });
    });
});
