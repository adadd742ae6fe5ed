import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../iam-documents";
import { planSubnets, type SubnetPlan } from "./subnet-plan";

export { planSubnets, type SubnetPlan } from "./subnet-plan";

export interface NetworkArgs {
    cidr: string;
    availabilityZoneCount: number;
    natGateways: "single" | "onePerAz";
    /** Value of the `karpenter.sh/discovery` tag on workload subnets. */
    clusterName: string;
    flowLogs: { retentionDays: number; trafficType: "ALL" | "REJECT" };
    /** KMS key (logs purpose) that encrypts the flow-log group. */
    logsKeyArn: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    region: string;
    /** Permissions boundary carried by every role the platform creates. */
    permissionsBoundaryArn: pulumi.Input<string>;
    /** Protect the flow-log group from `pulumi destroy` and retain it on delete. */
    protect: boolean;
    tags: Record<string, string>;
}

/** Interface endpoints a private cluster needs, and which part of the platform calls each. */
export const interfaceEndpointServices: Record<string, string> = {
    "ecr.api": "image pulls (registry API)",
    "ecr.dkr": "image pulls (layers)",
    sts: "IRSA and role assumption",
    ec2: "VPC CNI and Karpenter",
    ssm: "node management and AMI parameters",
    logs: "log shipping",
    "eks-auth": "EKS Pod Identity",
    sqs: "Karpenter interruption queue",
    secretsmanager: "External Secrets",
};

/**
 * The VPC: private subnets for workloads, isolated data subnets, public subnets for load balancers
 * only; NAT per config; KMS-encrypted flow logs with retention; the endpoints a private cluster
 * needs; a default security group that allows nothing.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly vpcCidr: string;
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    public readonly dataSubnetIds: pulumi.Output<string[]>;
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    public readonly subnetPlan: SubnetPlan;
    public readonly endpointSecurityGroupId: pulumi.Output<string>;
    public readonly flowLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:network:Network", name, {}, opts);
        const plan = planSubnets(args.cidr, args.availabilityZoneCount);
        this.subnetPlan = plan;
        this.vpcCidr = args.cidr;

        const vpc = new awsx.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidr,
                numberOfAvailabilityZones: args.availabilityZoneCount,
                subnetStrategy: "Auto",
                subnetSpecs: [
                    {
                        type: "Private",
                        name: "private",
                        cidrBlocks: plan.private,
                        tags: { "karpenter.sh/discovery": args.clusterName, "kubernetes.io/role/internal-elb": "1", "paved.io/tier": "workloads" },
                    },
                    { type: "Isolated", name: "data", cidrBlocks: plan.data, tags: { "paved.io/tier": "data" } },
                    { type: "Public", name: "public", cidrBlocks: plan.public, tags: { "kubernetes.io/role/elb": "1", "paved.io/tier": "load-balancers" } },
                ],
                natGateways: { strategy: args.natGateways === "single" ? "Single" : "OnePerAz" },
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: { ...args.tags, Name: `${name}-vpc` },
            },
            { parent: this },
        );
        this.vpcId = vpc.vpcId;
        this.privateSubnetIds = vpc.privateSubnetIds;
        this.dataSubnetIds = vpc.isolatedSubnetIds;
        this.publicSubnetIds = vpc.publicSubnetIds;

        // The default security group: no ingress, no egress (FSBP EC2.2).
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.vpcId, ingress: [], egress: [], tags: { ...args.tags, Name: `${name}-default-deny-all` } }, { parent: this });

        this.flowLogGroupName = this.flowLogs(name, args, vpc.vpcId);
        this.endpointSecurityGroupId = this.endpoints(name, args, vpc);

        this.registerOutputs({
            vpcId: this.vpcId,
            privateSubnetIds: this.privateSubnetIds,
            dataSubnetIds: this.dataSubnetIds,
            publicSubnetIds: this.publicSubnetIds,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            flowLogGroupName: this.flowLogGroupName,
        });
    }

    /** VPC flow logs to a KMS-encrypted log group with retention (FSBP EC2.6, CloudWatch.16). */
    private flowLogs(name: string, args: NetworkArgs, vpcId: pulumi.Output<string>): pulumi.Output<string> {
        const group = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            {
                name: `/paved/${args.clusterName}/vpc-flow-logs`,
                retentionInDays: args.flowLogs.retentionDays,
                kmsKeyId: args.logsKeyArn,
                tags: args.tags,
            },
            { parent: this, protect: args.protect, retainOnDelete: args.protect },
        );
        const role = new aws.iam.Role(
            `${name}-flow-logs`,
            {
                description: "Delivers VPC flow logs to CloudWatch Logs",
                assumeRolePolicy: pulumi.output(args.accountId).apply((accountId) => JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", { sourceAccount: accountId }))),
                permissionsBoundary: args.permissionsBoundaryArn,
                tags: args.tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-flow-logs`,
            {
                role: role.name,
                policy: group.arn.apply((arn) =>
                    JSON.stringify(
                        policyDocument({
                            Sid: "WriteFlowLogsToOneGroup",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                            Resource: [arn, `${arn}:*`],
                        }),
                    ),
                ),
            },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            `${name}-flow-logs`,
            {
                vpcId,
                trafficType: args.flowLogs.trafficType,
                logDestinationType: "cloud-watch-logs",
                logDestination: group.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
                tags: args.tags,
            },
            { parent: this },
        );
        return group.name;
    }

    /** Interface endpoints in the private subnets, reachable on 443 from the VPC only; an S3 gateway endpoint. */
    private endpoints(name: string, args: NetworkArgs, vpc: awsx.ec2.Vpc): pulumi.Output<string> {
        const sg = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            {
                vpcId: vpc.vpcId,
                description: "VPC interface endpoints: HTTPS from inside the VPC only",
                ingress: [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.cidr] }],
                egress: [],
                revokeRulesOnDelete: true,
                tags: { ...args.tags, Name: `${name}-endpoints` },
            },
            { parent: this },
        );
        for (const service of Object.keys(interfaceEndpointServices)) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service.replace(/\./g, "-")}`,
                {
                    vpcId: vpc.vpcId,
                    serviceName: `com.amazonaws.${args.region}.${service}`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: vpc.privateSubnetIds,
                    securityGroupIds: [sg.id],
                    tags: { ...args.tags, Name: `${name}-${service}` },
                },
                { parent: this },
            );
        }
        new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: vpc.vpcId,
                serviceName: `com.amazonaws.${args.region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: vpc.routeTables.apply((tables) => tables.map((t) => t.id)),
                tags: { ...args.tags, Name: `${name}-s3` },
            },
            { parent: this },
        );
        return sg.id;
    }
}
