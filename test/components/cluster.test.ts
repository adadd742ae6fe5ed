import * as assert from "node:assert/strict";
import { controlPlaneLogTypes } from "../../components/cluster";
import { nodeRoleManagedPolicies } from "../../components/cluster/system-node-group";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { input, one, repositoryRoot, stackGraph } from "../helpers/stacks";
import type { ResourceGraph } from "../../offline-engine/graph";

describe("cluster component", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    const cluster = (g: ResourceGraph) => one(g, "eks:index:Cluster");

    it("encrypts Kubernetes secrets with the platform's secrets key", () => {
        const key = one(dev, "aws:kms/key:Key", "keys-kubernetes-secrets");
        assert.deepEqual(cluster(dev).propertyDependencies.encryptionConfigKeyArn, [key.urn]);
        assert.match(input(cluster(dev), "encryptionConfigKeyArn"), /^arn:aws:kms:eu-west-1:123456789012:key\//);
        assert.equal(input(key, "enableKeyRotation"), true);
    });

    it("sends all five control-plane log types to a pre-created, KMS-encrypted group with retention", () => {
        assert.deepEqual(input(cluster(prod), "enabledClusterLogTypes"), controlPlaneLogTypes);
        assert.deepEqual(controlPlaneLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
        const group = one(prod, "aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane");
        assert.equal(input(group, "name"), "/aws/eks/paved-prod/cluster", "the name EKS writes to");
        assert.equal(input(group, "retentionInDays"), 365);
        assert.deepEqual(group.propertyDependencies.kmsKeyId, [one(prod, "aws:kms/key:Key", "keys-logs").urn]);
        assert.ok(cluster(prod).dependencies.includes(group.urn), "the group exists before EKS would create its own");
    });

    it("keeps the API endpoint private unless config opens it with an allow-list", async () => {
        assert.equal(input(cluster(dev), "endpointPrivateAccess"), true);
        assert.equal(input(cluster(dev), "endpointPublicAccess"), false);
        assert.equal(input(cluster(dev), "publicAccessCidrs"), undefined);
        const opened = await stackGraph("dev", {
            "paved:cluster": JSON.stringify({ ...devClusterConfig(), endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } }),
        });
        assert.equal(input(cluster(opened), "endpointPublicAccess"), true);
        assert.deepEqual(input(cluster(opened), "publicAccessCidrs"), ["203.0.113.0/24"]);
        assert.equal(input(cluster(opened), "endpointPrivateAccess"), true);
    });

    it("uses authentication mode API with access entries: admin for break-glass roles, view for readers", () => {
        assert.equal(input(cluster(prod), "authenticationMode"), "API");
        const entries = input<Record<string, any>>(cluster(prod), "accessEntries");
        const admins = Object.values(entries).filter((e) => Object.values(e.accessPolicies).some((p: any) => p.policyArn.endsWith("/AmazonEKSClusterAdminPolicy")));
        assert.deepEqual(admins.map((e) => e.principalArn), ["arn:aws:iam::123456789012:role/paved-prod-break-glass"], "only the break-glass role is cluster-admin");
        const viewers = Object.values(entries).filter((e) => Object.values(e.accessPolicies).some((p: any) => p.policyArn.endsWith("/AmazonEKSViewPolicy")));
        assert.deepEqual(viewers.map((e) => e.principalArn).sort(), [
            "arn:aws:iam::123456789012:role/paved-prod-auditor",
            "arn:aws:iam::444455556666:role/paved-platform-readers",
            "arn:aws:iam::444455556666:role/security-auditors",
        ]);
        for (const e of Object.values(entries)) {
            assert.equal(e.type, "STANDARD");
            for (const p of Object.values(e.accessPolicies) as any[]) {
                assert.deepEqual(p.accessScope, { type: "cluster" });
            }
        }
    });

    it("creates the OIDC provider, enforces NetworkPolicies in the VPC CNI and installs the Pod Identity agent", () => {
        assert.equal(input(cluster(dev), "createOidcProvider"), true);
        assert.equal(input(cluster(dev), "vpcCniOptions.enableNetworkPolicy"), true);
        const agent = one(dev, "aws:eks/addon:Addon", "cluster-pod-identity-agent");
        assert.equal(input(agent, "addonName"), "eks-pod-identity-agent");
        assert.deepEqual(agent.propertyDependencies.clusterName, [cluster(dev).urn]);
    });

    it("places the cluster and nodes in the private subnets only", () => {
        const vpc = one(dev, "awsx:ec2:Vpc");
        assert.deepEqual(cluster(dev).propertyDependencies.privateSubnetIds, [vpc.urn]);
        assert.equal(input(cluster(dev), "publicSubnetIds"), undefined);
        assert.equal(input(cluster(dev), "nodeAssociatePublicIpAddress"), false);
        const nodes = one(dev, "aws:eks/nodeGroup:NodeGroup");
        assert.deepEqual(input(nodes, "subnetIds"), input(cluster(dev), "privateSubnetIds"));
    });

    it("system nodes: IMDSv2 only with hop limit 1, gp3 root volume encrypted with the volumes key, tagged instances", () => {
        const lt = one(prod, "aws:ec2/launchTemplate:LaunchTemplate");
        assert.deepEqual(input(lt, "metadataOptions"), { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
        const ebs = input<any[]>(lt, "blockDeviceMappings")[0].ebs;
        assert.equal(ebs.encrypted, "true");
        assert.equal(ebs.volumeType, "gp3");
        assert.deepEqual(lt.propertyDependencies.blockDeviceMappings, [one(prod, "aws:kms/key:Key", "keys-volumes").urn]);
        const specs = input<{ resourceType: string; tags: Record<string, string> }[]>(lt, "tagSpecifications");
        assert.deepEqual(specs.map((s) => s.resourceType).sort(), ["instance", "network-interface", "volume"]);
        for (const s of specs) {
            assert.deepEqual(Object.keys(s.tags).sort(), ["App", "CostCenter", "Environment", "Owner"]);
        }
        const nodes = one(prod, "aws:eks/nodeGroup:NodeGroup");
        assert.equal(input(nodes, "launchTemplate.id"), `lt-${input<string>(nodes, "launchTemplate.id").slice(3)}`);
        assert.deepEqual(nodes.propertyDependencies.launchTemplate, [lt.urn]);
        assert.deepEqual(input(nodes, "scalingConfig"), { minSize: 3, maxSize: 6, desiredSize: 3 });
        assert.equal(input(nodes, "capacityType"), "ON_DEMAND");
    });

    it("the node role has exactly the node managed policies and trusts EC2 only", () => {
        const role = one(dev, "aws:iam/role:Role", "cluster-system-node");
        const trust = JSON.parse(input<string>(role, "assumeRolePolicy"));
        assert.deepEqual(trust.Statement.map((s: any) => s.Principal), [{ Service: "ec2.amazonaws.com" }]);
        const attached = dev.resources
            .filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && r.parent === one(dev, "paved:cluster:SystemNodeGroup").urn)
            .map((r) => input<string>(r, "policyArn").split("/").pop());
        assert.deepEqual(attached.sort(), [...nodeRoleManagedPolicies].sort());
    });

    it("deletion protection and protected log groups follow config: on in prod, off in dev", () => {
        assert.equal(input(cluster(prod), "deletionProtection"), true);
        assert.equal(input(cluster(dev), "deletionProtection"), false);
        for (const key of prod.resources.filter((r) => r.type === "aws:kms/key:Key")) {
            assert.equal(key.protect, true, `${key.name} is protected in prod`);
            assert.equal(key.retainOnDelete, true);
            assert.equal(input(key, "deletionWindowInDays"), 30);
        }
        for (const key of dev.resources.filter((r) => r.type === "aws:kms/key:Key")) {
            assert.equal(key.protect, false);
        }
    });

    it("tags the node security group for Karpenter discovery", () => {
        const tag = one(dev, "aws:ec2/tag:Tag");
        assert.equal(input(tag, "key"), "karpenter.sh/discovery");
        assert.equal(input(tag, "value"), "paved-dev");
        assert.deepEqual(tag.propertyDependencies.resourceId, [cluster(dev).urn]);
    });
});

function devClusterConfig(): Record<string, unknown> {
    return JSON.parse(loadStackConfigFile(findProject(repositoryRoot), "dev").config["paved:cluster"]);
}
