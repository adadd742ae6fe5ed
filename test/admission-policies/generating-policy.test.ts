import { strict as assert } from "assert";
import { Environment } from "@marcbachmann/cel-js";
import { defaultDeny, dnsAllow } from "../../components/network-policies/policies";
import { reservedNamespaces } from "../../stacks/config/addon-rules";
import { TENANT_NETWORK_POLICY } from "../../admission-policies";
import { stackConfig } from "../../admission-policies";
import { asServed } from "../../admission-policies/namespaces";
import { tenantNamespace } from "../../components/tenants";
import { stackGraph } from "../helpers/stacks";
import { allStacks, policiesOf } from "./helpers";

/**
 * The GeneratingPolicy cannot run offline (the runner judges ValidatingPolicies only, and
 * generator.Apply needs a cluster): its CEL is evaluated here piece by piece instead.
 */

const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: true })
    .registerVariable("object", "dyn")
    .registerVariable("variables", "dyn");

type Spec = { matchConditions: { name: string; expression: string }[]; variables: { name: string; expression: string }[]; generate: { expression: string }[]; matchConstraints: unknown; evaluation: unknown };

function spec(stack: string): Spec {
    const gpol = policiesOf(stack).policies.find((p) => p.metadata.name === TENANT_NETWORK_POLICY);
    assert.ok(gpol, "the stack has the GeneratingPolicy");
    assert.equal(gpol.kind, "GeneratingPolicy");
    return gpol.spec as unknown as Spec;
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x instanceof Map ? Object.fromEntries(x) : x)));

function namespace(name: string, labels: Record<string, string> = {}) {
    return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name, ...labels } } };
}

function applies(s: Spec, object: unknown): boolean {
    return s.matchConditions.every((c) => env.evaluate(c.expression, { object }) === true);
}

describe("admission-policies: tenant namespaces get default-deny and a DNS allow (GeneratingPolicy)", () => {
    for (const stack of allStacks) {
        it(`${stack}: generates exactly components/network-policies' defaultDeny and dnsAllow for the namespace`, () => {
            const s = spec(stack);
            const variables: Record<string, unknown> = { namespace: "orders" };
            for (const v of s.variables.filter((x) => x.name !== "namespace")) variables[v.name] = plain(env.evaluate(v.expression, { object: namespace("orders"), variables }));
            assert.deepEqual(variables.defaultDeny, defaultDeny("orders"));
            assert.deepEqual(variables.allowDns, dnsAllow("orders"));
            assert.equal(env.evaluate(s.variables[0].expression, { object: namespace("orders") }), "orders");
            assert.deepEqual(s.generate, [{ expression: "generator.Apply(variables.namespace, [variables.defaultDeny, variables.allowDns])" }]);
        });

        it(`${stack}: applies to namespaces created outside the program, not to reserved or platform namespaces; existing ones too, kept in sync`, () => {
            const s = spec(stack);
            assert.ok(applies(s, namespace("not-onboarded")));
            assert.ok(applies(s, namespace("team-payments", { team: "payments" })));
            assert.ok(applies(s, namespace("by-helm", { "app.kubernetes.io/managed-by": "Helm" })), "managed by something else");
            for (const reserved of reservedNamespaces) assert.ok(!applies(s, namespace(reserved)), reserved);
            assert.ok(!applies(s, namespace("some-controller", { "paved.io/namespace-kind": "platform" })));
            assert.ok(applies(s, { apiVersion: "v1", kind: "Namespace", metadata: { name: "bare" } }), "a namespace without labels");
            assert.deepEqual(s.evaluation, { admission: { enabled: true }, generateExisting: { enabled: true }, synchronize: { enabled: true } });
        });

        it(`${stack}: skips every namespace the program creates (Pulumi owns their NetworkPolicies): the onboarded tenants' and the platform's`, async () => {
            const s = spec(stack);
            assert.ok(s.matchConditions.some((c) => c.name === "not-managed-by-paved"));
            const cfg = stackConfig(stack);
            const tenants = Object.entries(cfg.tenants);
            assert.ok(tenants.length > 0);
            for (const [name, tenant] of tenants) {
                const served = asServed(tenantNamespace(name, tenant, cfg.environment));
                assert.ok(!applies(s, served), `${name} is the program's`);
                const unmanaged = structuredClone(served);
                delete (unmanaged.metadata.labels as Record<string, string>)["app.kubernetes.io/managed-by"];
                assert.ok(applies(s, unmanaged), `${name} without the managed-by label would be Kyverno's`);
            }
            const graph = await stackGraph(stack);
            const created = graph.resources.filter((r) => r.type === "kubernetes:core/v1:Namespace");
            assert.ok(created.length > tenants.length);
            for (const ns of created) assert.ok(!applies(s, asServed(ns.inputs as any)), `${(ns.inputs as any).metadata.name}: created by the program, skipped by Kyverno`);
        });
    }
});
