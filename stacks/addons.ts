import { Karpenter, karpenterMetricsPort } from "../components/karpenter";
import * as pulumi from "@pulumi/pulumi";
import { policiesForProgram } from "../admission-policies";
import { Admission, kyvernoMetricsPort, kyvernoNamespace, kyvernoWebhookPort } from "../components/admission";
import { AdmissionPolicies } from "../components/admission-policies";
import { CertManager, certManagerNamespace, certManagerWebhookPort } from "../components/cert-manager";
import { PlatformCatalog } from "../components/catalog";
import { Crossplane, crossplaneNamespace, crossplaneWebhookPort, resourceNamePrefixFor } from "../components/crossplane";
import { Temporal, temporalClusterName, temporalFrontendPort, temporalMetricsPort, temporalNamespace, temporalOperatorWebhookPort } from "../components/temporal";
import { argoCdMetricsPorts, argoCdNamespace, GitOps } from "../components/gitops";
import { monitoringNamespace, nodeScrapePorts, Observability, otlpReceiverPorts } from "../components/observability";
import { ExternalSecrets, externalSecretsMetricsPort, externalSecretsNamespace, externalSecretsWebhookPort } from "../components/secrets";
import { Tenants } from "../components/tenants";
import type { SubstrateContext } from "./substrate-context";

/**
 * The substrate's add-ons, in install order. Each is a component in components/<add-on>/,
 * configured from `Pulumi.<stack>.yaml` and installed into its own default-deny namespace.
 */
export function buildAddons(ctx: SubstrateContext) {
    // Karpenter first: it runs on the system node group and launches the nodes the other add-ons' workloads may need.
    const karpenter = buildKarpenter(ctx);
    // External Secrets before everything that reads a secret: Argo CD (SSO client, repository token) and the collectors (endpoint credentials).
    const secrets = buildExternalSecrets(ctx);
    // The onboarded tenants' namespaces (paved:tenants) before Argo CD, whose tenants project deploys only to them,
    // and before the admission policies, which let claims inherit their labels.
    const tenants = new Tenants("tenants", { tenants: ctx.cfg.tenants, environment: ctx.cfg.environment, protect: ctx.cfg.protectStatefulResources }, ctx.withK8s);
    const gitops = buildGitOps(ctx, secrets, tenants);
    const observability = buildObservability(ctx, secrets);
    // The Kyverno engine; the admission policies come later and depend on admission.policiesReady.
    const admission = buildAdmission(ctx);
    // Crossplane after External Secrets: its XRs compose ExternalSecrets that read through the store.
    const crossplane = buildCrossplane(ctx, secrets);
    // Temporal after Crossplane (enhanced-monitoring role; the EnvironmentConfig points claims at it) and External Secrets (database password).
    const temporal = ctx.cfg.temporal.enabled ? buildTemporal(ctx, secrets, crossplane) : undefined;
    // The catalog after Crossplane: XRDs wait for its chart; Compositions for its functions, providers, ProviderConfig, EnvironmentConfig and compose RBAC.
    const catalog = new PlatformCatalog("catalog", { xrdDependsOn: crossplane.xrdDependsOn, compositionDependsOn: crossplane.compositionDependsOn }, ctx.withK8s);
    // The claims' admission policies and the tenant namespaces' default-deny: after Kyverno (their CRDs and webhook) and the XRDs (the claim kinds they match).
    const admissionPolicies = buildAdmissionPolicies(ctx, admission, catalog);
    return {
        crossplaneProviderRoleArn: crossplane.roleArn,
        environmentConfig: crossplane.environmentConfigName,
        catalogCompositions: Object.keys(catalog.compositions),
        ...(temporal ? { temporal: { clusterName: temporal.clusterName, namespace: temporal.clusterNamespace, frontendAddress: temporal.frontendAddress, databaseEndpoint: temporal.database.endpoint } } : {}),
        secretStore: secrets.storeName,
        externalSecretsRoleArn: secrets.roleArn,
        argoCdUrl: gitops.url,
        tenantNamespaces: tenants.namespaces,
        kyvernoRelease: admission.release.name,
        admissionPolicies: admissionPolicies.policyNames,
        telemetryEndpoint: observability.endpoint,
        karpenterInterruptionQueue: karpenter.interruptionQueueName,
        karpenterNodeRoleArn: karpenter.nodeRoleArn,
    };
}

function buildKarpenter(ctx: SubstrateContext): Karpenter {
    // HTTPS out for the Price List API, IAM (instance profiles) and EKS, none of which has a VPC endpoint here.
    const namespace = ctx.platformNamespace("karpenter", { podSecurity: "restricted", internetHttps: true, podIdentity: true, ingressFromNamespaces: scrapedBy("karpenter") });
    return new Karpenter(
        "karpenter",
        {
            clusterName: ctx.cfg.cluster.name,
            cluster: { name: ctx.cluster.clusterName, arn: ctx.cluster.clusterArn, podIdentityAgent: ctx.cluster.podIdentityAgent },
            accountId: ctx.accountId,
            region: ctx.cfg.region,
            namespace,
            highAvailability: ctx.cfg.highAvailability,
            controller: ctx.cfg.karpenter.controller,
            nodeClass: ctx.cfg.karpenter.nodeClass,
            nodePools: ctx.cfg.karpenter.nodePools,
            permissionsBoundaryArn: ctx.iam.permissionsBoundaryArn,
            volumesKeyArn: ctx.keys.volumes.arn,
            tags: ctx.tags,
        },
        { providers: { aws: ctx.awsProvider, kubernetes: ctx.cluster.provider } },
    );
}

/** Metrics ports of the platform controllers, by namespace: the collectors may scrape them, and only them. */
const scrapeTargets = [
    { namespace: "karpenter", ports: [karpenterMetricsPort] },
    { namespace: externalSecretsNamespace, ports: [externalSecretsMetricsPort] },
    { namespace: argoCdNamespace, ports: Object.values(argoCdMetricsPorts) },
    { namespace: kyvernoNamespace, ports: [kyvernoMetricsPort] },
    { namespace: crossplaneNamespace, ports: [8080] },
    { namespace: temporalNamespace, ports: [temporalMetricsPort] },
];
const scrapedBy = (namespace: string) => [{ namespace: monitoringNamespace, ports: scrapeTargets.find((t) => t.namespace === namespace)!.ports }];

function buildExternalSecrets(ctx: SubstrateContext): ExternalSecrets {
    // Secrets Manager, STS and the Pod Identity agent only: all through VPC endpoints or the node; no internet.
    const namespace = ctx.platformNamespace(externalSecretsNamespace, {
        podSecurity: "restricted",
        podIdentity: true,
        webhookPorts: [externalSecretsWebhookPort],
        ingressFromNamespaces: scrapedBy(externalSecretsNamespace),
    });
    return new ExternalSecrets(
        "external-secrets",
        {
            cluster: { name: ctx.cluster.clusterName, arn: ctx.cluster.clusterArn, podIdentityAgent: ctx.cluster.podIdentityAgent },
            accountId: ctx.accountId,
            region: ctx.cfg.region,
            namespace,
            prefixes: ctx.cfg.secrets.prefixes,
            refreshInterval: ctx.cfg.secrets.refreshInterval,
            dataKeyArn: ctx.keys.data.arn,
            highAvailability: ctx.cfg.highAvailability,
            permissionsBoundaryArn: ctx.iam.permissionsBoundaryArn,
            tags: ctx.tags,
        },
        { providers: { aws: ctx.awsProvider, kubernetes: ctx.cluster.provider } },
    );
}

function buildGitOps(ctx: SubstrateContext, secrets: ExternalSecrets, tenants: Tenants): GitOps {
    // HTTPS out to the Git host and the IdP's OIDC endpoints.
    const namespace = ctx.platformNamespace(argoCdNamespace, { podSecurity: "restricted", internetHttps: true, ingressFromNamespaces: scrapedBy(argoCdNamespace) });
    const { gitops } = ctx.cfg;
    return new GitOps(
        "gitops",
        {
            namespace,
            secrets,
            highAvailability: ctx.cfg.highAvailability,
            domain: gitops.domain,
            repository: gitops.repository,
            tenants: { namespaces: tenants.namespaces, ready: tenants.ready },
            sso: gitops.sso,
            rbac: gitops.rbac,
        },
        ctx.withK8s,
    );
}

function buildObservability(ctx: SubstrateContext, secrets: ExternalSecrets): Observability {
    // Privileged: the log collector mounts /var/log and the journal from the host, node-exporter uses the host's
    // network and PID namespaces; baseline forbids hostPath and host namespaces. HTTPS out to the OTLP endpoint,
    // the kubelet and node-exporter on the nodes, the controllers' metrics ports, OTLP in from any workload.
    const namespace = ctx.platformNamespace(monitoringNamespace, {
        podSecurity: "privileged",
        internetHttps: true,
        nodePorts: nodeScrapePorts,
        egressToNamespaces: scrapeTargets,
        ingressFromClusterPorts: Object.values(otlpReceiverPorts),
    });
    return new Observability(
        "observability",
        {
            namespace,
            secrets,
            clusterName: ctx.cfg.cluster.name,
            highAvailability: ctx.cfg.highAvailability,
            endpoint: ctx.cfg.observability.endpoint,
            credentials: ctx.cfg.observability.credentials,
        },
        ctx.withK8s,
    );
}

function buildAdmission(ctx: SubstrateContext): Admission {
    // Webhooks called by the control plane; nothing outbound beyond the API server.
    const namespace = ctx.platformNamespace(kyvernoNamespace, {
        podSecurity: "restricted",
        webhookPorts: [kyvernoWebhookPort],
        ingressFromNamespaces: scrapedBy(kyvernoNamespace),
    });
    return new Admission("admission", { namespace, highAvailability: ctx.cfg.highAvailability }, ctx.withK8s);
}

function buildAdmissionPolicies(ctx: SubstrateContext, admission: Admission, catalog: PlatformCatalog): AdmissionPolicies {
    // Generated from paved:admission and the catalog's XRDs (admission-policies/); committed under admission-policies/<stack>/.
    const policies = policiesForProgram(pulumi.getStack(), ctx.cfg);
    return new AdmissionPolicies(
        "admission-policies",
        { policies, kyvernoReady: admission.policiesReady, claimKindsReady: Object.values(catalog.xrds) },
        ctx.withK8s,
    );
}

function buildCrossplane(ctx: SubstrateContext, secrets: ExternalSecrets): Crossplane {
    // HTTPS out for package pulls and the AWS APIs without a VPC endpoint here (RDS, ElastiCache, KMS, S3 control, IAM);
    // webhooks of the core and of every provider called by the control plane; the Pod Identity agent for credentials.
    const namespace = ctx.platformNamespace(crossplaneNamespace, {
        podSecurity: "restricted",
        internetHttps: true,
        podIdentity: true,
        webhookPorts: [crossplaneWebhookPort],
        ingressFromNamespaces: scrapedBy(crossplaneNamespace),
    });
    const { cfg, network } = ctx;
    return new Crossplane(
        "crossplane",
        {
            namespace,
            cluster: { name: ctx.cluster.clusterName, arn: ctx.cluster.clusterArn, podIdentityAgent: ctx.cluster.podIdentityAgent },
            accountId: ctx.accountId,
            region: cfg.region,
            highAvailability: cfg.highAvailability,
            resourceNamePrefix: resourceNamePrefixFor(cfg.cluster.name),
            keys: { data: ctx.keys.data.arn, platform: [ctx.keys.data.arn, ctx.keys.logs.arn, ctx.keys.kubernetesSecrets.arn, ctx.keys.volumes.arn] },
            permissionsBoundaryArn: ctx.iam.permissionsBoundaryArn,
            environment: {
                vpcId: network.vpcId,
                vpcCidr: network.vpcCidr,
                privateSubnetIds: network.privateSubnetIds,
                privateSubnetCidrs: network.subnetPlan.private,
                dataSubnetIds: network.dataSubnetIds,
                dataSubnetCidrs: network.subnetPlan.data,
                nodeSecurityGroupId: ctx.cluster.nodeSecurityGroupId,
                clusterName: cfg.cluster.name,
                environment: cfg.environment,
                secretStore: secrets.storeName,
                ...(cfg.temporal.enabled ? { temporal: { clusterName: temporalClusterName, namespace: temporalNamespace, frontendPort: temporalFrontendPort } } : {}),
                tags: { Environment: ctx.tags.Environment, CostCenter: ctx.tags.CostCenter },
                defaults: { Owner: ctx.tags.Owner, App: ctx.tags.App },
            },
            tags: ctx.tags,
        },
        { providers: { aws: ctx.awsProvider, kubernetes: ctx.cluster.provider } },
    );
}

function buildTemporal(ctx: SubstrateContext, secrets: ExternalSecrets, crossplane: Crossplane): Temporal {
    // In-cluster certificates only (no ACME): nothing outbound beyond the API server.
    const certNamespace = ctx.platformNamespace(certManagerNamespace, { podSecurity: "restricted", webhookPorts: [certManagerWebhookPort] });
    const certManager = new CertManager("cert-manager", { namespace: certNamespace, highAvailability: ctx.cfg.highAvailability }, ctx.withK8s);
    // Baseline: the operator's Temporal pods do not set the restricted security context. The frontend is
    // opened to the cluster by the component (frontend pods only); the database egress likewise.
    const namespace = ctx.platformNamespace(temporalNamespace, {
        podSecurity: "baseline",
        webhookPorts: [temporalOperatorWebhookPort],
        ingressFromNamespaces: scrapedBy(temporalNamespace),
    });
    const { cfg, network } = ctx;
    return new Temporal(
        "temporal",
        {
            namespace,
            highAvailability: cfg.highAvailability,
            numHistoryShards: cfg.temporal.numHistoryShards,
            database: cfg.temporal.database,
            resourceNamePrefix: resourceNamePrefixFor(cfg.cluster.name),
            vpcId: network.vpcId,
            dataSubnetIds: network.dataSubnetIds,
            dataSubnetCidrs: network.subnetPlan.data,
            nodeSecurityGroupId: ctx.cluster.nodeSecurityGroupId,
            dataKeyArn: ctx.keys.data.arn,
            logsKeyArn: ctx.keys.logs.arn,
            rdsMonitoringRoleArn: crossplane.rdsMonitoringRoleArn,
            secrets: { storeName: secrets.storeName, refreshInterval: cfg.secrets.refreshInterval, ready: secrets.ready, controllerRoleArn: secrets.roleArn },
            certManager: certManager.release,
            region: cfg.region,
            protect: cfg.protectStatefulResources,
            tags: ctx.tags,
        },
        { providers: { aws: ctx.awsProvider, kubernetes: ctx.cluster.provider } },
    );
}
