import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { managedPolicyArn, policyDocument, serviceTrustPolicy, type PolicyDocument } from "../iam-documents";
import { accessEntries, type AccessRoles } from "./access";
import { SystemNodeGroup, type SystemNodeGroupArgs } from "./system-node-group";

export { accessEntries, clusterAdminPolicyArn, viewPolicyArn } from "./access";
export { launchTemplateMetadataOptions } from "./system-node-group";

/** What the control plane may do with the secrets key: envelope encryption only. */
export function secretsKeyPolicy(keyArn: string): PolicyDocument {
    return policyDocument(
        { Sid: "EnvelopeEncryptionOfSecrets", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"], Resource: keyArn },
        { Sid: "GrantsForTheControlPlane", Effect: "Allow", Action: "kms:CreateGrant", Resource: keyArn, Condition: { Bool: { "kms:GrantIsForAWSResource": true } } },
    );
}

/** All five control-plane log types (FSBP EKS.8, CIS 2.1.1). */
export const controlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export interface ClusterArgs extends AccessRoles {
    name: string;
    kubernetesVersion: string;
    serviceCidr: string;
    vpcId: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<string[]>;
    /** The public endpoint stays off unless this flag is set; it then needs an allow-list. */
    publicAccess: boolean;
    publicAccessCidrs: string[];
    controlPlaneLogRetentionDays: number;
    deletionProtection: boolean;
    systemNodeGroup: SystemNodeGroupArgs["sizing"];
    kubernetesSecretsKeyArn: pulumi.Input<string>;
    logsKeyArn: pulumi.Input<string>;
    volumesKeyArn: pulumi.Input<string>;
    /** Permissions boundary carried by every role the platform creates (the cluster role included). */
    permissionsBoundaryArn: pulumi.Input<string>;
    awsProvider: aws.Provider;
    region: string;
    /** Protect the control-plane log group from `pulumi destroy` and retain it on delete. */
    protect: boolean;
    tags: Record<string, string>;
}

/**
 * The EKS cluster: API authentication with access entries, envelope encryption of secrets, all
 * control-plane logs to a KMS-encrypted group, private endpoint, OIDC, VPC CNI with network-policy
 * enforcement, the Pod Identity agent, and a small managed system node group.
 */
export class Cluster extends pulumi.ComponentResource {
    public readonly name: string;
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly kubeconfigJson: pulumi.Output<string>;
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly oidcIssuer: pulumi.Output<string>;
    /** The EKS-managed cluster security group, attached to every node (system and Karpenter). */
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    public readonly systemNodeRoleArn: pulumi.Output<string>;
    public readonly provider: k8s.Provider;
    /** The pod identity agent; Pod Identity associations depend on it. */
    public readonly podIdentityAgent: aws.eks.Addon;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:cluster:Cluster", name, {}, opts);
        this.name = args.name;

        // Pre-created so EKS writes into a KMS-encrypted group with retention, not a default one.
        const controlPlaneLogs = new aws.cloudwatch.LogGroup(
            `${name}-control-plane`,
            {
                name: `/aws/eks/${args.name}/cluster`,
                retentionInDays: args.controlPlaneLogRetentionDays,
                kmsKeyId: args.logsKeyArn,
                tags: args.tags,
            },
            { parent: this, protect: args.protect, retainOnDelete: args.protect },
        );

        // Our own cluster role, so it carries the boundary (the component would create an unbounded one).
        const serviceRole = new aws.iam.Role(
            `${name}-control-plane`,
            {
                description: `EKS control plane of ${args.name}`,
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("eks.amazonaws.com")),
                permissionsBoundary: args.permissionsBoundaryArn,
                tags: args.tags,
            },
            { parent: this },
        );
        const serviceRolePolicies = [
            new aws.iam.RolePolicyAttachment(`${name}-control-plane`, { role: serviceRole.name, policyArn: managedPolicyArn(args.region, "AmazonEKSClusterPolicy") }, { parent: this }),
            new aws.iam.RolePolicy(
                `${name}-control-plane-secrets-key`,
                {
                    role: serviceRole.name,
                    name: "envelope-encryption",
                    policy: pulumi.output(args.kubernetesSecretsKeyArn).apply((keyArn) => JSON.stringify(secretsKeyPolicy(keyArn))),
                },
                { parent: this },
            ),
        ];

        const cluster = new eks.Cluster(
            `${name}-eks`,
            {
                name: args.name,
                version: args.kubernetesVersion,
                vpcId: args.vpcId,
                privateSubnetIds: args.privateSubnetIds,
                endpointPrivateAccess: true,
                endpointPublicAccess: args.publicAccess,
                ...(args.publicAccess ? { publicAccessCidrs: args.publicAccessCidrs } : {}),
                kubernetesServiceIpAddressRange: args.serviceCidr,
                authenticationMode: eks.AuthenticationMode.Api,
                accessEntries: accessEntries(args),
                encryptionConfigKeyArn: args.kubernetesSecretsKeyArn,
                enabledClusterLogTypes: controlPlaneLogTypes,
                createOidcProvider: true,
                serviceRole,
                createInstanceRole: false,
                skipDefaultNodeGroup: true,
                skipDefaultSecurityGroups: true,
                nodeAssociatePublicIpAddress: false,
                vpcCniOptions: { enableNetworkPolicy: true },
                deletionProtection: args.deletionProtection,
                upgradePolicy: { supportType: "STANDARD" },
                tags: args.tags,
            },
            { parent: this, providers: { aws: args.awsProvider }, dependsOn: [controlPlaneLogs, ...serviceRolePolicies] },
        );
        this.clusterName = cluster.eksCluster.name;
        this.clusterArn = cluster.eksCluster.arn;
        this.kubeconfigJson = cluster.kubeconfigJson;
        this.oidcProviderArn = cluster.oidcProviderArn;
        this.oidcIssuer = cluster.oidcIssuer;
        this.nodeSecurityGroupId = cluster.eksCluster.vpcConfig.clusterSecurityGroupId;

        // Karpenter finds the node security group by this tag.
        new aws.ec2.Tag(`${name}-node-sg-discovery`, { resourceId: this.nodeSecurityGroupId, key: "karpenter.sh/discovery", value: args.name }, { parent: this });

        this.podIdentityAgent = new aws.eks.Addon(
            `${name}-pod-identity-agent`,
            {
                clusterName: this.clusterName,
                addonName: "eks-pod-identity-agent",
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                tags: args.tags,
            },
            { parent: this },
        );

        const nodes = new SystemNodeGroup(
            `${name}-system`,
            {
                clusterName: this.clusterName,
                kubernetesVersion: args.kubernetesVersion,
                subnetIds: args.privateSubnetIds,
                sizing: args.systemNodeGroup,
                volumesKeyArn: args.volumesKeyArn,
                permissionsBoundaryArn: args.permissionsBoundaryArn,
                region: args.region,
                tags: args.tags,
            },
            { parent: this },
        );
        this.systemNodeRoleArn = nodes.roleArn;

        this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: cluster.kubeconfigJson, enableServerSideApply: true }, { parent: this, dependsOn: [nodes] });

        this.registerOutputs({
            clusterName: this.clusterName,
            clusterArn: this.clusterArn,
            oidcProviderArn: this.oidcProviderArn,
            nodeSecurityGroupId: this.nodeSecurityGroupId,
            systemNodeRoleArn: this.systemNodeRoleArn,
        });
    }
}
