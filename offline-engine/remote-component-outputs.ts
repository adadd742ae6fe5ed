import { createHash } from "node:crypto";
import type { FakeCloudContext, FakeResource, OutputSynthesizer } from "./fake-cloud";

/**
 * Outputs of remote (multi-language) components. Offline they are one opaque registration with no
 * children, so every output the program reads must be synthesized here (names from the SDKs'
 * generated classes: @pulumi/awsx ec2/vpc, @pulumi/eks cluster and managedNodeGroup).
 */
export const remoteComponentTypes = new Set([
    "awsx:ec2:Vpc",
    "eks:index:Cluster",
    "eks:index:ManagedNodeGroup",
    "eks:index:VpcCniAddon",
    "eks:index:Addon",
    "kubernetes:helm.sh/v4:Chart",
    "kubernetes:yaml/v2:ConfigFile",
    "kubernetes:yaml/v2:ConfigGroup",
    "kubernetes:kustomize/v2:Directory",
]);

type Ctx = Required<FakeCloudContext>;

/** A stable hex string for one output of one resource. */
const hex = (r: FakeResource, salt: string, n = 17) => createHash("sha256").update(`${r.digest}/${salt}`).digest("hex").slice(0, n);

function vpcOutputs(r: FakeResource, c: Ctx): Record<string, unknown> {
    const specs: { type: string; name?: string; cidrBlocks?: string[] }[] = r.inputs.subnetSpecs ?? [];
    const azCount: number = r.inputs.numberOfAvailabilityZones ?? 3;
    const azs = ["a", "b", "c", "d", "e", "f"].slice(0, azCount).map((s) => `${c.region}${s}`);
    const vpcId = `vpc-${hex(r, "vpc")}`;
    const subnets = specs.flatMap((spec, si) =>
        azs.map((az, ai) => ({
            id: `subnet-${hex(r, `${si}-${ai}-${spec.name ?? spec.type}`)}`,
            availabilityZone: az,
            cidrBlock: spec.cidrBlocks?.[ai],
            type: spec.type,
            vpcId,
        })),
    );
    const idsOf = (type: string) => subnets.filter((s) => s.type === type).map((s) => s.id);
    const routeTables = subnets.map((_, i) => ({ id: `rtb-${hex(r, `rt-${i}`)}`, vpcId }));
    const natCount = r.inputs.natGateways?.strategy === "OnePerAz" ? azCount : r.inputs.natGateways?.strategy === "None" ? 0 : 1;
    return {
        vpcId,
        vpc: { id: vpcId, arn: `arn:${c.partition}:ec2:${c.region}:${c.accountId}:vpc/${vpcId}`, cidrBlock: r.inputs.cidrBlock, defaultSecurityGroupId: `sg-${hex(r, "default-sg")}` },
        subnets,
        privateSubnetIds: idsOf("Private"),
        publicSubnetIds: idsOf("Public"),
        isolatedSubnetIds: idsOf("Isolated"),
        privateSubnets: subnets.filter((s) => s.type === "Private"),
        publicSubnets: subnets.filter((s) => s.type === "Public"),
        isolatedSubnets: subnets.filter((s) => s.type === "Isolated"),
        routeTables,
        routeTableAssociations: [],
        routes: [],
        natGateways: Array.from({ length: natCount }, (_, i) => ({ id: `nat-${hex(r, `nat-${i}`)}` })),
        eips: [],
        internetGateway: { id: `igw-${hex(r, "igw")}` },
        vpcEndpoints: [],
        subnetLayout: specs,
    };
}

function clusterOutputs(r: FakeResource, c: Ctx): Record<string, unknown> {
    const name = r.physicalName;
    const oidcId = hex(r, "oidc", 32).toUpperCase();
    const issuer = `https://oidc.eks.${c.region}.amazonaws.com/id/${oidcId}`;
    const oidcProviderArn = `arn:${c.partition}:iam::${c.accountId}:oidc-provider/oidc.eks.${c.region}.amazonaws.com/id/${oidcId}`;
    const endpoint = `https://${oidcId}.gr7.${c.region}.eks.amazonaws.com`;
    const clusterSecurityGroupId = `sg-${hex(r, "cluster-sg")}`;
    const certificateData = Buffer.from(`offline-ca-for-${name}`).toString("base64");
    const kubeconfig = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": certificateData } }],
        contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
        "current-context": "aws",
        users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", name] } } }],
    };
    const eksCluster = {
        id: name,
        name,
        arn: `arn:${c.partition}:eks:${c.region}:${c.accountId}:cluster/${name}`,
        endpoint,
        version: r.inputs.version,
        certificateAuthority: { data: certificateData },
        identities: [{ oidcs: [{ issuer }] }],
        vpcConfig: {
            clusterSecurityGroupId,
            vpcId: r.inputs.vpcId,
            subnetIds: r.inputs.privateSubnetIds ?? r.inputs.subnetIds ?? [],
            endpointPrivateAccess: r.inputs.endpointPrivateAccess,
            endpointPublicAccess: r.inputs.endpointPublicAccess,
        },
    };
    return {
        kubeconfig,
        kubeconfigJson: JSON.stringify(kubeconfig),
        eksCluster,
        core: { cluster: eksCluster, endpoint, vpcId: r.inputs.vpcId, subnetIds: eksCluster.vpcConfig.subnetIds, oidcProvider: { arn: oidcProviderArn, url: issuer.replace("https://", "") }, clusterIamRole: { name: `${name}-eksRole`, arn: `arn:${c.partition}:iam::${c.accountId}:role/${name}-eksRole` }, instanceRoles: [], nodeGroupOptions: {} },
        oidcProviderArn,
        oidcProviderUrl: issuer.replace("https://", ""),
        oidcIssuer: issuer.replace("https://", ""),
        clusterSecurityGroupId,
        nodeSecurityGroupId: clusterSecurityGroupId,
        clusterIngressRuleId: "",
        defaultNodeGroupAsgName: "",
        fargateProfileId: "",
        fargateProfileStatus: "",
        instanceRoles: [],
        autoModeNodeRoleName: "",
    };
}

export const remoteComponentOutputs: Record<string, OutputSynthesizer> = {
    "awsx:ec2:Vpc": vpcOutputs,
    "eks:index:Cluster": clusterOutputs,
    "eks:index:ManagedNodeGroup": (r, c) => ({ nodeGroup: { nodeGroupName: r.physicalName, arn: `arn:${c.partition}:eks:${c.region}:${c.accountId}:nodegroup/${r.physicalName}` }, placementGroupName: "" }),
    "kubernetes:helm.sh/v4:Chart": () => ({ resources: [] }),
    "kubernetes:yaml/v2:ConfigFile": () => ({ resources: [] }),
    "kubernetes:yaml/v2:ConfigGroup": () => ({ resources: [] }),
    "kubernetes:kustomize/v2:Directory": () => ({ resources: [] }),
};
