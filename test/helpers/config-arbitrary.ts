import fc from "fast-check";
import { formatCidr } from "../../components/network/cidr";
import { supportedKubernetesVersions } from "../../components/versions";
import { cloudWatchRetentionDays } from "../../stacks/config";

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
    .map(({ region, ...values }) => ({ region, values, flat: flatten(region, values) }));

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
];

export const invalidStackConfig: fc.Arbitrary<{ config: GeneratedConfig; corruption: Corruption }> = fc
    .tuple(validStackConfig, fc.constantFrom(...corruptions))
    .map(([config, corruption]) => {
        const values = clone(config.values) as Record<string, any>;
        corruption.apply(values);
        return { config: { region: config.region, values, flat: flatten(config.region, values) }, corruption };
    });
