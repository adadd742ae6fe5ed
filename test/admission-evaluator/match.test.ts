import { strict as assert } from "assert";
import { admit, compilePolicies, type AdmissionInput } from "../../admission-evaluator";
import { configMap, fixtureResourceMap, judge, policy } from "./helpers";

type Rule = Record<string, unknown>;

const rule = (overrides: Rule = {}): Rule => ({ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"], ...overrides });

/** The status of an always-true policy with these matchConstraints on this request. */
function statusOf(matchConstraints: Record<string, unknown>, input: AdmissionInput): string {
    const compiled = compilePolicies([policy({ matchConstraints, validations: [{ expression: "true" }] })], { resourceMap: fixtureResourceMap() });
    return judge(compiled, input).status;
}

const claim = (namespace = "team-a", labels: Record<string, string> = {}) => ({
    apiVersion: "platform.example.com/v1alpha1", kind: "PostgreSQLInstance", metadata: { name: "db", namespace, labels },
});
const namespace = (name: string, labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

describe("admission-evaluator: matchConstraints", () => {
    describe("resourceRules", () => {
        const cases: [string, Rule, AdmissionInput, string][] = [
            ["group, version, plural and operation", rule(), { object: configMap() }, "pass"],
            ["another operation", rule(), { object: configMap(), oldObject: configMap(), operation: "UPDATE" }, "skip"],
            ["operations *", rule({ operations: ["*"] }), { object: configMap(), oldObject: configMap(), operation: "UPDATE" }, "pass"],
            ["another group", rule({ apiGroups: ["apps"] }), { object: configMap() }, "skip"],
            ["apiGroups *", rule({ apiGroups: ["*"] }), { object: configMap() }, "pass"],
            ["another version", rule({ apiVersions: ["v2"] }), { object: configMap() }, "skip"],
            ["apiVersions *", rule({ apiVersions: ["*"] }), { object: configMap() }, "pass"],
            ["another resource", rule({ resources: ["secrets"] }), { object: configMap() }, "skip"],
            ["resources *", rule({ resources: ["*"] }), { object: configMap() }, "pass"],
            ["resources */*", rule({ resources: ["*/*"] }), { object: configMap() }, "pass"],
            ["a subresource only", rule({ resources: ["configmaps/status"] }), { object: configMap() }, "skip"],
            ["the plural of a claim kind", rule({ apiGroups: ["platform.example.com"], apiVersions: ["v1alpha1"], resources: ["postgresqlinstances"] }), { object: claim() }, "pass"],
            ["the kind instead of the plural (never matches)", rule({ apiGroups: ["platform.example.com"], apiVersions: ["v1alpha1"], resources: ["postgresqlinstance"] }), { object: claim() }, "skip"],
            ["resourceNames listing the name", rule({ resourceNames: ["cm", "other"] }), { object: configMap("cm") }, "pass"],
            ["resourceNames not listing the name", rule({ resourceNames: ["other"] }), { object: configMap("cm") }, "skip"],
            ["resourceNames with generateName prefix", rule({ resourceNames: ["job-"] }),
                { object: { apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "job-x", namespace: "a" } } }, "pass"],
            ["scope Namespaced on a namespaced object", rule({ scope: "Namespaced" }), { object: configMap() }, "pass"],
            ["scope Cluster on a namespaced object", rule({ scope: "Cluster" }), { object: configMap() }, "skip"],
            ["scope Cluster on a Namespace", rule({ resources: ["namespaces"], scope: "Cluster" }), { object: namespace("a", {}) }, "pass"],
            ["DELETE of the old object", rule({ operations: ["DELETE"] }), { oldObject: configMap(), operation: "DELETE" }, "pass"],
        ];
        for (const [what, r, input, expected] of cases) {
            it(`${expected === "pass" ? "matches" : "skips"} ${what}`, () => {
                assert.equal(statusOf({ resourceRules: [r] }, input), expected);
            });
        }

        it("matches when any rule matches", () => {
            assert.equal(statusOf({ resourceRules: [rule({ resources: ["secrets"] }), rule()] }, { object: configMap() }), "pass");
        });

        it("matches every resource when no rule is listed (Kyverno)", () => {
            assert.equal(statusOf({}, { object: configMap() }), "pass");
        });

        it("says why a request was skipped", () => {
            const compiled = compilePolicies([policy({ validations: [{ expression: "true" }] })]);
            const result = judge(compiled, { object: { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "a" } } });
            assert.equal(result.skipReason, "matchConstraints");
            assert.equal(result.message, "not matched: CREATE v1 secrets s is not in resourceRules");
        });
    });

    describe("excludeResourceRules", () => {
        it("skips what an exclude rule matches, even when a resource rule matches", () => {
            const excluded = { resourceRules: [rule()], excludeResourceRules: [rule({ resourceNames: ["kube-root-ca.crt"] })] };
            assert.equal(statusOf(excluded, { object: configMap("kube-root-ca.crt") }), "skip");
            assert.equal(statusOf(excluded, { object: configMap("app-config") }), "pass");
        });
    });

    describe("namespaceSelector", () => {
        const selector = { resourceRules: [rule({ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"] })], namespaceSelector: { matchLabels: { tenant: "true" } } };

        it("matches the labels of the namespaceObject", () => {
            assert.equal(statusOf(selector, { object: claim("a"), namespaceObject: namespace("a", { tenant: "true" }) }), "pass");
            assert.equal(statusOf(selector, { object: claim("a"), namespaceObject: namespace("a", { tenant: "false" }) }), "skip");
        });

        it("without a namespaceObject sees only kubernetes.io/metadata.name", () => {
            assert.equal(statusOf(selector, { object: claim("a") }), "skip");
            const byName = { ...selector, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "a" } } };
            assert.equal(statusOf(byName, { object: claim("a") }), "pass");
        });

        it("never excludes a cluster-scoped object", () => {
            const xr = { apiVersion: "platform.example.com/v1alpha1", kind: "XPostgreSQLInstance", metadata: { name: "x", namespace: "ignored" } };
            assert.equal(statusOf(selector, { object: xr }), "pass");
        });

        it("uses a Namespace's own labels when the Namespace itself is created", () => {
            assert.equal(statusOf(selector, { object: namespace("new", { tenant: "true" }) }), "pass");
            assert.equal(statusOf(selector, { object: namespace("new", {}) }), "skip");
        });

        it("supports matchExpressions In, NotIn, Exists and DoesNotExist", () => {
            const expr = (matchExpressions: unknown[]) => ({ ...selector, namespaceSelector: { matchExpressions } });
            const ns = namespace("a", { env: "prod", tier: "gold" });
            const input = { object: claim("a"), namespaceObject: ns };
            assert.equal(statusOf(expr([{ key: "env", operator: "In", values: ["prod", "staging"] }]), input), "pass");
            assert.equal(statusOf(expr([{ key: "env", operator: "NotIn", values: ["prod"] }]), input), "skip");
            assert.equal(statusOf(expr([{ key: "missing", operator: "NotIn", values: ["x"] }]), input), "pass");
            assert.equal(statusOf(expr([{ key: "tier", operator: "Exists" }]), input), "pass");
            assert.equal(statusOf(expr([{ key: "tier", operator: "DoesNotExist" }]), input), "skip");
            assert.equal(statusOf(expr([{ key: "env", operator: "In", values: ["prod"] }, { key: "tier", operator: "In", values: ["silver"] }]), input), "skip");
        });
    });

    describe("objectSelector", () => {
        const selector = { resourceRules: [rule({ operations: ["*"] })], objectSelector: { matchLabels: { managed: "true" } } };

        it("matches the object's labels", () => {
            assert.equal(statusOf(selector, { object: configMap("cm", { managed: "true" }) }), "pass");
            assert.equal(statusOf(selector, { object: configMap("cm", { managed: "false" }) }), "skip");
        });

        it("matches when either the object or the old object matches (UPDATE)", () => {
            const input = { object: configMap("cm", {}), oldObject: configMap("cm", { managed: "true" }), operation: "UPDATE" as const };
            assert.equal(statusOf(selector, input), "pass");
        });

        it("an empty selector matches everything", () => {
            assert.equal(statusOf({ ...selector, objectSelector: {} }, { object: configMap() }), "pass");
        });
    });

    it("reports a guessed plural for a kind the resource map does not know", () => {
        const compiled = compilePolicies([policy({ validations: [{ expression: "true" }] })]);
        const result = admit(compiled, { object: { apiVersion: "example.com/v1", kind: "Gateway", metadata: { name: "g", namespace: "a" } } });
        assert.equal(result.request.resource, "gatewaies");
        assert.ok(result.notes.some((n) => n.includes("guessed resource \"gatewaies\"")), result.notes.join("\n"));
    });
});
