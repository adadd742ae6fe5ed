import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, type PolicyDocument } from "../iam-documents";

export interface PodIdentityRoleArgs {
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    namespace: string;
    serviceAccount: string;
    /** Inline policies, one per concern (e.g. per AWS service), so each can be reviewed and tested alone. */
    policies: Record<string, pulumi.Input<PolicyDocument>>;
    /** Every platform role carries the platform permissions boundary. */
    permissionsBoundaryArn: pulumi.Input<string>;
    description: string;
    tags: Record<string, string>;
    /** The Pod Identity agent add-on: associations are useless before it runs. */
    podIdentityAgent: pulumi.Resource;
}

/**
 * Trust policy for EKS Pod Identity, limited to this account and this cluster
 * (the agent sets aws:SourceAccount and aws:SourceArn to the cluster).
 */
export function podIdentityTrustPolicy(accountId: string, clusterArn: string): PolicyDocument {
    return policyDocument({
        Sid: "EksPodIdentityFromThisCluster",
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnEquals: { "aws:SourceArn": clusterArn } },
    });
}

/** An IAM role for one Kubernetes service account through EKS Pod Identity (no IRSA annotations needed). */
export class PodIdentityRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;
    public readonly roleName: pulumi.Output<string>;

    constructor(name: string, args: PodIdentityRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:pod-identity:PodIdentityRole", name, {}, opts);
        const role = new aws.iam.Role(
            name,
            {
                description: args.description,
                assumeRolePolicy: pulumi.all([args.accountId, args.clusterArn]).apply(([account, cluster]) => JSON.stringify(podIdentityTrustPolicy(account, cluster))),
                permissionsBoundary: args.permissionsBoundaryArn,
                maxSessionDuration: 3600,
                tags: args.tags,
            },
            { parent: this },
        );
        const policies = Object.entries(args.policies).map(
            ([concern, document]) =>
                new aws.iam.RolePolicy(`${name}-${concern}`, { role: role.name, name: concern, policy: pulumi.output(document).apply((d) => JSON.stringify(d)) }, { parent: this }),
        );
        new aws.eks.PodIdentityAssociation(
            name,
            { clusterName: args.clusterName, namespace: args.namespace, serviceAccount: args.serviceAccount, roleArn: role.arn, tags: args.tags },
            { parent: this, dependsOn: [args.podIdentityAgent, ...policies] },
        );
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
