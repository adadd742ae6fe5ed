/** fast-check generators for the catalog: claims from their XRD's schema bounds, EnvironmentConfigs from the contract. */
import fc from "fast-check";
import type { CatalogApi } from "../../../catalog";
import type { PlatformEnvironment } from "../../../components/crossplane/environment-config";
import type { JsonObject } from "../../../composition-renderer";

type Obj = Record<string, any>;

/** Any value the schema node accepts (structural subset the catalog's XRDs use). Integers as bigint, as YAML parses them. */
export function valueOf(schema: Obj, path: string): fc.Arbitrary<unknown> {
    switch (schema.type) {
        case "integer":
            return fc.bigInt({ min: BigInt(schema.minimum), max: BigInt(schema.maximum) });
        case "boolean":
            return fc.boolean();
        case "string": {
            if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
            const max = schema.maxLength !== undefined ? Number(schema.maxLength) : 64;
            if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => [...s].length <= max);
            return fc.string({ maxLength: max, unit: "grapheme-ascii" });
        }
        case "object": {
            const props: Record<string, fc.Arbitrary<unknown>> = {};
            for (const [k, v] of Object.entries<Obj>(schema.properties ?? {})) props[k] = valueOf(v, `${path}.${k}`);
            return fc.record(props, { requiredKeys: schema.required ?? [] });
        }
        default:
            throw new Error(`${path}: no generator for type ${schema.type}`);
    }
}

export const dnsLabel = (max: number) => fc.stringMatching(new RegExp(`^[a-z]([-a-z0-9]{0,${max - 2}}[a-z0-9])?$`));

/**
 * A claim of `api` its XRD admits: `spec` from the XRD's openAPIV3Schema bounds, any of the API's
 * Compositions (or none: the default), an optional connection secret. Claim names stay at 40
 * characters so the generated XR name (`<claim>-<5>`) fits Crossplane's 63.
 */
export function claimOf(api: CatalogApi): fc.Arbitrary<JsonObject> {
    const spec = (api.xrd.spec as Obj).versions[0].schema.openAPIV3Schema.properties.spec;
    return fc
        .record({
            name: dnsLabel(40),
            namespace: dnsLabel(40),
            spec: valueOf(spec, "spec") as fc.Arbitrary<Obj>,
            composition: fc.option(fc.constantFrom(...api.compositions.map((c) => c.name)), { nil: undefined }),
            secret: fc.option(dnsLabel(40), { nil: undefined }),
        })
        .map(({ name, namespace, spec: s, composition, secret }) => ({
            apiVersion: api.apiVersion,
            kind: api.claimKind,
            metadata: { name, namespace },
            spec: {
                ...s,
                ...(composition ? { compositionRef: { name: composition } } : {}),
                ...(secret ? { writeConnectionSecretToRef: { name: secret } } : {}),
            },
        })) as fc.Arbitrary<JsonObject>;
}

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

/** An EnvironmentConfig platform-aws-defaults as the Crossplane add-on could fill it for any stack. */
export const environmentArb: fc.Arbitrary<JsonObject> = fc
    .record({
        region: fc.constantFrom("eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2"),
        accountId: fc.stringMatching(/^[0-9]{12}$/),
        vpc: hex(17),
        secondOctet: fc.integer({ min: 0, max: 255 }),
        azs: fc.integer({ min: 2, max: 6 }),
        subnetSeed: hex(12),
        nodeSg: hex(17),
        secretStore: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}[a-z0-9]$/),
        prefix: fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/),
        environment: fc.constantFrom("dev", "staging", "prod"),
        costCenter: fc.stringMatching(/^CC-[0-9]{4}$/),
        temporalNs: dnsLabel(20),
        temporalCluster: dnsLabel(20),
        frontendPort: fc.integer({ min: 1024, max: 65535 }),
    })
    .map((r) => {
        const data: PlatformEnvironment = {
            aws: {
                region: r.region,
                accountId: r.accountId,
                vpcId: `vpc-${r.vpc}`,
                vpcCidr: `10.${r.secondOctet}.0.0/16`,
                privateSubnetIds: Array.from({ length: r.azs }, (_, i) => `subnet-p${r.subnetSeed}${i}`),
                privateSubnetCidrs: Array.from({ length: r.azs }, (_, i) => `10.${r.secondOctet}.${i * 32}.0/19`),
                dataSubnetIds: Array.from({ length: r.azs }, (_, i) => `subnet-d${r.subnetSeed}${i}`),
                dataSubnetCidrs: Array.from({ length: r.azs }, (_, i) => `10.${r.secondOctet}.${192 + i * 4}.0/22`),
                nodeSecurityGroupId: `sg-${r.nodeSg}`,
                dataKmsKeyArn: `arn:aws:kms:${r.region}:${r.accountId}:key/${r.subnetSeed}`,
                resourceNamePrefix: r.prefix,
                rdsMonitoringRoleArn: `arn:aws:iam::${r.accountId}:role/${r.prefix}-rds-enhanced-monitoring`,
            },
            platform: {
                environment: r.environment,
                clusterName: r.prefix,
                secretStore: r.secretStore,
                temporal: { clusterName: r.temporalCluster, namespace: r.temporalNs, frontendPort: r.frontendPort },
                defaults: { Owner: "platform-team", App: "paved" },
            },
            tags: { Environment: r.environment, CostCenter: r.costCenter },
        };
        return { apiVersion: "apiextensions.crossplane.io/v1beta1", kind: "EnvironmentConfig", metadata: { name: "platform-aws-defaults" }, data } as unknown as JsonObject;
    });
