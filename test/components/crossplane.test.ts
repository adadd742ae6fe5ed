import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
    composeClusterRoleManifest,
    composeVerbs,
    crossplaneKindPatterns,
    crossplaneServicePolicies,
    familyProviderName,
    isReadOnlyAction,
    packageRuntimeConfigName,
    platformDatabasePrefix,
    providerRuntimeConfigName,
    providerServiceAccount,
    resourceNamePrefixFor,
    type CrossplaneIamContext,
} from "../../components/crossplane";
import { planSubnets } from "../../components/network";
import { temporalDatabaseIdentifier } from "../../components/temporal";
import { charts, crossplanePackages, providerPackage } from "../../components/versions";
import type { PolicyDocument, PolicyStatement } from "../../components/iam-documents";
import type { ResourceGraph } from "../../offline-engine/graph";
import { transitiveDependencies, waitsFor } from "../helpers/graph";
import { input, ofType, one, stackGraph } from "../helpers/stacks";

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const regionOf = (s: PolicyStatement): unknown => s.Condition?.StringEquals?.["aws:RequestedRegion"];
const tagCondition = (s: PolicyStatement, key: "RequestTag" | "ResourceTag") => s.Condition?.StringLike?.[`aws:${key}/crossplane-kind`];

/**
 * The scoping rules every Crossplane provider policy keeps, whatever the context: no wildcard
 * action, no admin, every regional Allow limited to the region (by condition and ARN), `*` resources
 * only for reads or tag-gated creates, and nothing deleted that Crossplane did not create (tag or name).
 */
function scopingProblems(service: string, doc: PolicyDocument, ctx: CrossplaneIamContext): string[] {
    const problems: string[] = [];
    for (const s of doc.Statement) {
        const where = `${service}/${s.Sid}`;
        const actions = list(s.Action);
        for (const a of actions) {
            if (a.includes("*")) {
                problems.push(`${where}: wildcard action ${a}`);
            }
            if (!a.startsWith(`${service}:`) && !(service === "kms" && a.startsWith("kms:"))) {
                problems.push(`${where}: ${a} is not a ${service} action`);
            }
        }
        if (JSON.stringify(s).includes("AdministratorAccess")) {
            problems.push(`${where}: AdministratorAccess`);
        }
        if (s.Effect !== "Allow") {
            continue;
        }
        const resources = list(s.Resource);
        if (service === "iam") {
            if (resources.some((r) => r.includes("*") || !r.includes(`:${ctx.accountId}:`))) {
                problems.push(`${where}: IAM resources must be named ARNs of the account`);
            }
            continue;
        }
        if (regionOf(s) !== ctx.region) {
            problems.push(`${where}: no aws:RequestedRegion condition`);
        }
        for (const r of resources) {
            if (r !== "*" && !r.includes(`:${ctx.region}:${ctx.accountId}:`) && !(service === "s3" && r === `arn:aws:s3:::${ctx.resourceNamePrefix}-*`)) {
                problems.push(`${where}: resource ${r} is not in the region and account`);
            }
        }
        if (resources.includes("*") && !actions.every(isReadOnlyAction) && !tagCondition(s, "RequestTag")) {
            problems.push(`${where}: writes on "*" without a request-tag condition`);
        }
        const deletes = actions.filter((a) => /:(Delete|Schedule|Remove|Revoke|Untag|Modify|Put|Update|Reset|Reboot)/.test(a));
        const gated = tagCondition(s, "ResourceTag") || tagCondition(s, "RequestTag");
        const byName = resources.every((r) => r.endsWith(`${ctx.resourceNamePrefix}-*`) || r.includes("secret:rds!"));
        const secondary = /^(SecondaryResources|FinalSnapshot|UsersOfTagged|RulesOfSecurityGroups)/.test(s.Sid ?? "");
        if (deletes.length > 0 && !gated && !byName && !secondary) {
            problems.push(`${where}: ${deletes.join(", ")} on resources Crossplane did not create`);
        }
        if (gated) {
            assert.deepEqual(gated, crossplaneKindPatterns, `${where}: tag patterns`);
        }
    }
    return problems;
}

const context = (over: Partial<CrossplaneIamContext> = {}): CrossplaneIamContext => ({
    accountId: "123456789012",
    region: "eu-west-1",
    vpcId: "vpc-0a1b2c3d4e5f60718",
    resourceNamePrefix: "paved-dev",
    dataKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/data",
    platformKeyArns: ["arn:aws:kms:eu-west-1:123456789012:key/data", "arn:aws:kms:eu-west-1:123456789012:key/logs"],
    rdsMonitoringRoleArn: "arn:aws:iam::123456789012:role/paved-dev-rds-enhanced-monitoring",
    ...over,
});

describe("crossplane: provider IAM (pure)", () => {
    it("one policy per provider family member, each scoped to its service and region", () => {
        const docs = crossplaneServicePolicies(context());
        assert.deepEqual(Object.keys(docs).sort(), [...crossplanePackages.providers].sort());
        for (const [service, doc] of Object.entries(docs)) {
            assert.deepEqual(scopingProblems(service, doc, context()), []);
        }
    });

    it("IAM: only passing the monitoring role to RDS monitoring and the data stores' service-linked roles", () => {
        const iam = crossplaneServicePolicies(context()).iam;
        assert.deepEqual(iam.Statement.flatMap((s) => list(s.Action)).sort(), ["iam:CreateServiceLinkedRole", "iam:PassRole"]);
        const pass = iam.Statement.find((s) => list(s.Action).includes("iam:PassRole"))!;
        assert.equal(pass.Resource, context().rdsMonitoringRoleArn);
        assert.deepEqual(pass.Condition, { StringEquals: { "iam:PassedToService": "monitoring.rds.amazonaws.com" } });
    });

    it("the platform's keys and databases are denied even if someone tags them for Crossplane", () => {
        const docs = crossplaneServicePolicies(context());
        const kmsDeny = docs.kms.Statement.find((s) => s.Effect === "Deny")!;
        assert.deepEqual(kmsDeny.Resource, context().platformKeyArns);
        assert.ok(list(kmsDeny.Action).includes("kms:ScheduleKeyDeletion") && list(kmsDeny.Action).includes("kms:PutKeyPolicy"));
        const rdsDeny = docs.rds.Statement.find((s) => s.Effect === "Deny")!;
        assert.equal(rdsDeny.Resource, `arn:aws:rds:eu-west-1:123456789012:db:${platformDatabasePrefix("paved-dev")}*`);
        assert.ok(temporalDatabaseIdentifier("paved-dev").startsWith(platformDatabasePrefix("paved-dev")), "Temporal's database falls under the deny");
        assert.ok(list(rdsDeny.Action).includes("rds:DeleteDBInstance"));
    });

    it("KMS deletion keeps the 30-day window; key policies never bypass the lockout check; security groups only in the platform VPC", () => {
        const { kms, ec2 } = crossplaneServicePolicies(context());
        const schedule = kms.Statement.find((s) => list(s.Action).includes("kms:ScheduleKeyDeletion") && s.Effect === "Allow")!;
        assert.equal(schedule.Condition?.NumericGreaterThanEquals?.["kms:ScheduleKeyDeletionPendingWindowInDays"], "30");
        for (const s of kms.Statement.filter((x) => x.Effect === "Allow" && list(x.Action).some((a) => a === "kms:PutKeyPolicy" || a === "kms:CreateKey"))) {
            assert.equal(s.Condition?.Bool?.["kms:BypassPolicyLockoutSafetyCheck"], "false");
        }
        const vpc = ec2.Statement.find((s) => s.Sid === "CreateSecurityGroupsInThePlatformVpc")!;
        assert.equal(vpc.Resource, "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a1b2c3d4e5f60718");
    });

    it("property: for any account, region, VPC and cluster name the scoping rules hold", () => {
        const regions = fc.constantFrom("eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2");
        fc.assert(
            fc.property(
                fc.stringMatching(/^\d{12}$/),
                regions,
                fc.stringMatching(/^vpc-[0-9a-f]{17}$/),
                fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,60}$/),
                (accountId, region, vpcId, clusterName) => {
                    const prefix = resourceNamePrefixFor(clusterName);
                    assert.match(prefix, /^[a-z][a-z0-9-]{0,23}$/);
                    assert.doesNotMatch(prefix, /--|-$/);
                    const ctx = context({ accountId, region, vpcId, resourceNamePrefix: prefix, dataKeyArn: `arn:aws:kms:${region}:${accountId}:key/d`, platformKeyArns: [`arn:aws:kms:${region}:${accountId}:key/d`], rdsMonitoringRoleArn: `arn:aws:iam::${accountId}:role/${prefix}-rds-enhanced-monitoring` });
                    for (const [service, doc] of Object.entries(crossplaneServicePolicies(ctx))) {
                        assert.deepEqual(scopingProblems(service, doc, ctx), []);
                    }
                },
            ),
            { numRuns: 60 },
        );
    });
});

describe("crossplane component", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    const release = (g: ResourceGraph) => one(g, "kubernetes:helm.sh/v3:Release", "crossplane");
    const providers = (g: ResourceGraph) => ofType(g, "kubernetes:pkg.crossplane.io/v1:Provider");
    const functions = (g: ResourceGraph) => ofType(g, "kubernetes:pkg.crossplane.io/v1:Function");

    it("the provider role carries the boundary and one inline policy per service; nothing attached, no admin", () => {
        for (const g of [dev, prod]) {
            const role = one(g, "aws:iam/role:Role", "crossplane-providers");
            assert.equal(role.propertyDependencies.permissionsBoundary?.[0], one(g, "aws:iam/policy:Policy", "iam-boundary").urn);
            const inline = ofType(g, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.parent === one(g, "paved:pod-identity:PodIdentityRole", "crossplane-providers").urn);
            assert.deepEqual(inline.map((p) => input(p, "name")).sort(), [...crossplanePackages.providers].sort());
            assert.equal(ofType(g, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.propertyDependencies.role?.includes(role.urn)).length, 0);
            const ctx = context({ region: "eu-west-1", resourceNamePrefix: g.stack === "dev" ? "paved-dev" : "paved-prod" });
            for (const p of inline) {
                const doc = JSON.parse(input<string>(p, "policy")) as PolicyDocument;
                assert.deepEqual(scopingProblems(input(p, "name"), doc, { ...ctx, vpcId: "any" }), []);
            }
        }
    });

    it("Pod Identity associates the role with the fixed provider service account in crossplane-system", () => {
        const association = one(dev, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "crossplane-providers");
        assert.equal(input(association, "namespace"), "crossplane-system");
        assert.equal(input(association, "serviceAccount"), providerServiceAccount);
        const runtime = one(dev, "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig", "crossplane-provider-runtime");
        assert.equal(input(runtime, "spec.serviceAccountTemplate.metadata.name"), providerServiceAccount);
        const pod = input<any>(runtime, "spec.deploymentTemplate.spec.template.spec");
        assert.equal(pod.securityContext.runAsNonRoot, true);
        assert.deepEqual(pod.containers[0].securityContext.capabilities, { drop: ["ALL"] });
        assert.equal(pod.containers[0].securityContext.allowPrivilegeEscalation, false);
        assert.ok(pod.containers[0].resources.requests.memory && pod.containers[0].resources.limits.memory);
    });

    it("providers and functions are the packages pinned in versions.ts, each with the runtime config", () => {
        const members = providers(dev).filter((p) => input(p, "metadata.name") !== familyProviderName);
        assert.deepEqual(members.map((p) => input(p, "spec.package")).sort(), crossplanePackages.providers.map(providerPackage).sort());
        for (const p of members) {
            assert.equal(input(p, "spec.runtimeConfigRef.name"), providerRuntimeConfigName);
            assert.equal(input(p, "spec.revisionActivationPolicy"), "Automatic");
        }
        // The family at the members' version, with the runtime config that has no AWS credentials, before every member.
        const family = one(dev, "kubernetes:pkg.crossplane.io/v1:Provider", "crossplane-provider-family");
        assert.equal(input(family, "spec.package"), `${crossplanePackages.providerRegistry}/provider-family-aws:${crossplanePackages.providerVersion}`);
        assert.equal(input(family, "spec.runtimeConfigRef.name"), packageRuntimeConfigName);
        for (const p of members) {
            assert.ok(waitsFor(dev, p, family), `${p.name} after the family`);
        }
        assert.deepEqual(
            functions(dev).map((f) => [input(f, "metadata.name"), input(f, "spec.package")]).sort(),
            Object.values(crossplanePackages.functions).map((f) => [f.name, f.package]).sort(),
        );
        assert.equal(input(release(dev), "version"), charts.crossplane.version);
    });

    it("the ProviderConfig `default` authenticates with Pod Identity", () => {
        const pc = one(dev, "kubernetes:aws.upbound.io/v1beta1:ProviderConfig");
        assert.equal(input(pc, "metadata.name"), "default");
        assert.deepEqual(input(pc, "spec.credentials"), { source: "PodIdentity" });
    });

    it("platform-aws-defaults holds the substrate's outputs: subnet plan CIDRs, data key, node security group", () => {
        for (const g of [dev, prod]) {
            const env = one(g, "kubernetes:apiextensions.crossplane.io/v1beta1:EnvironmentConfig");
            const data = input<any>(env, "data");
            const network = JSON.parse(g.config["paved:network"]);
            const plan = planSubnets(network.cidr, network.availabilityZoneCount);
            assert.equal(input(env, "metadata.name"), "platform-aws-defaults");
            assert.deepEqual(data.aws.privateSubnetCidrs, plan.private);
            assert.deepEqual(data.aws.dataSubnetCidrs, plan.data);
            assert.equal(data.aws.vpcCidr, network.cidr);
            assert.deepEqual(data.aws.dataSubnetIds, g.stackOutputs.dataSubnetIds);
            assert.deepEqual(data.aws.privateSubnetIds, g.stackOutputs.privateSubnetIds);
            assert.equal(data.aws.vpcId, g.stackOutputs.vpcId);
            assert.equal(data.aws.nodeSecurityGroupId, g.stackOutputs.nodeSecurityGroupId);
            assert.match(data.aws.dataKmsKeyArn, /^arn:aws:kms:eu-west-1:123456789012:key\//);
            assert.ok(env.dependencies.includes(one(g, "aws:kms/key:Key", "keys-data").urn), "the data key's ARN");
            assert.equal(data.aws.region, "eu-west-1");
            assert.equal(data.aws.accountId, "123456789012");
            assert.equal(data.aws.resourceNamePrefix, `paved-${g.stack}`);
            assert.equal(data.platform.environment, g.stack);
            assert.equal(data.platform.secretStore, "aws-secretsmanager");
            assert.deepEqual(data.platform.temporal, { clusterName: "temporal", namespace: "temporal-system", frontendPort: 7233 });
            assert.deepEqual(data.tags, { Environment: g.stack, CostCenter: "CC-4100-PLATFORM" });
            assert.deepEqual(data.platform.defaults, { Owner: "platform-team", App: "paved" });
        }
    });

    it("CRD ordering: packages, runtime configs and the EnvironmentConfig after the chart; ProviderConfig after every provider; the chart after its namespace policies", () => {
        const chart = release(dev);
        const afterChart = [
            ...providers(dev),
            ...functions(dev),
            ...ofType(dev, "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig"),
            one(dev, "kubernetes:apiextensions.crossplane.io/v1beta1:EnvironmentConfig"),
        ];
        for (const r of afterChart) {
            assert.ok(waitsFor(dev, r, chart), `${r.name} waits for the chart`);
        }
        const pc = one(dev, "kubernetes:aws.upbound.io/v1beta1:ProviderConfig");
        for (const p of providers(dev)) {
            assert.ok(waitsFor(dev, pc, p), `ProviderConfig waits for ${p.name}`);
            assert.equal(JSON.parse(input<any>(p, "metadata.annotations")["pulumi.com/waitFor"]).join(","), "condition=Installed,condition=Healthy");
            const family = input(p, "metadata.name") === familyProviderName;
            const runtime = family ? "crossplane-package-runtime" : "crossplane-provider-runtime";
            assert.ok(waitsFor(dev, p, one(dev, "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig", runtime)), `${p.name} after ${runtime}`);
            if (!family) {
                assert.ok(waitsFor(dev, p, one(dev, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "crossplane-providers")), "credentials exist before provider pods start");
            }
        }
        for (const f of functions(dev)) {
            assert.ok(waitsFor(dev, f, one(dev, "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig", "crossplane-package-runtime")));
        }
        const fences = ofType(dev, "kubernetes:networking.k8s.io/v1:NetworkPolicy").filter((p) => input(p, "metadata.namespace") === "crossplane-system");
        assert.ok(fences.some((p) => input(p, "metadata.name") === "default-deny"));
        for (const p of [...fences, one(dev, "kubernetes:core/v1:Namespace", "crossplane-system")]) {
            assert.ok(transitiveDependencies(dev, chart.urn).has(p.urn), `chart waits for ${p.name}`);
        }
        const webhooks = fences.find((p) => input(p, "metadata.name") === "allow-webhooks-from-control-plane")!;
        assert.deepEqual(input<any[]>(webhooks, "spec.ingress")[0].ports, [{ protocol: "TCP", port: 9443 }]);
        assert.ok(fences.some((p) => input(p, "metadata.name") === "allow-internet-https"), "package pulls and AWS APIs without endpoints");
    });

    it("high availability follows config: 2 replicas of core, RBAC manager and providers in prod, 1 in dev", () => {
        assert.equal(input(release(prod), "values.replicas"), 2);
        assert.equal(input(release(prod), "values.rbacManager.replicas"), 2);
        assert.equal(input(release(dev), "values.replicas"), 1);
        const runtime = (g: ResourceGraph) => one(g, "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig", "crossplane-provider-runtime");
        assert.equal(input(runtime(prod), "spec.deploymentTemplate.spec.replicas"), 2);
        assert.equal(input(runtime(dev), "spec.deploymentTemplate.spec.replicas"), 1);
    });

    it("the compose ClusterRole aggregates to Crossplane with the least verbs on the composed kinds only", () => {
        const role = one(dev, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "crossplane-compose-claim-namespace-resources");
        assert.equal(input(role, "metadata.labels")["rbac.crossplane.io/aggregate-to-crossplane"], "true");
        const rules = input<{ apiGroups: string[]; resources: string[]; verbs: string[] }[]>(role, "rules");
        assert.deepEqual(rules, composeClusterRoleManifest().rules);
        for (const r of rules) {
            assert.deepEqual(r.verbs, composeVerbs);
            assert.ok(![...r.apiGroups, ...r.resources, ...r.verbs].includes("*"));
            assert.ok(!r.verbs.some((v) => ["escalate", "bind", "impersonate", "deletecollection"].includes(v)));
        }
        assert.ok(rules.some((r) => r.apiGroups[0] === "external-secrets.io" && r.resources[0] === "externalsecrets"));
        assert.ok(rules.some((r) => r.apiGroups[0] === "networking.k8s.io" && r.resources[0] === "networkpolicies"));
        assert.ok(!rules.some((r) => r.resources.includes("secrets")), "no Secrets");
    });
});
