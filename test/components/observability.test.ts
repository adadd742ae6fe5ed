import * as assert from "node:assert/strict";
import fc from "fast-check";
import { k8sMonitoringValues, monitoringNamespace, nodeScrapePorts, otlpReceiverPorts, telemetryCredentialsSecret } from "../../components/observability";
import { charts } from "../../components/versions";
import type { ResourceGraph } from "../../offline-engine/graph";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { parseStackConfig } from "../../stacks/config";
import { assertDefaultDeny, assertReleaseWaitsForNamespace, customResources, namespaceObjects, policyNamed, release, rulePorts, stringLeaves } from "../helpers/addons";
import { validStackConfig } from "../helpers/config-arbitrary";
import { waitsFor } from "../helpers/graph";
import { input, repositoryRoot, stackGraph } from "../helpers/stacks";

const configOf = (stack: string) => parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);

describe("observability: values (pure)", () => {
    const cfg = configOf("prod");
    const values = (ha: boolean) => k8sMonitoringValues({ clusterName: cfg.cluster.name, highAvailability: ha, endpoint: cfg.observability.endpoint }) as any;

    it("one OTLP destination for metrics, logs and traces, basic auth read from the ExternalSecret's Secret, nothing secret in the values", () => {
        const [destination, ...others] = values(true).destinations;
        assert.deepEqual(others, []);
        assert.equal(destination.type, "otlp");
        assert.equal(destination.url, "https://otlp-gateway-prod-eu-west-2.grafana.net/otlp");
        assert.equal(destination.protocol, "http");
        assert.deepEqual(destination.auth, { type: "basic", usernameKey: "username", passwordKey: "password" });
        assert.deepEqual(destination.secret, { create: false, name: telemetryCredentialsSecret, namespace: monitoringNamespace });
        for (const signal of ["metrics", "logs", "traces"]) {
            assert.equal(destination[signal].enabled, true, signal);
        }
    });

    it("collects cluster and node metrics, pod and node logs, events, annotated controllers' metrics and workload OTLP", () => {
        const v = values(false);
        for (const feature of ["clusterMetrics", "clusterEvents", "podLogs", "nodeLogs", "annotationAutodiscovery", "applicationObservability"]) {
            assert.equal(v[feature].enabled, true, feature);
        }
        assert.deepEqual(v.applicationObservability.receivers.otlp.grpc, { enabled: true, port: 4317 });
        assert.deepEqual(v.applicationObservability.receivers.otlp.http, { enabled: true, port: 4318 });
        for (const collector of ["alloy-metrics", "alloy-singleton", "alloy-logs", "alloy-receiver"]) {
            assert.equal(v[collector].enabled, true, collector);
        }
        assert.equal(v.cluster.name, "paved-prod");
    });

    it("property: for any valid config, the endpoint comes from config, credentials only by Secret reference, metrics collectors replicated when HA", () => {
        fc.assert(
            fc.property(validStackConfig, (c) => {
                const parsed = parseStackConfig(c.flat);
                const v = k8sMonitoringValues({ clusterName: parsed.cluster.name, highAvailability: parsed.highAvailability, endpoint: parsed.observability.endpoint }) as any;
                const [d] = v.destinations;
                assert.equal(d.url, parsed.observability.endpoint.url);
                assert.equal(d.protocol, parsed.observability.endpoint.protocol);
                assert.equal(d.secret.create, false);
                assert.equal(d.auth.username, undefined);
                assert.equal(d.auth.password, undefined);
                assert.ok(!stringLeaves(v).some((l) => l.value.includes(parsed.observability.credentials.name)), "the values never even name the Secrets Manager secret");
                assert.equal(v["alloy-metrics"].controller.replicas, parsed.highAvailability ? 2 : 1);
            }),
            { numRuns: 50 },
        );
    });
});

describe("observability add-on under mocks", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("installs the pinned k8s-monitoring chart into monitoring with the stack's endpoint", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const r = release(g, "k8s-monitoring");
            assert.equal(r.inputs.chart, charts.k8sMonitoring.chart);
            assert.equal(r.inputs.version, charts.k8sMonitoring.version);
            assert.deepEqual(r.inputs.repositoryOpts, { repo: charts.k8sMonitoring.repository });
            assert.equal(input(r, "values.destinations")[0].url, configOf(stack).observability.endpoint.url);
        }
        assert.equal(input(release(prod, "k8s-monitoring"), "values.alloy-metrics.controller.replicas"), 2);
        assert.equal(input(release(dev, "k8s-monitoring"), "values.alloy-metrics.controller.replicas"), 1);
    });

    it("the endpoint credentials come from Secrets Manager by name through an ExternalSecret, synced before the collectors start", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const { credentials } = configOf(stack).observability;
            const es = customResources(g, "external-secrets.io").find((r) => input(r, "metadata.name") === telemetryCredentialsSecret)!;
            assert.equal(input(es, "metadata.namespace"), monitoringNamespace);
            assert.deepEqual(input(es, "spec.data"), [
                { secretKey: "username", remoteRef: { key: credentials.name, property: credentials.usernameProperty } },
                { secretKey: "password", remoteRef: { key: credentials.name, property: credentials.passwordProperty } },
            ]);
            assert.equal(input(es, "spec.target.name"), telemetryCredentialsSecret);
            assert.ok(waitsFor(g, release(g, "k8s-monitoring"), es));
            assert.ok(waitsFor(g, es, release(g, "external-secrets")), "the ExternalSecret waits for the release serving its CRD");
        }
    });

    it("namespace: privileged (host log and metrics collection), default-deny, HTTPS out, kubelet and node-exporter, OTLP in from workloads", () => {
        for (const g of [dev, prod]) {
            assertDefaultDeny(g, monitoringNamespace);
            assertReleaseWaitsForNamespace(g, "k8s-monitoring", monitoringNamespace);
            const labels = input(namespaceObjects(g, monitoringNamespace).namespace, "metadata.labels");
            assert.equal(labels["pod-security.kubernetes.io/enforce"], "privileged");
            assert.equal(labels["pod-security.kubernetes.io/warn"], "restricted", "still warned about anything beyond restricted");
            assert.deepEqual(rulePorts(policyNamed(g, monitoringNamespace, "allow-internet-https")!, "egress"), [443]);
            assert.deepEqual(rulePorts(policyNamed(g, monitoringNamespace, "allow-to-nodes")!, "egress"), nodeScrapePorts);
            assert.deepEqual(rulePorts(policyNamed(g, monitoringNamespace, "allow-from-cluster")!, "ingress"), Object.values(otlpReceiverPorts));
        }
    });

    it("every other platform namespace admits from monitoring exactly the ports the collectors may call there", () => {
        for (const g of [dev, prod]) {
            const egress = namespaceObjects(g, monitoringNamespace).policies.filter((p) => input<string>(p, "metadata.name").startsWith("allow-to-") && input<string>(p, "metadata.name") !== "allow-to-nodes");
            assert.ok(egress.length >= 3);
            for (const out of egress) {
                const target = input<string>(out, "metadata.name").replace(/^allow-to-/, "");
                const inbound = policyNamed(g, target, "allow-from-monitoring");
                assert.ok(inbound, `${target} admits the collectors`);
                assert.deepEqual(rulePorts(inbound, "ingress").sort(), rulePorts(out, "egress").sort(), target);
            }
        }
    });
});
