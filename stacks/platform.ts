import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../components/cluster";
import { PlatformKeys } from "../components/encryption";
import { IamBaseline } from "../components/iam-baseline";
import { Network } from "../components/network";
import { platformAwsProvider, platformTags } from "../components/tagging";
import { buildAddons } from "./addons";
import type { PlatformConfig } from "./config";
import { substrateContext } from "./substrate-context";

/** Wires the substrate from a validated stack config. dev and prod differ only through that config. */
export function buildPlatform(cfg: PlatformConfig) {
    const tags = platformTags(cfg);
    const awsProvider = platformAwsProvider("aws", cfg.region, tags);
    const withAws: pulumi.ComponentResourceOptions = { providers: { aws: awsProvider } };
    const accountId = aws.getCallerIdentityOutput({}, { provider: awsProvider }).accountId;

    const keys = new PlatformKeys(
        "keys",
        { aliasPrefix: cfg.cluster.name, accountId, region: cfg.region, protect: cfg.protectStatefulResources },
        withAws,
    );

    const iam = new IamBaseline(
        "iam",
        {
            namePrefix: cfg.cluster.name,
            accountId,
            region: cfg.region,
            github: cfg.iam.github,
            breakGlassPrincipalArns: cfg.iam.breakGlassPrincipalArns,
            auditorPrincipalArns: cfg.iam.auditorPrincipalArns,
            tags,
        },
        withAws,
    );

    const network = new Network(
        "network",
        {
            ...cfg.network,
            clusterName: cfg.cluster.name,
            logsKeyArn: keys.logs.arn,
            accountId,
            region: cfg.region,
            permissionsBoundaryArn: iam.permissionsBoundaryArn,
            protect: cfg.protectStatefulResources,
            tags,
        },
        withAws,
    );

    const cluster = new Cluster(
        "cluster",
        {
            name: cfg.cluster.name,
            kubernetesVersion: cfg.cluster.kubernetesVersion,
            serviceCidr: cfg.cluster.serviceCidr,
            vpcId: network.vpcId,
            privateSubnetIds: network.privateSubnetIds,
            publicAccess: cfg.cluster.endpoint.publicAccess,
            publicAccessCidrs: cfg.cluster.endpoint.publicAccessCidrs,
            breakGlassRoleArns: [iam.breakGlassRoleArn],
            readOnlyRoleArns: [iam.auditorRoleArn, ...cfg.cluster.readOnlyRoleArns],
            controlPlaneLogRetentionDays: cfg.cluster.controlPlaneLogRetentionDays,
            deletionProtection: cfg.cluster.deletionProtection,
            systemNodeGroup: cfg.cluster.systemNodeGroup,
            kubernetesSecretsKeyArn: keys.kubernetesSecrets.arn,
            logsKeyArn: keys.logs.arn,
            volumesKeyArn: keys.volumes.arn,
            permissionsBoundaryArn: iam.permissionsBoundaryArn,
            awsProvider,
            region: cfg.region,
            protect: cfg.protectStatefulResources,
            tags,
        },
        withAws,
    );

    const addons = buildAddons(substrateContext({ cfg, tags, accountId, awsProvider, withAws, keys, network, cluster, iam }, cluster.provider));

    return {
        ...addons,
        environment: cfg.environment,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        dataSubnetIds: network.dataSubnetIds,
        clusterName: cluster.clusterName,
        oidcProviderArn: cluster.oidcProviderArn,
        nodeSecurityGroupId: cluster.nodeSecurityGroupId,
        deployRoleArn: iam.deployRoleArn,
        previewRoleArn: iam.previewRoleArn,
    };
}
