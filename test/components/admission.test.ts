import * as assert from "node:assert/strict";
import fc from "fast-check";
import { haAdmissionReplicas, kyvernoValues, webhookExcludedNamespaces } from "../../components/admission";
import { charts } from "../../components/versions";
import type { ResourceGraph } from "../../offline-engine/graph";
import { parseStackConfig } from "../../stacks/config";
import { assertDefaultDeny, assertReleaseWaitsForNamespace, namespaceType, policyNamed, release, rulePorts } from "../helpers/addons";
import { validStackConfig } from "../helpers/config-arbitrary";
import { input, ofType, stackGraph } from "../helpers/stacks";

const controllers = ["backgroundController", "reportsController", "cleanupController"];

describe("Kyverno: values (pure)", () => {
    it("HA: admission controller 3, background/reports/cleanup 2, each with a PDB; otherwise 1 each and no PDB", () => {
        const prod = kyvernoValues({ highAvailability: true }) as any;
        assert.equal(prod.admissionController.replicas, 3);
        assert.equal(prod.admissionController.podDisruptionBudget.enabled, true);
        for (const c of controllers) {
            assert.equal(prod[c].replicas, 2, c);
            assert.equal(prod[c].podDisruptionBudget.enabled, true, c);
        }
        const dev = kyvernoValues({ highAvailability: false }) as any;
        for (const c of ["admissionController", ...controllers]) {
            assert.equal(dev[c].replicas, 1, c);
            assert.equal(dev[c].podDisruptionBudget.enabled, false, "a PDB on a single pod would block node drains");
        }
    });

    it("webhooks skip kube-system, kyverno and karpenter, so the cluster can recover while Kyverno is down; CRDs from the chart", () => {
        const v = kyvernoValues({ highAvailability: true }) as any;
        assert.deepEqual(v.config.webhooks.namespaceSelector.matchExpressions, [
            { key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", "kyverno", "karpenter"] },
        ]);
        assert.equal(v.config.excludeKyvernoNamespace, true);
        assert.equal(v.crds.install, true);
        assert.equal(v.admissionController.webhookServer.port, 9443);
    });

    it("property: for any valid config, admission replicas are at least 3 whenever HA, every controller at least 2, PDBs only on replicated controllers", () => {
        fc.assert(
            fc.property(validStackConfig, (c) => {
                const cfg = parseStackConfig(c.flat);
                const v = kyvernoValues({ highAvailability: cfg.highAvailability }) as any;
                if (cfg.highAvailability) {
                    assert.ok(v.admissionController.replicas >= haAdmissionReplicas);
                    for (const name of controllers) {
                        assert.ok(v[name].replicas >= 2);
                    }
                }
                for (const name of ["admissionController", ...controllers]) {
                    assert.equal(v[name].podDisruptionBudget.enabled, v[name].replicas > 1);
                }
                const excluded = v.config.webhooks.namespaceSelector.matchExpressions[0].values;
                assert.deepEqual(excluded, webhookExcludedNamespaces);
            }),
            { numRuns: 50 },
        );
    });
});

describe("Kyverno add-on under mocks", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("installs the pinned chart into kyverno: 3 admission replicas in prod, 1 in dev", () => {
        for (const g of [dev, prod]) {
            const r = release(g, "kyverno");
            assert.equal(r.inputs.chart, charts.kyverno.chart);
            assert.equal(r.inputs.version, charts.kyverno.version);
            assert.deepEqual(r.inputs.repositoryOpts, { repo: charts.kyverno.repository });
        }
        assert.equal(input(release(prod, "kyverno"), "values.admissionController.replicas"), 3);
        assert.equal(input(release(prod, "kyverno"), "values.cleanupController.replicas"), 2);
        assert.equal(input(release(dev, "kyverno"), "values.admissionController.replicas"), 1);
    });

    it("the namespaces excluded from the webhooks are the ones the program runs its recovery path in", () => {
        const created = ofType(prod, namespaceType).map((n) => input<string>(n, "metadata.name"));
        for (const ns of webhookExcludedNamespaces.filter((n) => n !== "kube-system")) {
            assert.ok(created.includes(ns), `${ns} is a namespace the program creates`);
        }
    });

    it("namespace: default-deny, the webhook port open to the control plane only, metrics in from monitoring, no internet", () => {
        for (const g of [dev, prod]) {
            assertDefaultDeny(g, "kyverno");
            assertReleaseWaitsForNamespace(g, "kyverno", "kyverno");
            const webhook = policyNamed(g, "kyverno", "allow-webhooks-from-control-plane")!;
            assert.deepEqual(rulePorts(webhook, "ingress"), [9443]);
            for (const from of input<any[]>(webhook, "spec.ingress")[0].from) {
                assert.ok(from.ipBlock && !from.ipBlock.cidr.startsWith("0.0.0.0"), "only the private subnets (control-plane ENIs)");
            }
            assert.deepEqual(rulePorts(policyNamed(g, "kyverno", "allow-from-monitoring")!, "ingress"), [8000]);
            assert.equal(policyNamed(g, "kyverno", "allow-internet-https"), undefined);
        }
    });

    it("exports the release for the admission policies that come after it (registered on the component)", () => {
        const component = ofType(dev, "paved:admission:Admission")[0];
        assert.equal(component.outputs?.releaseName, "kyverno");
        assert.equal(release(dev, "kyverno").parent, component.urn);
    });
});
