import * as assert from "node:assert/strict";
import { nodeRoleManagedPolicies } from "../../components/cluster/system-node-group";
import { actionsWithoutResourceScope, controllerPolicyConcerns, inlinePolicyQuota, interruptionEvents, karpenterMetricsPort } from "../../components/karpenter";
import { charts, karpenterAmiAlias } from "../../components/versions";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { parseStackConfig } from "../../stacks/config";
import { waitsFor } from "../helpers/graph";
import { input, ofType, one, repositoryRoot, stackGraph, stackPolicies } from "../helpers/stacks";

const componentType = "paved:karpenter:Karpenter";
const customResourceTypes = ["kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", "kubernetes:karpenter.sh/v1:NodePool"];
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v as string]);
const config = (stack: string) => parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);

/** Resources whose URN puts them (transitively) under the Karpenter component. */
const inKarpenter = (g: ResourceGraph) => g.resources.filter((r) => r.urn.includes(`${componentType}$`));
const release = (g: ResourceGraph, name: string) => one(g, "kubernetes:helm.sh/v3:Release", name);
const karpenterCustomResources = (g: ResourceGraph) => g.resources.filter((r) => customResourceTypes.includes(r.type));

describe("karpenter component (under mocks, dev and prod)", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    const both = () => [
        ["dev", dev],
        ["prod", prod],
    ] as const;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("the controller's role: Pod Identity for karpenter/karpenter, bounded, inline policies with no wildcard action, every statement scoped", () => {
        for (const [stack, g] of both()) {
            const role = one(g, "aws:iam/role:Role", "karpenter-controller");
            assert.deepEqual(role.propertyDependencies.permissionsBoundary, [one(g, "aws:iam/policy:Policy", "iam-boundary").urn], `${stack}: boundary`);
            const trust = JSON.parse(input<string>(role, "assumeRolePolicy"));
            assert.deepEqual(trust.Statement.map((s: any) => s.Principal), [{ Service: "pods.eks.amazonaws.com" }]);

            const association = one(g, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "karpenter-controller");
            assert.equal(input(association, "namespace"), "karpenter");
            assert.equal(input(association, "serviceAccount"), "karpenter");
            assert.deepEqual(association.propertyDependencies.roleArn, [role.urn]);
            assert.equal(input(association, "clusterName"), `paved-${stack}`);

            const inline = ofType(g, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.propertyDependencies.role?.includes(role.urn));
            assert.deepEqual(inline.map((p) => input(p, "name")).sort(), [...controllerPolicyConcerns].sort());
            let size = 0;
            for (const p of inline) {
                const text = input<string>(p, "policy");
                size += text.length;
                for (const s of JSON.parse(text).Statement) {
                    const where = `${stack} ${input(p, "name")}/${s.Sid}`;
                    assert.equal(s.Effect, "Allow", where);
                    assert.ok(list(s.Action).every((a) => !a.includes("*")), `${where}: wildcard action ${s.Action}`);
                    if (list(s.Resource).includes("*")) {
                        const scoped = s.Condition !== undefined;
                        const unscopable = list(s.Action).every((a) => (actionsWithoutResourceScope as readonly string[]).includes(a));
                        assert.ok(scoped || unscopable, `${where}: Resource "*" without a condition`);
                    }
                    if (list(s.Action).includes("iam:PassRole")) {
                        assert.deepEqual(list(s.Resource), [`arn:aws:iam::123456789012:role/${input(one(g, "aws:iam/role:Role", "karpenter-node"), "name")}`], `${where}: PassRole on the node role only`);
                    }
                }
            }
            assert.ok(size <= inlinePolicyQuota, `${stack}: ${size} characters of inline policy`);
            const passRoles = inline.flatMap((p) => JSON.parse(input<string>(p, "policy")).Statement).filter((s: any) => list(s.Action).includes("iam:PassRole"));
            assert.equal(passRoles.length, 1, "one PassRole statement");
        }
    });

    it("the node role: EC2 trust, the four node policies, the platform boundary; admitted as an EC2_LINUX access entry", () => {
        for (const [stack, g] of both()) {
            const role = one(g, "aws:iam/role:Role", "karpenter-node");
            assert.equal(input(role, "name"), `paved-${stack}-karpenter-node`);
            assert.deepEqual(JSON.parse(input<string>(role, "assumeRolePolicy")).Statement.map((s: any) => s.Principal), [{ Service: "ec2.amazonaws.com" }]);
            assert.deepEqual(role.propertyDependencies.permissionsBoundary, [one(g, "aws:iam/policy:Policy", "iam-boundary").urn]);
            const attached = ofType(g, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                .filter((a) => a.propertyDependencies.role?.includes(role.urn))
                .map((a) => input<string>(a, "policyArn"));
            assert.deepEqual(attached.sort(), nodeRoleManagedPolicies.map((p) => `arn:aws:iam::aws:policy/${p}`).sort());

            const entry = one(g, "aws:eks/accessEntry:AccessEntry", "karpenter-node");
            assert.equal(input(entry, "type"), "EC2_LINUX");
            assert.deepEqual(entry.propertyDependencies.principalArn, [role.urn]);
            assert.deepEqual(entry.propertyDependencies.clusterName, [one(g, "eks:index:Cluster").urn]);
            assert.equal(input(entry, "kubernetesGroups"), undefined, "EC2_LINUX entries get the node groups from EKS");
            assert.equal(input(one(g, "eks:index:Cluster"), "authenticationMode"), "API");
        }
    });

    it("the interruption queue: SSE-SQS, 5-minute retention, a policy denying non-TLS; every event rule targets it", () => {
        for (const [stack, g] of both()) {
            const queue = one(g, "aws:sqs/queue:Queue", "karpenter-interruptions");
            assert.equal(input(queue, "sqsManagedSseEnabled"), true);
            assert.equal(input(queue, "messageRetentionSeconds"), 300);
            const queueArn = `arn:aws:sqs:eu-west-1:123456789012:${input(queue, "name")}`;

            const policy = one(g, "aws:sqs/queuePolicy:QueuePolicy", "karpenter-interruptions");
            assert.deepEqual(policy.propertyDependencies.queueUrl, [queue.urn]);
            const statements = JSON.parse(input<string>(policy, "policy")).Statement;
            const deny = statements.find((s: any) => s.Effect === "Deny");
            assert.deepEqual(deny, { Sid: "DenyHTTP", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: queueArn, Condition: { Bool: { "aws:SecureTransport": "false" } } });

            const rules = ofType(g, "aws:cloudwatch/eventRule:EventRule").filter((r) => r.urn.includes(componentType));
            assert.deepEqual(
                rules.map((r) => JSON.parse(input<string>(r, "eventPattern"))["detail-type"][0]),
                interruptionEvents.map((e) => e.detailType),
            );
            const allow = statements.find((s: any) => s.Effect === "Allow");
            assert.deepEqual(allow.Condition.ArnEquals["aws:SourceArn"], rules.map((r) => `arn:aws:events:eu-west-1:123456789012:rule/${input(r, "name")}`), `${stack}: only these rules may send`);
            for (const rule of rules) {
                const targets = ofType(g, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.propertyDependencies.rule?.includes(rule.urn));
                assert.equal(targets.length, 1, `${rule.name} has one target`);
                assert.deepEqual(targets[0].propertyDependencies.arn, [queue.urn]);
                assert.equal(input(targets[0], "arn"), queueArn);
            }
        }
    });

    it("charts: karpenter-crd, then karpenter with skipCrds, at the pinned versions, in the karpenter namespace", () => {
        for (const [, g] of both()) {
            const crds = release(g, "karpenter-crd");
            const controller = release(g, "karpenter");
            assert.deepEqual([input(crds, "chart"), input(crds, "version")], [charts.karpenterCrd.chart, charts.karpenterCrd.version]);
            assert.deepEqual([input(controller, "chart"), input(controller, "version")], [charts.karpenter.chart, charts.karpenter.version]);
            assert.equal(charts.karpenter.version, charts.karpenterCrd.version, "the CRDs move with the controller");
            assert.equal(input(controller, "skipCrds"), true);
            assert.equal(input(crds, "skipCrds"), false);
            assert.ok(waitsFor(g, controller, crds), "karpenter waits for karpenter-crd");
            for (const r of [crds, controller]) {
                assert.equal(input(r, "namespace"), "karpenter");
                assert.equal(input(r, "createNamespace"), false);
            }
        }
    });

    it("controller values follow paved:highAvailability: two zone-spread replicas in prod, one in dev; always on the system node group", async () => {
        const values = (g: ResourceGraph) => input<Record<string, any>>(release(g, "karpenter"), "values");
        assert.equal(values(prod).replicas, 2);
        assert.equal(values(prod).topologySpreadConstraints[0].topologyKey, "topology.kubernetes.io/zone");
        assert.deepEqual(values(prod).controller.resources, { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } });
        assert.equal(values(dev).replicas, 1);
        assert.deepEqual(values(dev).topologySpreadConstraints, []);
        const devWithHa = await stackGraph("dev", { "paved:highAvailability": "true" });
        assert.equal(values(devWithHa).replicas, 2, "the flag, not the stack name, decides");
        for (const g of [dev, prod]) {
            const v = values(g);
            assert.equal(v.priorityClassName, "system-cluster-critical");
            assert.deepEqual(v.podDisruptionBudget, { name: "karpenter", maxUnavailable: 1 });
            const expressions = v.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions;
            assert.deepEqual(expressions, [
                { key: "karpenter.sh/nodepool", operator: "DoesNotExist" },
                { key: "paved.io/node-pool", operator: "In", values: ["system"] },
            ]);
            assert.equal(input(one(g, "aws:eks/nodeGroup:NodeGroup"), "labels")["paved.io/node-pool"], "system", "the system node group carries the label the controller requires");
            assert.equal(v.settings.interruptionQueue, input(one(g, "aws:sqs/queue:Queue", "karpenter-interruptions"), "name"));
            assert.equal(v.settings.clusterName, input(one(g, "eks:index:Cluster"), "name"));
        }
    });

    it("the EC2NodeClass: node role, pinned AMI alias, discovery selectors, IMDSv2 with hop limit 1, gp3 encrypted with the volumes key", () => {
        for (const [stack, g] of both()) {
            const nodeClass = one(g, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass");
            const spec = input<Record<string, any>>(nodeClass, "spec");
            assert.equal(spec.role, `paved-${stack}-karpenter-node`);
            assert.deepEqual(spec.amiSelectorTerms, [{ alias: karpenterAmiAlias }]);
            assert.match(karpenterAmiAlias, /^al2023@v\d{8}$/, "pinned, never latest");
            assert.deepEqual(spec.subnetSelectorTerms, [{ tags: { "karpenter.sh/discovery": `paved-${stack}` } }]);
            assert.deepEqual(spec.securityGroupSelectorTerms, [{ tags: { "karpenter.sh/discovery": `paved-${stack}` } }]);
            assert.equal(input(one(g, "aws:ec2/tag:Tag", "cluster-node-sg-discovery"), "value"), `paved-${stack}`, "the node security group carries the discovery tag");
            assert.equal(input(one(g, "awsx:ec2:Vpc"), "subnetSpecs").find((s: any) => s.type === "Private").tags["karpenter.sh/discovery"], `paved-${stack}`, "so do the private subnets");
            assert.deepEqual(spec.metadataOptions, { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" });
            const [root] = spec.blockDeviceMappings;
            assert.equal(spec.blockDeviceMappings.length, 1);
            assert.deepEqual({ ...root.ebs, kmsKeyID: undefined }, { volumeSize: `${config(stack).karpenter.nodeClass.rootVolumeGiB}Gi`, volumeType: "gp3", encrypted: true, deleteOnTermination: true, kmsKeyID: undefined });
            assert.match(root.ebs.kmsKeyID, /^arn:aws:kms:eu-west-1:123456789012:key\//, "a customer-managed key, not the AWS-managed one");
            assert.ok(nodeClass.propertyDependencies.spec.includes(one(g, "aws:kms/key:Key", "keys-volumes").urn), "encrypted with the platform volumes key");
            assert.deepEqual(Object.keys(spec.tags).filter((k) => ["Owner", "App", "Environment", "CostCenter"].includes(k)).sort(), ["App", "CostCenter", "Environment", "Owner"]);
        }
    });

    it("NodePools come from paved:karpenter: requirements, limits, taints, disruption and expiry as configured", () => {
        for (const [stack, g] of both()) {
            const pools = config(stack).karpenter.nodePools;
            const rendered = ofType(g, "kubernetes:karpenter.sh/v1:NodePool");
            assert.deepEqual(rendered.map((p) => input(p, "metadata.name")).sort(), Object.keys(pools).sort());
            for (const p of rendered) {
                const name = input<string>(p, "metadata.name");
                const pool = pools[name];
                const spec = input<Record<string, any>>(p, "spec");
                assert.deepEqual(spec.limits.cpu, String(pool.limits.cpu));
                assert.deepEqual(spec.limits.memory, pool.limits.memory);
                assert.deepEqual(spec.disruption, pool.disruption);
                assert.equal(spec.template.spec.expireAfter, pool.expireAfter);
                assert.deepEqual(spec.template.spec.nodeClassRef, { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: input(one(g, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass"), "metadata.name") });
                const capacity = spec.template.spec.requirements.find((r: any) => r.key === "karpenter.sh/capacity-type");
                assert.deepEqual(capacity.values, pool.capacityTypes);
                assert.deepEqual(spec.template.spec.taints ?? [], pool.taints);
            }
        }
        const general = (g: ResourceGraph) => input<Record<string, any>>(one(g, "kubernetes:karpenter.sh/v1:NodePool", "karpenter-nodepool-general"), "spec");
        assert.deepEqual(general(prod).template.spec.requirements[0].values, ["spot", "on-demand"]);
        assert.equal(general(prod).disruption.consolidationPolicy, "WhenEmptyOrUnderutilized");
        const batch = input<Record<string, any>>(one(prod, "kubernetes:karpenter.sh/v1:NodePool", "karpenter-nodepool-batch"), "spec");
        assert.ok(batch.template.spec.taints.length > 0, "the batch pool is tainted");
        assert.equal(batch.limits["nvidia.com/gpu"], "16", "prod batch pool: GPUs have their own ceiling");
    });

    it("ordering: every Karpenter custom resource waits for karpenter-crd and the controller; the controller waits for the namespace's network policies and its Pod Identity association", () => {
        for (const [stack, g] of both()) {
            const crds = release(g, "karpenter-crd");
            const controller = release(g, "karpenter");
            const custom = karpenterCustomResources(g);
            assert.equal(custom.length, 1 + Object.keys(config(stack).karpenter.nodePools).length);
            for (const r of custom) {
                assert.ok(waitsFor(g, r, crds), `${r.name} waits for the release that serves its CRD`);
                assert.ok(waitsFor(g, r, controller), `${r.name} is removed before the controller that drains its nodes`);
            }
            const nodeClass = one(g, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass");
            assert.ok(waitsFor(g, nodeClass, one(g, "aws:eks/accessEntry:AccessEntry", "karpenter-node")), "nodes can join before the first one launches");
            for (const pool of ofType(g, "kubernetes:karpenter.sh/v1:NodePool")) {
                assert.ok(waitsFor(g, pool, nodeClass), `${pool.name} waits for its node class`);
            }
            const namespace = g.resources.find((r) => r.type === "kubernetes:core/v1:Namespace" && input(r, "metadata.name") === "karpenter")!;
            const netpols = ofType(g, "kubernetes:networking.k8s.io/v1:NetworkPolicy").filter((p) => input(p, "metadata.namespace") === "karpenter");
            assert.ok(netpols.length >= 4);
            for (const r of [namespace, ...netpols]) {
                assert.ok(waitsFor(g, controller, r), `karpenter waits for ${r.name}`);
                assert.ok(waitsFor(g, crds, r), `karpenter-crd waits for ${r.name}`);
            }
            assert.ok(waitsFor(g, controller, one(g, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "karpenter-controller")), "credentials exist before the pods start");
        }
    });

    it("the namespace: restricted pods, default-deny with DNS, API server and endpoints, HTTPS out, the Pod Identity agent and metrics scrapes", () => {
        const namespace = dev.resources.find((r) => r.type === "kubernetes:core/v1:Namespace" && input(r, "metadata.name") === "karpenter")!;
        assert.equal(input(namespace, "metadata.labels")["pod-security.kubernetes.io/enforce"], "restricted");
        const netpols = ofType(dev, "kubernetes:networking.k8s.io/v1:NetworkPolicy").filter((p) => input(p, "metadata.namespace") === "karpenter");
        assert.deepEqual(netpols.map((p) => input(p, "metadata.name")).sort(), [
            "allow-dns",
            "allow-from-monitoring",
            "allow-internet-https",
            "allow-kubernetes-api-and-aws-endpoints",
            "allow-pod-identity-agent",
            "allow-same-namespace",
            "default-deny",
        ]);
        const scrape = netpols.find((p) => input(p, "metadata.name") === "allow-from-monitoring")!;
        assert.deepEqual(input<any[]>(scrape, "spec.ingress")[0].ports, [{ protocol: "TCP", port: karpenterMetricsPort }], "the collectors reach the metrics port only");
        const values = input<Record<string, any>>(release(dev, "karpenter"), "values");
        assert.equal(values.podAnnotations["k8s.grafana.com/metrics.portNumber"], String(karpenterMetricsPort));
        assert.equal(values.controller.metrics.port, karpenterMetricsPort);
    });

    it("every Karpenter resource is tagged or untaggable, and the pack finds no violation on it; removing a control is caught", async () => {
        const report = await stackPolicies(prod);
        const urns = new Set(inKarpenter(prod).map((r) => r.urn));
        assert.deepEqual(report.results.filter((r) => r.urn && urns.has(r.urn) && r.level === "mandatory").map((r) => `${r.policy}: ${r.message}`), []);
        const evaluated = (policy: string) => report.evaluations.filter((e) => e.policy === policy && urns.has(e.urn) && e.outcome === "pass").length;
        for (const policy of [
            "aws-sqs-queue-enable-encryption",
            "kubernetes-karpenter-ec2nodeclass-enable-imdsv2",
            "kubernetes-karpenter-ec2nodeclass-disallow-unencrypted-volumes",
            "aws-iam-role-configure-permissions-boundary",
            "aws-iam-policy-disallow-wildcard-admin",
            "aws-tagging-resource-missing-required-tags",
        ]) {
            assert.ok(evaluated(policy) > 0, `${policy} looked at the Karpenter resources`);
        }

        const broken: ResourceGraph = JSON.parse(JSON.stringify(prod));
        const find = (type: string) => broken.resources.find((r) => r.type === type && r.urn.includes(componentType)) as RecordedResource;
        delete find("aws:sqs/queue:Queue").inputs.sqsManagedSseEnabled;
        (find("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass").inputs.spec as any).metadataOptions.httpPutResponseHopLimit = 2;
        (find("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass").inputs.spec as any).blockDeviceMappings[0].ebs.encrypted = false;
        broken.resources = broken.resources.filter((r) => r.type !== "aws:sqs/queuePolicy:QueuePolicy");
        const caught = (await stackPolicies(broken)).results.filter((r) => r.level === "mandatory").map((r) => r.policy);
        for (const policy of [
            "aws-sqs-queue-enable-encryption",
            "aws-sqs-queuepolicy-disallow-insecure-transport",
            "kubernetes-karpenter-ec2nodeclass-enable-imdsv2",
            "kubernetes-karpenter-ec2nodeclass-disallow-unencrypted-volumes",
        ]) {
            assert.ok(caught.includes(policy), `${policy} catches the removed control`);
        }
    });
});
