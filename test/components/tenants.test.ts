import * as assert from "node:assert/strict";
import fc from "fast-check";
import { defaultDeny, dnsAllow } from "../../components/network-policies";
import { tenantNamespace, tenantNetworkPolicies } from "../../components/tenants";
import { REQUIRED_CLAIM_LABELS } from "../../admission-policies/plan";
import type { ResourceGraph } from "../../offline-engine/graph";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { parseStackConfig, tenantsSchema } from "../../stacks/config";
import { reservedNamespaces } from "../../stacks/config/addon-rules";
import { assertDefaultDeny, namespaceObjects, namespaceType } from "../helpers/addons";
import { validTenantsConfig } from "../helpers/config-arbitrary";
import { input, ofType, repositoryRoot, stackGraph, stackPolicies } from "../helpers/stacks";

const configOf = (stack: string) => parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

describe("tenants: namespaces and policies (pure)", () => {
    it("the namespace carries owner, app (default: its name), environment, cost-center, the tenant kind, managed-by paved and Pod Security restricted", () => {
        assert.deepEqual(tenantNamespace("claims-service", { owner: "claims-team", costCenter: "CC-4200-CLAIMS" }, "dev"), {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: {
                name: "claims-service",
                labels: {
                    owner: "claims-team",
                    app: "claims-service",
                    environment: "dev",
                    "cost-center": "CC-4200-CLAIMS",
                    "paved.io/namespace-kind": "tenant",
                    "app.kubernetes.io/managed-by": "paved",
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/audit": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted",
                },
            },
        });
        assert.equal(tenantNamespace("payments", { owner: "payments-team", costCenter: "CC-4300", app: "payments-api" }, "prod").metadata.labels.app, "payments-api");
    });

    it("its NetworkPolicies are exactly components/network-policies' defaultDeny and dnsAllow", () => {
        assert.deepEqual(tenantNetworkPolicies("claims-service"), [defaultDeny("claims-service"), dnsAllow("claims-service")]);
    });

    it("property: for any valid paved:tenants, every label is a label value, the four claim labels are non-empty and the environment is the stack's", () => {
        fc.assert(
            fc.property(validTenantsConfig, fc.constantFrom("dev", "staging", "prod"), (raw, environment) => {
                const tenants = tenantsSchema.parse(raw);
                for (const [name, tenant] of Object.entries(tenants)) {
                    assert.ok(!reservedNamespaces.includes(name) && !name.startsWith("kube-"));
                    const labels = tenantNamespace(name, tenant, environment).metadata.labels;
                    for (const [k, v] of Object.entries(labels)) assert.match(v, labelValue, `${name}: ${k}=${v}`);
                    for (const l of REQUIRED_CLAIM_LABELS) assert.ok(typeof labels[l] === "string" && labels[l] !== "", `${name}: ${l}`);
                    assert.equal(labels.environment, environment);
                    assert.equal(labels["pod-security.kubernetes.io/enforce"], "restricted");
                }
            }),
            { numRuns: 200 },
        );
    });
});

describe("tenants under mocks", () => {
    const graphs: Record<string, ResourceGraph> = {};
    before(async () => {
        graphs.dev = await stackGraph("dev");
        graphs.prod = await stackGraph("prod");
    });

    for (const stack of ["dev", "prod"]) {
        it(`${stack}: one namespace per paved:tenants entry, exactly tenantNamespace(...), with default-deny and allow-dns and nothing else`, () => {
            const g = graphs[stack];
            const cfg = configOf(stack);
            assert.ok(Object.keys(cfg.tenants).includes("claims-service"));
            for (const [name, tenant] of Object.entries(cfg.tenants)) {
                const { namespace, policies } = namespaceObjects(g, name);
                assert.deepEqual(namespace.inputs, tenantNamespace(name, tenant, cfg.environment));
                assertDefaultDeny(g, name);
                assert.deepEqual(
                    policies.map((p) => p.inputs).sort((a, b) => String((a.metadata as any).name).localeCompare(String((b.metadata as any).name))),
                    [dnsAllow(name), defaultDeny(name)],
                );
                for (const p of policies) assert.ok(p.dependencies.includes(namespace.urn), `${input(p, "metadata.name")} waits for its namespace`);
                assert.equal(namespace.protect, cfg.protectStatefulResources, "protected (and retained) where stateful resources are");
                assert.equal(namespace.retainOnDelete, cfg.protectStatefulResources);
            }
            const tenantKind = ofType(g, namespaceType).filter((r) => input(r, "metadata.labels")?.["paved.io/namespace-kind"] === "tenant").map((r) => input<string>(r, "metadata.name"));
            assert.deepEqual(tenantKind.sort(), Object.keys(cfg.tenants).sort(), "no tenant namespace the config does not list");
        });

        it(`${stack}: the pack's default-deny policy passes on every tenant namespace`, async () => {
            const report = await stackPolicies(graphs[stack]);
            const tenantNamespaces = new Set(Object.keys(configOf(stack).tenants));
            const violations = report.results.filter((r) => r.policy === "kubernetes-core-namespace-configure-default-deny");
            assert.deepEqual(violations.map((v) => v.message), []);
            assert.ok(tenantNamespaces.size > 0);
        });
    }

    it("a namespace without its default-deny would be caught by the pack", async () => {
        const g = graphs.dev;
        const stripped: ResourceGraph = {
            ...g,
            resources: g.resources.filter((r) => !(input(r, "metadata.namespace") === "claims-service" && input(r, "metadata.name") === "default-deny")),
        };
        const report = await stackPolicies(stripped);
        const violations = report.results.filter((r) => r.policy === "kubernetes-core-namespace-configure-default-deny");
        assert.equal(violations.length, 1);
        assert.match(violations[0].message, /namespace claims-service has no default-deny NetworkPolicy/);
    });
});
