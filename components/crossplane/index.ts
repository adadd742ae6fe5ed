import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { managedPolicyArn, serviceTrustPolicy } from "../iam-documents";
import { pinnedRelease } from "../kubernetes/helm-release";
import type { PlatformNamespace } from "../network-policies";
import { PodIdentityRole } from "../pod-identity";
import { charts, crossplanePackages } from "../versions";
import { environmentConfigManifest, environmentConfigName, type PlatformEnvironment } from "./environment-config";
import { crossplaneServicePolicies, type CrossplaneIamContext, type CrossplaneService } from "./iam";
import {
    composeClusterRoleManifest,
    crossplaneNamespace,
    deploymentRuntimeConfigManifest,
    functionManifest,
    familyProviderManifest,
    packageRuntimeConfigName,
    providerConfigManifest,
    providerConfigName,
    providerManifest,
    providerRuntimeConfigName,
    providerServiceAccount,
    type FunctionKey,
} from "./manifests";
import { crossplaneValues, functionResources, providerResources } from "./values";

export * from "./environment-config";
export * from "./iam";
export * from "./manifests";
export * from "./values";

export interface CrossplaneArgs {
    /** `crossplane-system`, from `ctx.platformNamespace` (webhook ingress, internet HTTPS, Pod Identity agent). */
    namespace: PlatformNamespace;
    cluster: { name: pulumi.Input<string>; arn: pulumi.Input<string>; podIdentityAgent: pulumi.Resource };
    accountId: pulumi.Input<string>;
    region: string;
    highAvailability: boolean;
    /** S3 buckets, SQS queues and KMS aliases the catalog composes are named `<resourceNamePrefix>-...`. */
    resourceNamePrefix: string;
    /** KMS keys the platform owns: the providers may use the data key through data services, and change none. */
    keys: { data: pulumi.Input<string>; platform: pulumi.Input<string>[] };
    permissionsBoundaryArn: pulumi.Input<string>;
    /** What the EnvironmentConfig `platform-aws-defaults` tells every Composition (the rest is filled here). */
    environment: {
        vpcId: pulumi.Input<string>;
        vpcCidr: string;
        privateSubnetIds: pulumi.Input<string[]>;
        privateSubnetCidrs: string[];
        dataSubnetIds: pulumi.Input<string[]>;
        dataSubnetCidrs: string[];
        nodeSecurityGroupId: pulumi.Input<string>;
        clusterName: string;
        environment: string;
        secretStore: string;
        temporal?: PlatformEnvironment["platform"]["temporal"];
        tags: PlatformEnvironment["tags"];
        defaults: PlatformEnvironment["platform"]["defaults"];
    };
    tags: Record<string, string>;
}

/**
 * Crossplane v2 with the provider-upjet-aws family members the catalog composes, authenticated by
 * EKS Pod Identity (one role, one inline policy per service, under the platform boundary), the
 * composition functions the catalog's pipelines name, and the EnvironmentConfig they read.
 *
 * Install order, so a first `pulumi up` succeeds: namespace policies → chart (serves the
 * pkg/apiextensions CRDs) → runtime configs → packages (Pulumi waits until they are Healthy, i.e.
 * their CRDs exist) → ProviderConfig. The Pod Identity association exists before any provider pod
 * starts (EKS injects credentials at pod creation only).
 */
export class Crossplane extends pulumi.ComponentResource {
    public readonly namespace: string = crossplaneNamespace;
    public readonly release: k8s.helm.v3.Release;
    public readonly providers: Record<CrossplaneService, k8s.apiextensions.CustomResource>;
    /** provider-family-aws: serves the ProviderConfig CRD. */
    public readonly familyProvider: k8s.apiextensions.CustomResource;
    public readonly functions: Record<FunctionKey, k8s.apiextensions.CustomResource>;
    public readonly providerConfig: k8s.apiextensions.CustomResource;
    public readonly environmentConfig: k8s.apiextensions.CustomResource;
    public readonly roleArn: pulumi.Output<string>;
    public readonly rdsMonitoringRoleArn: pulumi.Output<string>;
    /** Name of the EnvironmentConfig every Composition reads. */
    public readonly environmentConfigName = environmentConfigName;
    public readonly providerConfigName = providerConfigName;
    /** What the catalog's XRDs wait for: the chart that serves `apiextensions.crossplane.io`. */
    public readonly xrdDependsOn: pulumi.Resource[];
    /** What the catalog's Compositions wait for: functions, providers (the kinds they compose), ProviderConfig, EnvironmentConfig, RBAC. */
    public readonly compositionDependsOn: pulumi.Resource[];

    constructor(name: string, args: CrossplaneArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:crossplane:Crossplane", name, {}, opts);
        const child = { parent: this };

        const monitoringRoleName = `${args.resourceNamePrefix}-rds-enhanced-monitoring`;
        const monitoringRole = new aws.iam.Role(
            `${name}-rds-monitoring`,
            {
                name: monitoringRoleName,
                description: "RDS enhanced monitoring: publishes OS metrics of platform and catalog databases to CloudWatch",
                assumeRolePolicy: pulumi.output(args.accountId).apply((accountId) => JSON.stringify(serviceTrustPolicy("monitoring.rds.amazonaws.com", { sourceAccount: accountId }))),
                permissionsBoundary: args.permissionsBoundaryArn,
                tags: args.tags,
            },
            child,
        );
        new aws.iam.RolePolicyAttachment(`${name}-rds-monitoring`, { role: monitoringRole.name, policyArn: managedPolicyArn(args.region, "service-role/AmazonRDSEnhancedMonitoringRole") }, child);
        this.rdsMonitoringRoleArn = monitoringRole.arn;

        const iamContext: pulumi.Output<CrossplaneIamContext> = pulumi
            .all([args.accountId, args.environment.vpcId, args.keys.data, pulumi.all(args.keys.platform), monitoringRole.arn])
            .apply(([accountId, vpcId, dataKeyArn, platformKeyArns, rdsMonitoringRoleArn]) => ({
                accountId,
                region: args.region,
                vpcId,
                resourceNamePrefix: args.resourceNamePrefix,
                dataKeyArn,
                platformKeyArns,
                rdsMonitoringRoleArn,
            }));
        const documents = iamContext.apply(crossplaneServicePolicies);
        const role = new PodIdentityRole(
            `${name}-providers`,
            {
                clusterName: args.cluster.name,
                clusterArn: args.cluster.arn,
                accountId: args.accountId,
                namespace: crossplaneNamespace,
                serviceAccount: providerServiceAccount,
                policies: Object.fromEntries(crossplanePackages.providers.map((service) => [service, documents.apply((d) => d[service])])),
                permissionsBoundaryArn: args.permissionsBoundaryArn,
                description: "Crossplane AWS providers: what the catalog's Compositions create, per service, in this region",
                tags: args.tags,
                podIdentityAgent: args.cluster.podIdentityAgent,
            },
            child,
        );
        this.roleArn = role.roleArn;

        this.release = pinnedRelease("crossplane", charts.crossplane, { namespace: args.namespace.name, values: crossplaneValues({ highAvailability: args.highAvailability }) }, {
            ...child,
            dependsOn: args.namespace.ready,
        });
        const afterChart = { ...child, dependsOn: [this.release] };

        const replicas = args.highAvailability ? 2 : 1;
        const providerRuntime = customResource(
            `${name}-provider-runtime`,
            deploymentRuntimeConfigManifest({
                name: providerRuntimeConfigName,
                replicas,
                resources: providerResources,
                serviceAccountName: providerServiceAccount,
                args: ["--leader-election"],
            }),
            afterChart,
        );
        const packageRuntime = customResource(
            `${name}-package-runtime`,
            deploymentRuntimeConfigManifest({ name: packageRuntimeConfigName, replicas, resources: functionResources }),
            afterChart,
        );
        // Before the members, so dependency resolution finds it installed (with the hardened runtime) instead of installing it.
        this.familyProvider = customResource(`${name}-provider-family`, familyProviderManifest(), { ...child, dependsOn: [this.release, packageRuntime] });

        this.providers = Object.fromEntries(
            crossplanePackages.providers.map((service) => [
                service,
                customResource(`${name}-provider-${service}`, providerManifest(service), { ...child, dependsOn: [this.release, providerRuntime, role, this.familyProvider] }),
            ]),
        ) as Record<CrossplaneService, k8s.apiextensions.CustomResource>;
        this.functions = Object.fromEntries(
            (Object.keys(crossplanePackages.functions) as FunctionKey[]).map((key) => [
                key,
                customResource(`${name}-function-${key}`, functionManifest(key), { ...child, dependsOn: [this.release, packageRuntime] }),
            ]),
        ) as Record<FunctionKey, k8s.apiextensions.CustomResource>;

        // aws.upbound.io ProviderConfig is served by the family provider every member depends on.
        this.providerConfig = customResource(`${name}-provider-config`, providerConfigManifest(), { ...child, dependsOn: [this.familyProvider, ...Object.values(this.providers)] });

        const environment: pulumi.Output<PlatformEnvironment> = pulumi
            .all([args.accountId, args.environment.vpcId, args.environment.privateSubnetIds, args.environment.dataSubnetIds, args.environment.nodeSecurityGroupId, args.keys.data, monitoringRole.arn])
            .apply(([accountId, vpcId, privateSubnetIds, dataSubnetIds, nodeSecurityGroupId, dataKmsKeyArn, rdsMonitoringRoleArn]) => {
                const e = args.environment;
                return {
                    aws: {
                        region: args.region,
                        accountId,
                        vpcId,
                        vpcCidr: e.vpcCidr,
                        privateSubnetIds,
                        privateSubnetCidrs: [...e.privateSubnetCidrs],
                        dataSubnetIds,
                        dataSubnetCidrs: [...e.dataSubnetCidrs],
                        nodeSecurityGroupId,
                        dataKmsKeyArn,
                        resourceNamePrefix: args.resourceNamePrefix,
                        rdsMonitoringRoleArn,
                    },
                    platform: {
                        environment: e.environment,
                        clusterName: e.clusterName,
                        secretStore: e.secretStore,
                        ...(e.temporal ? { temporal: { ...e.temporal } } : {}),
                        defaults: { ...e.defaults },
                    },
                    tags: { ...e.tags },
                };
            });
        const environmentManifest = environment.apply(environmentConfigManifest);
        this.environmentConfig = new k8s.apiextensions.CustomResource(
            `${name}-environment`,
            { apiVersion: "apiextensions.crossplane.io/v1beta1", kind: "EnvironmentConfig", metadata: environmentManifest.metadata, data: environmentManifest.data },
            afterChart,
        );

        const composeRole = new k8s.rbac.v1.ClusterRole(`${name}-compose-claim-namespace-resources`, composeClusterRoleManifest(), child);

        this.xrdDependsOn = [this.release];
        this.compositionDependsOn = [this.release, ...Object.values(this.functions), this.familyProvider, ...Object.values(this.providers), this.providerConfig, this.environmentConfig, composeRole];

        this.registerOutputs({
            roleArn: this.roleArn,
            rdsMonitoringRoleArn: this.rdsMonitoringRoleArn,
            environmentConfigName,
            providerConfigName,
        });
    }
}

/** A custom resource from a manifest object: its apiVersion and kind pick the type, the rest are the inputs. */
function customResource(name: string, manifest: { apiVersion: string; kind: string; [field: string]: unknown }, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    const { apiVersion, kind, ...rest } = manifest;
    return new k8s.apiextensions.CustomResource(name, { apiVersion, kind, ...(rest as Record<string, pulumi.Input<unknown>>) }, opts);
}
