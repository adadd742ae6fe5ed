import fc from "fast-check";
import { formatCidr } from "../../components/network/cidr";
import { supportedKubernetesVersions } from "../../components/versions";
import { cloudWatchRetentionDays, gitopsRoles } from "../../stacks/config";
import { reservedNamespaces } from "../../stacks/config/addon-rules";
import { loadCatalog, type CatalogApi } from "../../catalog";
import { xrdParameters } from "../../admission-policies/xrd-parameters";

/** A stack config as `Pulumi.<stack>.yaml` holds it (object form) and as the runtime receives it (flat). */
export interface GeneratedConfig {
    region: string;
    values: Record<string, unknown>;
    flat: Record<string, string>;
}

const retention = fc.constantFrom(...cloudWatchRetentionDays.filter((d) => d >= 90));
const accountId = fc.stringMatching(/^\d{12}$/);
const roleArn = fc.tuple(accountId, fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9+=,.@_-]{0,30}$/)).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`);

/** A VPC CIDR inside 10.0.0.0/8, /16 to /20, aligned. */
const vpcCidr = fc.tuple(fc.integer({ min: 16, max: 20 }), fc.integer({ min: 0, max: 2 ** 20 - 1 })).map(([prefix, n]) => {
    const blocks = 2 ** (prefix - 8);
    const base = ((10 << 24) >>> 0) + (n % blocks) * 2 ** (32 - prefix);
    return formatCidr({ base, prefix });
});

/** Reserved ranges from 192.168.0.0/16: never overlap a 10/8 VPC or a 172.x service range. */
const reserved = fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }).map((xs) => xs.map((x) => `192.168.${x}.0/24`));

/** Public allow-lists from documentation ranges, never /0. */
const allowList = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 })), { minLength: 1, maxLength: 3 }).map((xs) =>
    xs.map(([host, prefix]) => formatCidr({ base: (((203 << 24) | (0 << 16) | (113 << 8)) >>> 0) + (host & ~(2 ** (32 - prefix) - 1) & 255), prefix })),
);

const nodeGroup = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }))
    .chain(([min, d, m]) =>
        fc.record({
            instanceTypes: fc.uniqueArray(fc.constantFrom("m7i.large", "m6i.large", "m7i.xlarge", "c7i.large", "r7i.large"), { minLength: 1, maxLength: 3 }),
            minSize: fc.constant(min),
            desiredSize: fc.constant(min + d),
            maxSize: fc.constant(Math.min(20, min + d + m)),
            diskSizeGiB: fc.integer({ min: 20, max: 1000 }),
        }),
    );

const secretSegment = fc.stringMatching(/^[A-Za-z0-9_+=.@-]{1,12}$/);

const secretPath = fc.array(secretSegment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("/"));
const secretProperty = fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/);
const host = fc.stringMatching(/^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$/).map((h) => `${h}.example.com`);
const clientId = fc.stringMatching(/^[A-Za-z0-9._:@-]{1,40}$/);
const rbacGroup = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9 ._@:/-]{0,29}[A-Za-z0-9._@:/-])?$/);
const repositoryPath = fc.array(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/), { minLength: 1, maxLength: 3 }).map((s) => s.join("/"));

/** `paved:secrets`, `paved:gitops` and `paved:observability`, every referenced secret under one of the prefixes. */
const addonSections = fc.uniqueArray(secretPath.map((p) => `${p}/`), { minLength: 1, maxLength: 3 }).chain((prefixes) => {
    // Arbitraries are built once above; only the prefix choice depends on the chained value.
    const secretUnderPrefix = fc.tuple(fc.constantFrom(...prefixes), secretPath).map(([p, rest]) => p + rest);
    const property = secretProperty;
    return fc.record({
        secrets: fc.record({ prefixes: fc.constant(prefixes), refreshInterval: fc.constantFrom("1h", "30m", "15m", "2h30m") }, { requiredKeys: ["prefixes"] }),
        gitops: fc.record(
            {
                domain: host,
                repository: fc.record(
                    {
                        url: host.map((h) => `https://${h}/platform/gitops.git`),
                        revision: fc.constantFrom("main", "release/2026.11", "v1.4.2", "3f9c2a1b7e"),
                        path: repositoryPath,
                        credentialsSecret: secretUnderPrefix,
                    },
                    { requiredKeys: ["url", "path"] },
                ),
                sso: fc.record({
                    issuer: host.map((h) => `https://${h}/oauth2/default`),
                    clientId,
                    clientSecret: fc.record({ name: secretUnderPrefix, property }, { requiredKeys: ["name"] }),
                }),
                rbac: fc.array(fc.record({ group: rbacGroup, role: fc.constantFrom(...gitopsRoles) }), { maxLength: 4 }),
            },
            { requiredKeys: ["domain", "repository", "sso"] },
        ),
        observability: fc.record({
            endpoint: fc.record({ url: host.map((h) => `https://${h}/otlp`), protocol: fc.constantFrom("http", "grpc") }, { requiredKeys: ["url"] }),
            credentials: fc.record({ name: secretUnderPrefix, usernameProperty: property, passwordProperty: property }, { requiredKeys: ["name"] }),
        }),
    });
});

/** A Karpenter duration of whole hours within [min, max]. */
const hours = (min: number, max: number) => fc.integer({ min, max }).map((h) => `${h}h`);
const labelValueArb = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);

/** A disruption budget: always-on (never "0", which would block drift for good) or scheduled. */
const disruptionBudgetArb = fc.oneof(
    fc.record({ nodes: fc.oneof(fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`), fc.integer({ min: 1, max: 20 }).map(String)) }),
    fc.record(
        {
            nodes: fc.constantFrom("0", "0%", "1", "10%"),
            schedule: fc.constantFrom("0 7 * * mon-fri", "@daily", "30 22 * * *"),
            duration: fc.constantFrom("8h", "1h30m", "30m"),
            reasons: fc.subarray(["Underutilized", "Empty", "Drifted"] as const, { minLength: 1 }),
        },
        { requiredKeys: ["nodes", "schedule", "duration"] },
    ),
);

/** One valid `paved:karpenter.nodePools.<name>` entry. */
export const validNodePool = fc
    .record(
        {
            capacityTypes: fc.subarray(["spot", "on-demand"] as const, { minLength: 1 }),
            architectures: fc.subarray(["amd64", "arm64"] as const, { minLength: 1 }),
            instanceCategories: fc.subarray(["c", "m", "r", "g", "inf"], { minLength: 1 }),
            instanceFamilies: fc.subarray(["c7i", "m7g", "g6", "r6i", "p5"], { minLength: 1 }),
            minInstanceGeneration: fc.integer({ min: 1, max: 8 }),
            labels: fc.dictionary(fc.constantFrom("paved.io/workload", "team.example.com/tier", "app"), labelValueArb, { maxKeys: 2 }),
            taints: fc.array(
                fc.record({ key: fc.constantFrom("paved.io/workload", "nvidia.com/gpu", "dedicated"), value: labelValueArb, effect: fc.constantFrom("NoSchedule", "PreferNoSchedule", "NoExecute") }, { requiredKeys: ["key", "effect"] }),
                { maxLength: 2 },
            ),
            limits: fc.record({ cpu: fc.integer({ min: 1, max: 5000 }), memory: fc.integer({ min: 1, max: 20000 }).map((n) => `${n}Gi`), gpus: fc.integer({ min: 1, max: 64 }) }, { requiredKeys: ["cpu", "memory"] }),
            disruption: fc.record({
                consolidationPolicy: fc.constantFrom("WhenEmpty", "WhenEmptyOrUnderutilized"),
                consolidateAfter: fc.constantFrom("0s", "30s", "1m", "5m", "1h"),
                budgets: fc.array(disruptionBudgetArb, { minLength: 1, maxLength: 3 }),
            }),
            expireAfter: hours(1, 720),
            terminationGracePeriod: fc.constantFrom("30m", "1h", "24h"),
            weight: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: ["capacityTypes", "limits", "disruption", "expireAfter"] },
    )
    .filter((p) => p.instanceCategories !== undefined || p.instanceFamilies !== undefined);

/** Any valid `paved:karpenter` section. */
export const validKarpenterConfig = fc.record({
    controller: fc.record({ cpu: fc.constantFrom("250m", "500m", "1", "2"), memory: fc.constantFrom("256Mi", "512Mi", "1Gi", "2Gi"), logLevel: fc.constantFrom("debug", "info", "error") }, { requiredKeys: ["cpu", "memory"] }),
    nodeClass: fc.record({ rootVolumeGiB: fc.integer({ min: 20, max: 2000 }) }),
    nodePools: fc.dictionary(
        fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/).filter((n) => n !== "system"),
        validNodePool,
        { minKeys: 1, maxKeys: 3 },
    ),
});

/**
 * Any valid `paved:admission` section: valid for its schema and for the catalog (the program checks
 * kinds, parameters, enum values and compositions against the XRDs), built from the catalog itself.
 */
export const validAdmissionConfig = (() => {
    const claimArbitrary = (api: CatalogApi) => {
        const rules: Record<string, fc.Arbitrary<Record<string, unknown>>> = {};
        for (const p of xrdParameters(api).values()) {
            if (p.type === "integer") {
                const lo = p.minimum ?? 0;
                const hi = p.maximum ?? 100000;
                rules[p.path] = fc
                    .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), fc.boolean(), fc.boolean())
                    .map(([a, b, noDecrease, both]) => (both ? { min: Math.min(a, b), max: Math.max(a, b), noDecrease } : { max: Math.max(a, b), noDecrease }));
            } else if (p.type === "string" && p.enum) {
                rules[p.path] = fc.subarray(p.enum as string[], { minLength: 1 }).map((allowed) => ({ allowed }));
            } else if (p.type === "boolean") {
                rules[p.path] = fc.record({ equals: fc.boolean(), noDisable: fc.boolean() }, { requiredKeys: ["equals"] });
            }
        }
        return fc.record(
            { compositions: fc.subarray(api.compositions.map((c) => c.name), { minLength: 1 }), parameters: fc.record(rules, { requiredKeys: [] }) },
            { requiredKeys: [] },
        );
    };
    const apis = loadCatalog().apis;
    return fc.record({ claims: fc.record(Object.fromEntries(apis.map((a) => [a.claimKind, claimArbitrary(a)])), { requiredKeys: [] }) });
})();

/** Any valid `paved:tenants` section: DNS-label names that are not platform namespaces nor kube-*. */
export const validTenantsConfig = fc.dictionary(
    fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/).filter((n) => !reservedNamespaces.includes(n) && !n.startsWith("kube-")),
    fc.record(
        {
            owner: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]$/),
            costCenter: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,14}[A-Z0-9]$/),
            app: fc.stringMatching(/^[a-z]([a-z0-9-]{0,20}[a-z0-9])?$/),
        },
        { requiredKeys: ["owner", "costCenter"] },
    ),
    { maxKeys: 4 },
);

/** Any valid `paved:temporal` section (prod's Multi-AZ and deletion protection are forced in validStackConfig). */
export const validTemporalConfig = fc.record(
    {
        enabled: fc.boolean(),
        numHistoryShards: fc.integer({ min: 1, max: 16384 }),
        database: fc.integer({ min: 20, max: 2000 }).chain((allocated) =>
            fc.record(
                {
                    instanceClass: fc.constantFrom("db.t4g.medium", "db.t3.large", "db.m7g.large", "db.r7g.2xlarge", "db.m6i.xlarge"),
                    allocatedStorageGiB: fc.constant(allocated),
                    maxAllocatedStorageGiB: fc.integer({ min: allocated, max: 65536 }),
                    multiAz: fc.boolean(),
                    backupRetentionDays: fc.integer({ min: 7, max: 35 }),
                    deletionProtection: fc.boolean(),
                    logRetentionDays: retention,
                },
                { requiredKeys: ["instanceClass", "allocatedStorageGiB", "maxAllocatedStorageGiB", "multiAz", "backupRetentionDays", "deletionProtection"] },
            ),
        ),
    },
    { requiredKeys: ["enabled", "database"] },
);

/** Any config the stack config schema accepts. */
export const validStackConfig: fc.Arbitrary<GeneratedConfig> = fc
    .record({
        region: fc.constantFrom("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2", "us-gov-west-1"),
        environment: fc.constantFrom("dev", "staging", "prod"),
        owner: fc.stringMatching(/^[a-z0-9][a-z0-9._@-]{1,20}$/),
        costCenter: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,15}$/),
        app: fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/),
        protectStatefulResources: fc.boolean(),
        highAvailability: fc.boolean(),
        iam: fc.record({
            github: fc.record(
                {
                    repository: fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9._-]{1,30}$/)).map(([o, n]) => `${o}/${n}`),
                    deployBranch: fc.constantFrom("main", "release/prod", "trunk"),
                    deployWorkflow: fc.constantFrom(".github/workflows/deploy.yml", ".github/workflows/up.yaml"),
                },
                { requiredKeys: ["repository"] },
            ),
            breakGlassPrincipalArns: fc.array(roleArn, { minLength: 1, maxLength: 2 }),
            auditorPrincipalArns: fc.array(roleArn, { minLength: 1, maxLength: 2 }),
        }),
        network: fc.record({
            cidr: vpcCidr,
            availabilityZoneCount: fc.integer({ min: 2, max: 6 }),
            natGateways: fc.constantFrom("single", "onePerAz"),
            reservedCidrs: reserved,
            flowLogs: fc.record({ retentionDays: retention, trafficType: fc.constantFrom("ALL", "REJECT") }),
        }),
        addons: addonSections,
        karpenter: validKarpenterConfig,
        temporal: validTemporalConfig,
        admission: validAdmissionConfig,
        tenants: validTenantsConfig,
        cluster: fc.record({
            name: fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/),
            kubernetesVersion: fc.constantFrom(...supportedKubernetesVersions),
            serviceCidr: fc.constantFrom("172.20.0.0/16", "172.21.0.0/16"),
            endpoint: fc.oneof(fc.constant({ publicAccess: false }), allowList.map((cidrs) => ({ publicAccess: true, publicAccessCidrs: cidrs }))),
            readOnlyRoleArns: fc.array(roleArn, { maxLength: 2 }),
            controlPlaneLogRetentionDays: retention,
            deletionProtection: fc.boolean(),
            systemNodeGroup: nodeGroup,
        }),
    })
    .map(({ region, addons, temporal, ...rest }) => {
        const production = rest.environment === "prod";
        const database = production ? { ...temporal.database, multiAz: true, deletionProtection: true } : temporal.database;
        const values = { ...rest, ...addons, temporal: { ...temporal, database } };
        return { region, values, flat: flatten(region, values) };
    });

export function flatten(region: string, values: Record<string, unknown>): Record<string, string> {
    const flat: Record<string, string> = { "aws:region": region };
    for (const [k, v] of Object.entries(values)) {
        flat[`paved:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    return flat;
}

/** A corruption of a valid config, and the config key path the error must name. */
export interface Corruption {
    describe: string;
    expectPath: string;
    apply(values: Record<string, any>): void;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** A valid node pool that one Karpenter corruption breaks in one place. */
const corruptiblePool = (): Record<string, any> => ({
    capacityTypes: ["spot", "on-demand"],
    instanceCategories: ["c", "m"],
    limits: { cpu: 100, memory: "400Gi" },
    disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m", budgets: [{ nodes: "10%" }] },
    expireAfter: "720h",
});

export const corruptions: Corruption[] = [
    { describe: "azCount too low", expectPath: "paved:network.availabilityZoneCount", apply: (v) => (v.network.availabilityZoneCount = 1) },
    { describe: "azCount too high", expectPath: "paved:network.availabilityZoneCount", apply: (v) => (v.network.availabilityZoneCount = 7) },
    { describe: "azCount fractional", expectPath: "paved:network.availabilityZoneCount", apply: (v) => (v.network.availabilityZoneCount = 2.5) },
    { describe: "azCount as text", expectPath: "paved:network.availabilityZoneCount", apply: (v) => (v.network.availabilityZoneCount = "three") },
    { describe: "CIDR prefix 33", expectPath: "paved:network.cidr", apply: (v) => (v.network.cidr = "10.0.0.0/33") },
    { describe: "CIDR octet 300", expectPath: "paved:network.cidr", apply: (v) => (v.network.cidr = "300.0.0.0/16") },
    { describe: "CIDR host bits", expectPath: "paved:network.cidr", apply: (v) => (v.network.cidr = "10.0.0.1/16") },
    { describe: "CIDR too small", expectPath: "paved:network.cidr", apply: (v) => (v.network.cidr = "10.0.0.0/24") },
    { describe: "CIDR not a string", expectPath: "paved:network.cidr", apply: (v) => (v.network.cidr = 10) },
    { describe: "reserved overlaps VPC", expectPath: "paved:network.cidr", apply: (v) => v.network.reservedCidrs.push(v.network.cidr) },
    { describe: "service CIDR overlaps VPC", expectPath: "paved:network.cidr", apply: (v) => (v.cluster.serviceCidr = v.network.cidr) },
    { describe: "unknown top-level key", expectPath: "paved:colour", apply: (v) => (v.colour = "blue") },
    { describe: "unknown nested key", expectPath: "paved:network.vpnGateway", apply: (v) => (v.network.vpnGateway = true) },
    { describe: "missing network", expectPath: "paved:network", apply: (v) => delete v.network },
    { describe: "missing cluster name", expectPath: "paved:cluster.name", apply: (v) => delete v.cluster.name },
    { describe: "unknown environment", expectPath: "paved:environment", apply: (v) => (v.environment = "production") },
    { describe: "bad NAT strategy", expectPath: "paved:network.natGateways", apply: (v) => (v.network.natGateways = "none") },
    { describe: "public endpoint without allow-list", expectPath: "paved:cluster.endpoint.publicAccessCidrs", apply: (v) => (v.cluster.endpoint = { publicAccess: true }) },
    { describe: "allow-list open to all", expectPath: "paved:cluster.endpoint.publicAccessCidrs[0]", apply: (v) => (v.cluster.endpoint = { publicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }) },
    { describe: "allow-list without the flag", expectPath: "paved:cluster.endpoint.publicAccess", apply: (v) => (v.cluster.endpoint = { publicAccess: false, publicAccessCidrs: ["203.0.113.0/24"] }) },
    { describe: "unsupported Kubernetes", expectPath: "paved:cluster.kubernetesVersion", apply: (v) => (v.cluster.kubernetesVersion = "1.21") },
    { describe: "reader is not a role ARN", expectPath: "paved:cluster.readOnlyRoleArns[0]", apply: (v) => (v.cluster.readOnlyRoleArns = ["arn:aws:iam::123456789012:user/alice"]) },
    { describe: "repository wildcard", expectPath: "paved:iam.github.repository", apply: (v) => (v.iam.github.repository = "acme/*") },
    { describe: "deploy branch wildcard", expectPath: "paved:iam.github.deployBranch", apply: (v) => (v.iam.github.deployBranch = "release/*") },
    { describe: "no break-glass operator", expectPath: "paved:iam.breakGlassPrincipalArns", apply: (v) => (v.iam.breakGlassPrincipalArns = []) },
    { describe: "wildcard principal", expectPath: "paved:iam.auditorPrincipalArns[0]", apply: (v) => (v.iam.auditorPrincipalArns = ["*"]) },
    { describe: "retention below floor", expectPath: "paved:cluster.controlPlaneLogRetentionDays", apply: (v) => (v.cluster.controlPlaneLogRetentionDays = 30) },
    { describe: "retention not a CloudWatch value", expectPath: "paved:network.flowLogs.retentionDays", apply: (v) => (v.network.flowLogs.retentionDays = 100) },
    { describe: "min > desired", expectPath: "paved:cluster.systemNodeGroup", apply: (v) => (v.cluster.systemNodeGroup.minSize = v.cluster.systemNodeGroup.desiredSize + 1) },
    { describe: "protect flag as text", expectPath: "paved:protectStatefulResources", apply: (v) => (v.protectStatefulResources = "yes please") },
    { describe: "cost center lower-case", expectPath: "paved:costCenter", apply: (v) => (v.costCenter = "cc 42") },
    { describe: "secret prefix with a wildcard", expectPath: "paved:secrets.prefixes[0]", apply: (v) => (v.secrets.prefixes[0] = "paved/*") },
    { describe: "no secret prefix", expectPath: "paved:secrets.prefixes", apply: (v) => (v.secrets.prefixes = []) },
    { describe: "missing gitops section", expectPath: "paved:gitops", apply: (v) => delete v.gitops },
    { describe: "OIDC client secret in clear", expectPath: "paved:gitops.sso.clientSecret", apply: (v) => (v.gitops.sso.clientSecret = "s3cr3t-value") },
    { describe: "OIDC client secret outside the prefixes", expectPath: "paved:gitops.sso.clientSecret.name", apply: (v) => (v.gitops.sso.clientSecret.name = "outside-the-prefixes") },
    { describe: "repository credentials outside the prefixes", expectPath: "paved:gitops.repository.credentialsSecret", apply: (v) => (v.gitops.repository.credentialsSecret = "shared-token") },
    { describe: "GitOps repository over http", expectPath: "paved:gitops.repository.url", apply: (v) => (v.gitops.repository.url = "http://git.example.com/gitops.git") },
    { describe: "root path escapes the repository", expectPath: "paved:gitops.repository.path", apply: (v) => (v.gitops.repository.path = "clusters/../../etc") },
    { describe: "tenant namespaces as a pattern (retired: tenants are onboarded by name in paved:tenants)", expectPath: "paved:gitops.tenantNamespacePattern", apply: (v) => (v.gitops.tenantNamespacePattern = "team-*") },
    { describe: "RBAC group injecting a policy line", expectPath: "paved:gitops.rbac[0].group", apply: (v) => (v.gitops.rbac = [{ group: "devs, role:admin", role: "readonly" }]) },
    { describe: "unknown Argo CD role", expectPath: "paved:gitops.rbac[0].role", apply: (v) => (v.gitops.rbac = [{ group: "devs", role: "superuser" }]) },
    { describe: "telemetry over http", expectPath: "paved:observability.endpoint.url", apply: (v) => (v.observability.endpoint.url = "http://otlp.example.com/otlp") },
    { describe: "telemetry token in clear", expectPath: "paved:observability.credentials.password", apply: (v) => (v.observability.credentials.password = "glc_token") },
    { describe: "telemetry credentials outside the prefixes", expectPath: "paved:observability.credentials.name", apply: (v) => (v.observability.credentials.name = "grafana-cloud") },
    { describe: "missing karpenter section", expectPath: "paved:karpenter", apply: (v) => delete v.karpenter },
    { describe: "no node pools", expectPath: "paved:karpenter.nodePools", apply: (v) => (v.karpenter.nodePools = {}) },
    { describe: "node pool without limits", expectPath: "paved:karpenter.nodePools.general.limits", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), limits: undefined }) },
    { describe: "node pool without a memory limit", expectPath: "paved:karpenter.nodePools.general.limits.memory", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), limits: { cpu: 10 } }) },
    { describe: "nodes that never expire", expectPath: "paved:karpenter.nodePools.general.expireAfter", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), expireAfter: "Never" }) },
    { describe: "nodes older than 30 days", expectPath: "paved:karpenter.nodePools.general.expireAfter", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), expireAfter: "1440h" }) },
    { describe: "pool selecting no instances", expectPath: "paved:karpenter.nodePools.general", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), instanceCategories: undefined }) },
    { describe: "permanent zero disruption budget", expectPath: "paved:karpenter.nodePools.general.disruption.budgets[0]", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), disruption: { ...corruptiblePool().disruption, budgets: [{ nodes: "0" }] } }) },
    { describe: "budget schedule without duration", expectPath: "paved:karpenter.nodePools.general.disruption.budgets[0]", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), disruption: { ...corruptiblePool().disruption, budgets: [{ nodes: "0", schedule: "@daily" }] } }) },
    { describe: "reserved label domain", expectPath: "paved:karpenter.nodePools.general.labels", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), labels: { "node-role.kubernetes.io/batch": "x" } }) },
    { describe: "unknown capacity type", expectPath: "paved:karpenter.nodePools.general.capacityTypes[0]", apply: (v) => (v.karpenter.nodePools.general = { ...corruptiblePool(), capacityTypes: ["reserved"] }) },
    { describe: "pool named after the system node group", expectPath: "paved:karpenter.nodePools", apply: (v) => (v.karpenter.nodePools = { system: corruptiblePool() }) },
    { describe: "controller memory without a unit", expectPath: "paved:karpenter.controller.memory", apply: (v) => (v.karpenter.controller.memory = "1024") },
    { describe: "missing temporal section", expectPath: "paved:temporal", apply: (v) => delete v.temporal },
    { describe: "temporal flag as text", expectPath: "paved:temporal.enabled", apply: (v) => (v.temporal.enabled = "yes") },
    { describe: "backups kept 6 days", expectPath: "paved:temporal.database.backupRetentionDays", apply: (v) => (v.temporal.database.backupRetentionDays = 6) },
    { describe: "backups beyond what RDS keeps", expectPath: "paved:temporal.database.backupRetentionDays", apply: (v) => (v.temporal.database.backupRetentionDays = 36) },
    { describe: "storage ceiling below the allocation", expectPath: "paved:temporal.database.maxAllocatedStorageGiB", apply: (v) => (v.temporal.database.maxAllocatedStorageGiB = v.temporal.database.allocatedStorageGiB - 1) },
    { describe: "micro database", expectPath: "paved:temporal.database.instanceClass", apply: (v) => (v.temporal.database.instanceClass = "db.t4g.micro") },
    { describe: "a public database asked for", expectPath: "paved:temporal.database.publiclyAccessible", apply: (v) => (v.temporal.database.publiclyAccessible = true) },
    { describe: "prod database in one AZ", expectPath: "paved:temporal.database.multiAz", apply: (v) => Object.assign(v, { environment: "prod" }, { temporal: { ...v.temporal, database: { ...v.temporal.database, multiAz: false, deletionProtection: true } } }) },
    { describe: "prod database without deletion protection", expectPath: "paved:temporal.database.deletionProtection", apply: (v) => Object.assign(v, { environment: "prod" }, { temporal: { ...v.temporal, database: { ...v.temporal.database, multiAz: true, deletionProtection: false } } }) },
    { describe: "missing admission section", expectPath: "paved:admission", apply: (v) => delete v.admission },
    { describe: "admission bounds inverted", expectPath: "paved:admission.claims.PostgreSQLInstance.parameters.storageGB", apply: (v) => (v.admission = { claims: { PostgreSQLInstance: { parameters: { storageGB: { min: 100, max: 20 } } } } }) },
    { describe: "admission rule that says nothing", expectPath: "paved:admission.claims.PostgreSQLInstance.parameters.multiAZ", apply: (v) => (v.admission = { claims: { PostgreSQLInstance: { parameters: { multiAZ: {} } } } }) },
    { describe: "admission rule with an unknown key", expectPath: "paved:admission.claims.SQSQueue.parameters.messageRetentionSeconds.atMost", apply: (v) => (v.admission = { claims: { SQSQueue: { parameters: { messageRetentionSeconds: { atMost: 60 } } } } }) },
    { describe: "admission claim kind in lower case", expectPath: "paved:admission.claims", apply: (v) => (v.admission = { claims: { postgresqlinstance: {} } }) },
    { describe: "admission for a kind the catalog does not have", expectPath: "paved:admission.claims.MongoDB", apply: (v) => (v.admission = { claims: { MongoDB: { compositions: ["mongodb-standard"] } } }) },
    { describe: "admission value outside the XRD's enum", expectPath: "paved:admission.claims.PostgreSQLInstance.parameters.instanceClass.allowed[0]", apply: (v) => (v.admission = { claims: { PostgreSQLInstance: { parameters: { instanceClass: { allowed: ["db.x1.huge"] } } } } }) },
    { describe: "admission with no approved composition", expectPath: "paved:admission.claims.S3Bucket.compositions", apply: (v) => (v.admission = { claims: { S3Bucket: { compositions: [] } } }) },
    { describe: "missing tenants section", expectPath: "paved:tenants", apply: (v) => delete v.tenants },
    { describe: "tenant namespace is a platform namespace", expectPath: "paved:tenants", apply: (v) => (v.tenants = { ...v.tenants, "kube-system": { owner: "intruders", costCenter: "CC-1" } }) },
    { describe: "tenant namespace is Kyverno's", expectPath: "paved:tenants", apply: (v) => (v.tenants = { ...v.tenants, kyverno: { owner: "intruders", costCenter: "CC-1" } }) },
    { describe: "tenant namespace with the kube- prefix", expectPath: "paved:tenants", apply: (v) => (v.tenants = { ...v.tenants, "kube-tenant": { owner: "team", costCenter: "CC-1" } }) },
    { describe: "tenant namespace not a DNS label", expectPath: "paved:tenants", apply: (v) => (v.tenants = { ...v.tenants, Claims_Service: { owner: "team", costCenter: "CC-1" } }) },
    { describe: "tenant namespace longer than 63", expectPath: "paved:tenants", apply: (v) => (v.tenants = { ...v.tenants, ["a".repeat(64)]: { owner: "team", costCenter: "CC-1" } }) },
    { describe: "tenant without an owner", expectPath: "paved:tenants.claims-service.owner", apply: (v) => (v.tenants = { "claims-service": { costCenter: "CC-4200-CLAIMS" } }) },
    { describe: "tenant owner as an e-mail (not a label value)", expectPath: "paved:tenants.claims-service.owner", apply: (v) => (v.tenants = { "claims-service": { owner: "claims@acme.example", costCenter: "CC-4200-CLAIMS" } }) },
    { describe: "tenant owner empty", expectPath: "paved:tenants.claims-service.owner", apply: (v) => (v.tenants = { "claims-service": { owner: "", costCenter: "CC-4200-CLAIMS" } }) },
    { describe: "tenant cost center lower-case", expectPath: "paved:tenants.claims-service.costCenter", apply: (v) => (v.tenants = { "claims-service": { owner: "claims-team", costCenter: "cc-4200" } }) },
    { describe: "tenant cost center ending in '-'", expectPath: "paved:tenants.claims-service.costCenter", apply: (v) => (v.tenants = { "claims-service": { owner: "claims-team", costCenter: "CC-4200-" } }) },
    { describe: "tenant app not a label value", expectPath: "paved:tenants.claims-service.app", apply: (v) => (v.tenants = { "claims-service": { owner: "claims-team", costCenter: "CC-4200-CLAIMS", app: "Claims Service" } }) },
    { describe: "tenant asking for a privileged namespace", expectPath: "paved:tenants.claims-service.podSecurity", apply: (v) => (v.tenants = { "claims-service": { owner: "claims-team", costCenter: "CC-4200-CLAIMS", podSecurity: "privileged" } }) },
];

export const invalidStackConfig: fc.Arbitrary<{ config: GeneratedConfig; corruption: Corruption }> = fc
    .tuple(validStackConfig, fc.constantFrom(...corruptions))
    .map(([config, corruption]) => {
        const values = clone(config.values) as Record<string, any>;
        corruption.apply(values);
        return { config: { region: config.region, values, flat: flatten(config.region, values) }, corruption };
    });
