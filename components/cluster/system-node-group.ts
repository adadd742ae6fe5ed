import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { managedPolicyArn, serviceTrustPolicy } from "../iam-documents";

export interface SystemNodeGroupArgs {
    clusterName: pulumi.Input<string>;
    kubernetesVersion: string;
    subnetIds: pulumi.Input<string[]>;
    sizing: { instanceTypes: string[]; minSize: number; maxSize: number; desiredSize: number; diskSizeGiB: number };
    volumesKeyArn: pulumi.Input<string>;
    permissionsBoundaryArn: pulumi.Input<string>;
    region: string;
    tags: Record<string, string>;
}

/** IMDSv2 only, one hop: pods cannot reach the node's credentials (FSBP EC2.8, EC2.170). */
export const launchTemplateMetadataOptions = {
    httpEndpoint: "enabled",
    httpTokens: "required",
    httpPutResponseHopLimit: 1,
    instanceMetadataTags: "disabled",
} as const;

/** Managed policies of every platform node role. */
export const nodeRoleManagedPolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"];

/** A small on-demand managed node group for platform controllers (Karpenter cannot run on its own nodes). */
export class SystemNodeGroup extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: SystemNodeGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:cluster:SystemNodeGroup", name, {}, opts);

        const role = new aws.iam.Role(
            `${name}-node`,
            {
                description: "EKS system node group instances",
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ec2.amazonaws.com")),
                permissionsBoundary: args.permissionsBoundaryArn,
                tags: args.tags,
            },
            { parent: this },
        );
        const attachments = nodeRoleManagedPolicies.map(
            (policy) => new aws.iam.RolePolicyAttachment(`${name}-${policy}`, { role: role.name, policyArn: managedPolicyArn(args.region, policy) }, { parent: this }),
        );

        const launchTemplate = new aws.ec2.LaunchTemplate(
            `${name}-nodes`,
            {
                description: "System nodes: IMDSv2 with hop limit 1, encrypted gp3 root volume",
                metadataOptions: launchTemplateMetadataOptions,
                blockDeviceMappings: [
                    {
                        deviceName: "/dev/xvda",
                        ebs: {
                            volumeSize: args.sizing.diskSizeGiB,
                            volumeType: "gp3",
                            encrypted: "true",
                            kmsKeyId: args.volumesKeyArn,
                            deleteOnTermination: "true",
                        },
                    },
                ],
                // Managed node groups do not pass provider default tags to instances and volumes.
                tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: args.tags })),
                updateDefaultVersion: true,
                tags: args.tags,
            },
            { parent: this },
        );

        new aws.eks.NodeGroup(
            `${name}-nodes`,
            {
                clusterName: args.clusterName,
                version: args.kubernetesVersion,
                nodeRoleArn: role.arn,
                subnetIds: args.subnetIds,
                amiType: "AL2023_x86_64_STANDARD",
                capacityType: "ON_DEMAND",
                instanceTypes: args.sizing.instanceTypes,
                scalingConfig: { minSize: args.sizing.minSize, maxSize: args.sizing.maxSize, desiredSize: args.sizing.desiredSize },
                updateConfig: { maxUnavailable: 1 },
                launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
                labels: { "paved.io/node-pool": "system" },
                tags: args.tags,
            },
            { parent: this, dependsOn: attachments, ignoreChanges: ["scalingConfig.desiredSize"] },
        );

        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
