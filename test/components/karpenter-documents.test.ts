import * as assert from "node:assert/strict";
import fc from "fast-check";
import YAML from "yaml";
import {
    actionsWithoutResourceScope,
    boundedName,
    controllerPolicies,
    controllerPolicyConcerns,
    controllerValues,
    eventPattern,
    inlinePolicyQuota,
    inlinePolicySize,
    interruptionEvents,
    interruptionQueuePolicy,
    karpenterNames,
    nodeClassManifest,
    nodePoolManifest,
    pricingApiRegion,
    queueArn,
    roleArn,
    ruleArn,
    type ControllerPolicyContext,
    type NodePoolConfig,
} from "../../components/karpenter";
import { partitionOf, type PolicyStatement } from "../../components/iam-documents";
import { errorsOf, formatProblem, parseManifests, validateManifest, type SchemaRegistry } from "../../manifest-validator";
import { nodePoolSchema, karpenterSchema } from "../../stacks/config";
import { validKarpenterConfig, validNodePool } from "../helpers/config-arbitrary";
import { describeWithCrds } from "../helpers/crds";
import { crdRegistry } from "../manifest-validator/helpers";

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const region = fc.constantFrom("eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1", "ca-central-1");
const account = fc.stringMatching(/^\d{12}$/);
/** Any cluster name the stack config accepts (paved:cluster.name). */
const clusterName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,99}$/);

const policyContext: fc.Arbitrary<ControllerPolicyContext> = fc.record({ region, accountId: account, clusterName }).map((c) => ({
    ...c,
    names: karpenterNames(c.clusterName),
    volumesKeyArn: `arn:${partitionOf(c.region)}:kms:${c.region}:${c.accountId}:key/0f5c1b2a-3d4e-4f60-8a7b-9c0d1e2f3a4b`,
}));

/** Condition keys that hold a statement to this cluster, this region or a resource the platform owns. */
const scopingConditionKey = /^(aws:(ResourceTag|RequestTag)\/|aws:RequestedRegion$|kms:ViaService$|iam:PassedToService$|ec2:CreateAction$)/;

describe("karpenter: controller IAM documents (components/karpenter/iam.ts)", () => {
    const sample: ControllerPolicyContext = {
        region: "eu-west-1",
        accountId: "123456789012",
        clusterName: "paved-prod",
        names: karpenterNames("paved-prod"),
        volumesKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/volumes",
    };

    it("one inline policy per upstream concern, plus the volumes key; no ZonalShift", () => {
        assert.deepEqual(Object.keys(controllerPolicies(sample)), [...controllerPolicyConcerns]);
        const actions = Object.values(controllerPolicies(sample)).flatMap((d) => d.Statement.flatMap((s) => list(s.Action)));
        assert.ok(!actions.some((a) => a.startsWith("arc-zonal-shift:")), "settings.enableZonalShift stays off");
        for (const upstream of ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:TerminateInstances", "iam:PassRole", "eks:DescribeCluster", "sqs:ReceiveMessage", "pricing:GetProducts", "ssm:GetParameter"]) {
            assert.ok(actions.includes(upstream), `${upstream} is granted`);
        }
    });

    it("property: no wildcard action, every statement scoped (ARN of this account/region, or a tag/region condition), PassRole only on the node role", () => {
        fc.assert(
            fc.property(policyContext, (c) => {
                const docs = controllerPolicies(c);
                const partition = partitionOf(c.region);
                for (const [concern, doc] of Object.entries(docs)) {
                    for (const s of doc.Statement as PolicyStatement[]) {
                        const where = `${concern}/${s.Sid}`;
                        assert.equal(s.Effect, "Allow", where);
                        for (const action of list(s.Action)) {
                            assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${where}: ${action} is one named action, no wildcard`);
                        }
                        const resources = list(s.Resource);
                        assert.ok(resources.length > 0, `${where} names its resources`);
                        if (resources.includes("*")) {
                            const conditionKeys = Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block));
                            const scoped = conditionKeys.some((k) => scopingConditionKey.test(k));
                            const unscopable = list(s.Action).every((a) => (actionsWithoutResourceScope as readonly string[]).includes(a));
                            assert.ok(scoped || unscopable, `${where}: Resource "*" without a tag or region condition`);
                        } else {
                            for (const arn of resources) {
                                assert.ok(arn.startsWith(`arn:${partition}:`), `${where}: ${arn} is in the stack's partition`);
                                const [, , service, arnRegion, arnAccount] = arn.split(":");
                                if (service !== "iam") {
                                    assert.equal(arnRegion, c.region, `${where}: ${arn} is in the stack's region`);
                                }
                                assert.ok(arnAccount === c.accountId || (arnAccount === "" && /:(image|snapshot|parameter)\//.test(arn)), `${where}: ${arn} is in this account`);
                            }
                        }
                        for (const block of Object.values(s.Condition ?? {})) {
                            for (const key of Object.keys(block).filter((k) => k.includes("kubernetes.io/cluster/"))) {
                                assert.ok(key.endsWith(`/kubernetes.io/cluster/${c.clusterName}`), `${where}: ${key} names this cluster`);
                            }
                            if ("aws:RequestTag/eks:eks-cluster-name" in block) {
                                assert.equal(block["aws:RequestTag/eks:eks-cluster-name"], c.clusterName);
                            }
                        }
                        if (list(s.Action).includes("iam:PassRole")) {
                            assert.deepEqual(list(s.Action), ["iam:PassRole"], "PassRole is alone in its statement");
                            assert.deepEqual(resources, [roleArn(c, c.names.nodeRole)], "PassRole only on the node role");
                            assert.ok(list(s.Condition?.StringEquals?.["iam:PassedToService"] as string[]).every((svc) => svc.startsWith("ec2.")), "passed to EC2 only");
                        }
                    }
                }
                assert.ok(inlinePolicySize(docs) <= inlinePolicyQuota, `inline policies ${inlinePolicySize(docs)} > ${inlinePolicyQuota} characters`);
            }),
            { numRuns: 200 },
        );
    });

    it("launch and delete only what carries this cluster's ownership and node-pool tags", () => {
        const lifecycle = controllerPolicies(sample)["node-lifecycle"].Statement;
        const terminate = lifecycle.find((s) => list(s.Action).includes("ec2:TerminateInstances"))!;
        assert.deepEqual(terminate.Condition, { StringEquals: { "aws:ResourceTag/kubernetes.io/cluster/paved-prod": "owned" }, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } });
        const tagging = lifecycle.find((s) => s.Sid === "AllowScopedResourceTagging")!;
        assert.deepEqual(tagging.Condition?.["ForAllValues:StringEquals"], { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] });
        const volumes = controllerPolicies(sample)["volume-encryption"].Statement;
        assert.ok(volumes.every((s) => s.Resource === sample.volumesKeyArn && s.Condition?.StringEquals?.["kms:ViaService"] === "ec2.eu-west-1.amazonaws.com"), "the volumes key, through EC2 only");
    });

    it("the Price List API is reached in the region Karpenter calls (pkg/providers/pricing NewAPI)", () => {
        assert.deepEqual(
            ["eu-west-1", "eu-central-2", "ap-southeast-2", "cn-north-1", "us-east-2", "us-gov-west-1", "ca-central-1"].map(pricingApiRegion),
            ["eu-central-1", "eu-central-1", "ap-south-1", "cn-northwest-1", "us-east-1", "us-east-1", "us-east-1"],
        );
    });
});

describe("karpenter: interruption queue and events", () => {
    const c = { region: "eu-west-1", accountId: "123456789012" };
    const names = karpenterNames("paved-prod");

    it("the queue policy admits only this cluster's rules and denies anything without TLS", () => {
        const [allow, deny] = interruptionQueuePolicy(c, names).Statement;
        assert.deepEqual(allow.Principal, { Service: "events.amazonaws.com" });
        assert.equal(allow.Action, "sqs:SendMessage");
        assert.equal(allow.Resource, queueArn(c, "paved-prod-karpenter-interruptions"));
        assert.deepEqual(allow.Condition, { ArnEquals: { "aws:SourceArn": interruptionEvents.map((e) => ruleArn(c, names.rules[e.key])) } });
        assert.deepEqual(deny, {
            Sid: "DenyHTTP",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: "arn:aws:sqs:eu-west-1:123456789012:paved-prod-karpenter-interruptions",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
    });

    it("routes the events of the v1.14 getting-started template", () => {
        assert.deepEqual(
            interruptionEvents.map((e) => JSON.parse(eventPattern(e))),
            [
                { source: ["aws.health"], "detail-type": ["AWS Health Event"] },
                { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] },
                { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] },
                { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
                { source: ["aws.ec2"], "detail-type": ["EC2 Capacity Reservation Instance Interruption Warning"] },
            ],
        );
    });

    it("property: names fit AWS limits, are deterministic and never collide for two clusters", () => {
        fc.assert(
            fc.property(clusterName, clusterName, (a, b) => {
                const n = karpenterNames(a);
                assert.deepEqual(karpenterNames(a), n);
                assert.match(n.queue, /^[A-Za-z0-9_-]{1,80}$/);
                assert.match(n.nodeRole, /^[\w+=,.@-]{1,64}$/);
                for (const rule of Object.values(n.rules)) {
                    assert.match(rule, /^[.\-_A-Za-z0-9]{1,64}$/);
                }
                assert.equal(new Set(Object.values(n.rules)).size, interruptionEvents.length);
                if (a !== b) {
                    assert.notEqual(n.queue, karpenterNames(b).queue);
                    assert.notEqual(n.nodeRole, karpenterNames(b).nodeRole);
                }
            }),
            { numRuns: 300 },
        );
        assert.equal(boundedName("paved-prod", "karpenter-node", 64), "paved-prod-karpenter-node", "short names stay readable");
    });
});

describe("karpenter: controller values (components/karpenter/values.ts)", () => {
    const args = { clusterName: "paved-prod", interruptionQueue: "q", resources: { cpu: "1", memory: "1Gi" }, logLevel: "info" as const };

    it("HA: two replicas spread across zones; otherwise one, without the zone constraint", () => {
        const ha = controllerValues({ ...args, highAvailability: true });
        assert.equal(ha.replicas, 2);
        assert.deepEqual(ha.topologySpreadConstraints, [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" }]);
        const single = controllerValues({ ...args, highAvailability: false });
        assert.equal(single.replicas, 1);
        assert.deepEqual(single.topologySpreadConstraints, []);
    });

    it("property: always system-critical, on the system node group only, with a PDB, Guaranteed resources and interruption handling", () => {
        fc.assert(
            fc.property(fc.boolean(), clusterName, fc.constantFrom("250m", "1", "2"), fc.constantFrom("512Mi", "1Gi"), (highAvailability, cluster, cpu, memory) => {
                const v = controllerValues({ ...args, clusterName: cluster, highAvailability, resources: { cpu, memory } }) as Record<string, any>;
                assert.equal(v.priorityClassName, "system-cluster-critical");
                assert.deepEqual(v.podDisruptionBudget, { name: "karpenter", maxUnavailable: 1 });
                assert.ok(v.podDisruptionBudget.maxUnavailable < 2 || v.replicas > 1);
                const terms = v.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
                assert.equal(terms.length, 1, "one term: its expressions are ANDed");
                assert.deepEqual(terms[0].matchExpressions, [
                    { key: "karpenter.sh/nodepool", operator: "DoesNotExist" },
                    { key: "paved.io/node-pool", operator: "In", values: ["system"] },
                ]);
                assert.deepEqual(v.controller.resources, { requests: { cpu, memory }, limits: { cpu, memory } });
                assert.deepEqual(v.settings, { clusterName: cluster, interruptionQueue: "q", isolatedVPC: false, enableZonalShift: false });
                assert.deepEqual(v.serviceAccount, { create: true, name: "karpenter" });
            }),
            { numRuns: 50 },
        );
    });
});

describe("karpenter: node class and node pools (components/karpenter/manifests.ts)", () => {
    const nodeClass = () =>
        nodeClassManifest({
            name: "default",
            clusterName: "paved-prod",
            role: "paved-prod-karpenter-node",
            amiAlias: "al2023@v20260520",
            volumesKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/volumes",
            rootVolumeGiB: 100,
            tags: { Owner: "platform-team", App: "paved", Environment: "prod", CostCenter: "CC-1" },
        });

    it("EC2NodeClass: IMDSv2 with hop limit 1, encrypted gp3 root volume with the volumes key, discovery by cluster tag", () => {
        const spec = nodeClass().spec;
        assert.deepEqual(spec.metadataOptions, { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" });
        assert.deepEqual(spec.blockDeviceMappings, [
            { deviceName: "/dev/xvda", rootVolume: true, ebs: { volumeSize: "100Gi", volumeType: "gp3", encrypted: true, kmsKeyID: "arn:aws:kms:eu-west-1:123456789012:key/volumes", deleteOnTermination: true } },
        ]);
        assert.deepEqual(spec.subnetSelectorTerms, [{ tags: { "karpenter.sh/discovery": "paved-prod" } }]);
        assert.deepEqual(spec.securityGroupSelectorTerms, [{ tags: { "karpenter.sh/discovery": "paved-prod" } }]);
        assert.deepEqual(spec.amiSelectorTerms, [{ alias: "al2023@v20260520" }]);
    });

    it("property: for any valid pool config, the NodePool keeps its requirements, limits, taints and disruption, and always has cpu and memory limits", () => {
        fc.assert(
            fc.property(validNodePool, (raw) => {
                const pool = nodePoolSchema.parse(raw) as NodePoolConfig;
                const m = nodePoolManifest("pool", pool, "default");
                const req = (key: string) => m.spec.template.spec.requirements.find((r) => r.key === key);
                assert.deepEqual(req("karpenter.sh/capacity-type")?.values, pool.capacityTypes);
                assert.deepEqual(req("kubernetes.io/arch")?.values, pool.architectures);
                assert.deepEqual(req("kubernetes.io/os")?.values, ["linux"]);
                assert.deepEqual(req("karpenter.k8s.aws/instance-category")?.values, pool.instanceCategories);
                assert.deepEqual(req("karpenter.k8s.aws/instance-family")?.values, pool.instanceFamilies);
                assert.ok(req("karpenter.k8s.aws/instance-category") || req("karpenter.k8s.aws/instance-family"), "the pool says which instances it may launch");
                const generation = req("karpenter.k8s.aws/instance-generation");
                assert.equal(generation ? Number(generation.values[0]) + 1 : undefined, pool.minInstanceGeneration && pool.minInstanceGeneration > 1 ? pool.minInstanceGeneration : undefined);
                assert.deepEqual(m.spec.limits, { cpu: String(pool.limits.cpu), memory: pool.limits.memory, ...(pool.limits.gpus ? { "nvidia.com/gpu": String(pool.limits.gpus) } : {}) });
                assert.deepEqual(m.spec.template.spec.taints ?? [], pool.taints);
                assert.deepEqual(m.spec.disruption, pool.disruption);
                assert.equal(m.spec.template.spec.expireAfter, pool.expireAfter);
                assert.equal(m.spec.template.metadata.labels["paved.io/node-pool"], "pool");
                assert.deepEqual(m.spec.template.spec.nodeClassRef, { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" });
            }),
            { numRuns: 200 },
        );
    });

    it("property: the config never admits a pool without cpu and memory limits, or nodes that outlive 30 days", () => {
        fc.assert(
            fc.property(validNodePool, fc.constantFrom("limits", "cpu", "memory", "expireAfter"), (raw, broken) => {
                const pool = JSON.parse(JSON.stringify(raw));
                if (broken === "limits") {
                    delete pool.limits;
                } else if (broken === "expireAfter") {
                    pool.expireAfter = "Never";
                } else {
                    delete pool.limits[broken];
                }
                assert.equal(nodePoolSchema.safeParse(pool).success, false);
            }),
            { numRuns: 100 },
        );
    });

    describeWithCrds("against the upstream CRDs (karpenter-provider-aws v1.14)", () => {
        let registry: SchemaRegistry;
        before(() => {
            registry = crdRegistry();
        });
        const errors = (manifest: unknown) => errorsOf(validateManifest(registry, parseManifests(YAML.stringify(manifest))[0])).map(formatProblem);

        it("the EC2NodeClass is admitted", () => {
            assert.deepEqual(errors(nodeClass()), []);
        });

        it("property: every NodePool a valid paved:karpenter section renders is admitted", () => {
            fc.assert(
                fc.property(validKarpenterConfig, (raw) => {
                    const section = karpenterSchema.parse(raw);
                    for (const [name, pool] of Object.entries(section.nodePools)) {
                        assert.deepEqual(errors(nodePoolManifest(name, pool, "default")), [], name);
                    }
                }),
                { numRuns: 60 },
            );
        });
    });
});
