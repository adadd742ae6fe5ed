import * as assert from "node:assert/strict";
import fc from "fast-check";
import { contains, mustParseCidr, overlaps } from "../../components/network/cidr";
import { interfaceEndpointServices, planSubnets } from "../../components/network";
import { input, ofType, one, stackGraph } from "../helpers/stacks";
import type { ResourceGraph } from "../../offline-engine/graph";

describe("network component", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("splits the VPC into private (workloads), isolated (data) and public (load balancers) subnets from the plan", () => {
        const vpc = one(dev, "awsx:ec2:Vpc");
        const specs = input<{ type: string; name: string; cidrBlocks: string[]; tags?: Record<string, string> }[]>(vpc, "subnetSpecs");
        const plan = planSubnets("10.40.0.0/16", 2);
        assert.deepEqual(
            specs.map((s) => [s.type, s.cidrBlocks]),
            [
                ["Private", plan.private],
                ["Isolated", plan.data],
                ["Public", plan.public],
            ],
        );
        assert.equal(input(vpc, "numberOfAvailabilityZones"), 2);
        assert.equal(specs[0].tags?.["karpenter.sh/discovery"], "paved-dev", "workload subnets carry the Karpenter discovery tag");
        assert.equal(specs[2].tags?.["karpenter.sh/discovery"], undefined, "nodes are never discovered in public subnets");
        assert.equal(specs[1].tags?.["karpenter.sh/discovery"], undefined, "nodes are never discovered in data subnets");
    });

    it("NAT follows config: one in dev, one per AZ in prod", () => {
        assert.equal(input(one(dev, "awsx:ec2:Vpc"), "natGateways.strategy"), "Single");
        assert.equal(input(one(prod, "awsx:ec2:Vpc"), "natGateways.strategy"), "OnePerAz");
        assert.equal(input(one(prod, "awsx:ec2:Vpc"), "numberOfAvailabilityZones"), 3);
    });

    it("flow logs: every VPC, all traffic, into a KMS-encrypted group with the configured retention", () => {
        for (const [graph, retention] of [[dev, 90], [prod, 365]] as const) {
            const flowLog = one(graph, "aws:ec2/flowLog:FlowLog");
            const group = one(graph, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
            const logsKey = one(graph, "aws:kms/key:Key", "keys-logs");
            const vpc = one(graph, "awsx:ec2:Vpc");
            assert.equal(input(flowLog, "trafficType"), "ALL");
            assert.deepEqual(flowLog.propertyDependencies.vpcId, [vpc.urn], "flow log is attached to the platform VPC");
            assert.deepEqual(flowLog.propertyDependencies.logDestination, [group.urn]);
            assert.equal(input(group, "retentionInDays"), retention);
            assert.deepEqual(group.propertyDependencies.kmsKeyId, [logsKey.urn], "the group is encrypted with the platform logs key");
        }
    });

    it("the flow-log role may write to its own log group only", () => {
        const policy = JSON.parse(input<string>(one(dev, "aws:iam/rolePolicy:RolePolicy", "network-flow-logs"), "policy"));
        const groupArn = "arn:aws:logs:eu-west-1:123456789012:log-group:/paved/paved-dev/vpc-flow-logs";
        for (const s of policy.Statement) {
            assert.deepEqual(s.Resource, [groupArn, `${groupArn}:*`]);
            assert.ok(!s.Action.some((a: string) => a.includes("*")), "no wildcard actions");
        }
        const trust = JSON.parse(input<string>(one(dev, "aws:iam/role:Role", "network-flow-logs"), "assumeRolePolicy"));
        assert.deepEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
        assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
    });

    it("the default security group allows nothing", () => {
        const sg = one(dev, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assert.deepEqual(input(sg, "ingress"), []);
        assert.deepEqual(input(sg, "egress"), []);
    });

    it("creates the endpoints a private cluster needs, reachable on 443 from inside the VPC only", () => {
        const endpoints = ofType(dev, "aws:ec2/vpcEndpoint:VpcEndpoint");
        const services = endpoints.map((e) => input<string>(e, "serviceName").replace("com.amazonaws.eu-west-1.", ""));
        for (const required of ["ecr.api", "ecr.dkr", "s3", "sts", "ec2", "ssm", "logs", "eks-auth"]) {
            assert.ok(services.includes(required), `missing endpoint ${required}`);
        }
        const sg = one(dev, "aws:ec2/securityGroup:SecurityGroup", "network-endpoints");
        assert.deepEqual(input(sg, "ingress"), [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.40.0.0/16"] }]);
        for (const e of endpoints.filter((x) => input(x, "vpcEndpointType") === "Interface")) {
            assert.equal(input(e, "privateDnsEnabled"), true);
            assert.deepEqual(e.propertyDependencies.securityGroupIds, [sg.urn]);
            assert.deepEqual(e.propertyDependencies.subnetIds, [one(dev, "awsx:ec2:Vpc").urn], "interface endpoints sit in the VPC's (private) subnets");
        }
        assert.equal(endpoints.length, Object.keys(interfaceEndpointServices).length + 1);
    });

    it("protects and retains the flow-log group in prod only (config, not code)", () => {
        assert.equal(one(prod, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").protect, true);
        assert.equal(one(prod, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").retainOnDelete, true);
        assert.equal(one(dev, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").protect, false);
    });

    it("property: for any VPC /16-/20 and 2-6 AZs, subnets are disjoint, inside the VPC, and no smaller than /28", () => {
        fc.assert(
            fc.property(fc.integer({ min: 16, max: 20 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 255 }), (prefix, azs, second) => {
                const vpcText = `10.${prefix === 16 ? second : second & ~(2 ** (24 - prefix) - 1) & 255}.0.0/${prefix}`;
                const vpc = mustParseCidr(vpcText);
                const plan = planSubnets(vpcText, azs);
                const all = [...plan.private, ...plan.data, ...plan.public].map(mustParseCidr);
                assert.equal(all.length, azs * 3);
                for (const [i, a] of all.entries()) {
                    assert.ok(contains(vpc, a), `${vpcText} does not contain subnet ${i}`);
                    assert.ok(a.prefix <= 28, "AWS subnets are /28 or larger");
                    for (const b of all.slice(i + 1)) {
                        assert.ok(!overlaps(a, b), "subnets overlap");
                    }
                }
            }),
            { numRuns: 200 },
        );
    });
});
