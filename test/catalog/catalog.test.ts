// The catalog's shape: every XRD exposes few, bounded, documented parameters on the claim-capable
// v1 API; every Composition is an environment-configs -> patch-and-transform pipeline that reads the
// EnvironmentConfig contract only through paths the contract has.
import * as assert from "node:assert/strict";
import { environmentConfigName, type PlatformEnvironment } from "../../components/crossplane/environment-config";
import { crossplanePackages } from "../../components/versions";
import { catalog, env } from "./helpers/catalog";

type Obj = Record<string, any>;

/** A complete PlatformEnvironment (the type checker keeps it complete): the paths Compositions may read. */
const contract: PlatformEnvironment = {
    aws: {
        region: "eu-west-1",
        accountId: "123456789012",
        vpcId: "vpc-1",
        vpcCidr: "10.0.0.0/16",
        privateSubnetIds: ["s1"],
        privateSubnetCidrs: ["10.0.0.0/19"],
        dataSubnetIds: ["d1", "d2", "d3", "d4", "d5", "d6"],
        dataSubnetCidrs: ["10.0.192.0/22", "10.0.196.0/22", "10.0.200.0/22", "10.0.204.0/22", "10.0.208.0/22", "10.0.212.0/22"],
        nodeSecurityGroupId: "sg-1",
        dataKmsKeyArn: "arn",
        resourceNamePrefix: "paved-dev",
        rdsMonitoringRoleArn: "arn",
    },
    platform: {
        environment: "dev",
        clusterName: "paved-dev",
        secretStore: "store",
        temporal: { clusterName: "temporal", namespace: "temporal", frontendPort: 7233 },
        defaults: { Owner: "platform-team", App: "paved" },
    },
    tags: { Environment: "dev", CostCenter: "CC-1" },
};

/** Reads a fieldpath like `aws.dataSubnetCidrs[3]` or `metadata.labels[crossplane.io/claim-name]`. */
function resolve(o: unknown, path: string): unknown {
    const segments = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
    return segments.reduce<unknown>((v, seg) => {
        const key = seg.startsWith("[") ? seg.slice(1, -1) : seg;
        if (Array.isArray(v) && /^\d+$/.test(key)) return v[Number(key)];
        return v && typeof v === "object" ? (v as Obj)[key] : undefined;
    }, o);
}

function keyTree(o: unknown): unknown {
    if (Array.isArray(o)) return "list";
    if (o && typeof o === "object") return Object.fromEntries(Object.keys(o).sort().map((k) => [k, keyTree((o as Obj)[k])]));
    return typeof o === "bigint" ? "number" : typeof o;
}

/** Every parameter schema node, with its path. */
function parameterNodes(schema: Obj, at = "spec.parameters"): [string, Obj][] {
    const out: [string, Obj][] = [[at, schema]];
    for (const [k, v] of Object.entries<Obj>(schema.properties ?? {})) out.push(...parameterNodes(v, `${at}.${k}`));
    return out;
}

function ptInput(composition: Obj): Obj {
    return composition.spec.pipeline.find((s: Obj) => s.input?.kind === "Resources").input;
}

/** Every patch of a Composition with PatchSets expanded, and the resource it belongs to. */
function patches(composition: Obj): { resource: string; patch: Obj }[] {
    const input = ptInput(composition);
    const sets = new Map<string, Obj[]>((input.patchSets ?? []).map((s: Obj) => [s.name, s.patches]));
    return input.resources.flatMap((r: Obj) =>
        (r.patches ?? []).flatMap((p: Obj) => (p.type === "PatchSet" ? sets.get(p.patchSetName)! : [p]).map((patch: Obj) => ({ resource: r.name, patch }))),
    );
}

describe("catalog: XRDs", () => {
    it("five APIs, each in its own folder with an XRD, at least one Composition and at least one example", () => {
        assert.deepEqual(catalog.apis.map((a) => a.claimKind).sort(), ["ElastiCacheCluster", "PostgreSQLInstance", "S3Bucket", "SQSQueue", "TemporalNamespace"]);
        for (const api of catalog.apis) {
            assert.ok(api.compositions.length > 0 && api.examples.length > 0, api.folder);
        }
        assert.deepEqual(catalog.composition("postgresql-aws-hardened")?.api.claimKind, "PostgreSQLInstance");
    });

    for (const api of catalog.apis) {
        describe(api.xrdFile, () => {
            const spec = api.xrd.spec as Obj;
            it("is a claim-capable v1 API: LegacyCluster, claimNames, connectionSecretKeys, Manual composition updates", () => {
                assert.equal(api.xrd.apiVersion, "apiextensions.crossplane.io/v1");
                assert.equal(spec.scope, "LegacyCluster");
                assert.equal(api.group, "platform.example.com");
                assert.equal(api.version, "v1alpha1");
                assert.equal(api.xrKind, `X${api.claimKind}`);
                assert.equal(api.claimPlural, `${api.claimKind.toLowerCase()}s`);
                assert.equal(api.xrPlural, `x${api.claimPlural}`);
                assert.ok(api.connectionSecretKeys.length > 0);
                assert.equal(spec.defaultCompositionUpdatePolicy, "Manual");
                assert.ok(api.compositions.some((c) => c.name === api.defaultComposition), "default composition exists");
                assert.deepEqual(spec.versions.map((v: Obj) => [v.name, v.served, v.referenceable]), [["v1alpha1", true, true]]);
            });

            it("every parameter is documented and bounded (integers by minimum and maximum, strings by enum, pattern or maxLength)", () => {
                const params = spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.parameters;
                for (const [path, node] of parameterNodes(params)) {
                    assert.ok(typeof node.description === "string" && node.description.length > 10, `${path}: description`);
                    assert.notEqual(node["x-kubernetes-preserve-unknown-fields"], true, `${path}: preserves unknown fields`);
                    if (node.type === "integer") assert.ok(node.minimum !== undefined && node.maximum !== undefined, `${path}: integer bounds`);
                    if (node.type === "string") assert.ok(node.enum || node.pattern || node.maxLength !== undefined, `${path}: string bounds`);
                    assert.ok(["object", "integer", "string", "boolean"].includes(node.type), `${path}: type ${node.type}`);
                }
            });

            it("publishes exactly the connection details its Compositions produce", () => {
                for (const c of api.compositions) {
                    const names = ptInput(c.object).resources.flatMap((r: Obj) => (r.connectionDetails ?? []).map((d: Obj) => d.name));
                    assert.deepEqual([...new Set(names)].sort(), [...api.connectionSecretKeys].sort(), c.file);
                }
            });
        });
    }
});

describe("catalog: Compositions", () => {
    it("the test EnvironmentConfig has the contract's shape (components/crossplane/environment-config.ts)", () => {
        assert.deepEqual(keyTree(env), keyTree(contract));
    });

    for (const api of catalog.apis) {
        for (const c of api.compositions) {
            describe(c.file, () => {
                const spec = c.object.spec as Obj;
                it("is a Pipeline: function-environment-configs (Reference to platform-aws-defaults), then function-patch-and-transform, both as pinned", () => {
                    assert.equal(spec.mode, "Pipeline");
                    assert.deepEqual(spec.pipeline.map((s: Obj) => s.functionRef.name), [
                        crossplanePackages.functions.environmentConfigs.name,
                        crossplanePackages.functions.patchAndTransform.name,
                    ]);
                    assert.deepEqual(spec.pipeline[0].input.spec.environmentConfigs, [{ type: "Reference", ref: { name: environmentConfigName } }]);
                    assert.equal(spec.writeConnectionSecretsToNamespace, "crossplane-system");
                    assert.equal(c.labels["platform.example.com/api"], api.folder);
                });

                it("reads the environment only through paths of the EnvironmentConfig contract", () => {
                    const input = ptInput(c.object);
                    const written = new Set((input.environment?.patches ?? []).map((p: Obj) => String(p.toFieldPath).split(".")[0]));
                    for (const { resource, patch } of patches(c.object)) {
                        const from =
                            patch.type === "FromEnvironmentFieldPath" ? [patch.fromFieldPath] : patch.type === "CombineFromEnvironment" ? patch.combine.variables.map((v: Obj) => v.fromFieldPath) : [];
                        for (const path of from as string[]) {
                            if (written.has(path.split(".")[0])) continue; // set by the Composition's own environment patches
                            assert.notEqual(resolve(contract, path), undefined, `${resource}: ${path} is not in PlatformEnvironment`);
                        }
                    }
                    for (const p of input.environment?.patches ?? []) {
                        assert.equal(resolve(contract, p.toFieldPath), undefined, `environment patch overwrites contract path ${p.toFieldPath}`);
                    }
                });

                it("namespaced objects land in the claim's namespace (or, for the Temporal client, the Temporal cluster's), never in a base default", () => {
                    for (const r of ptInput(c.object).resources as Obj[]) {
                        if (String(r.base.apiVersion).includes(".aws.upbound.io")) continue;
                        assert.equal(r.base.metadata?.namespace, undefined, r.name);
                        const ns = patches(c.object).filter((p) => p.resource === r.name && p.patch.toFieldPath === "metadata.namespace");
                        assert.equal(ns.length, 1, r.name);
                        assert.equal(ns[0].patch.policy?.fromFieldPath, "Required", r.name);
                        assert.ok(
                            ns[0].patch.fromFieldPath === "metadata.labels[crossplane.io/claim-namespace]" ||
                                (r.base.kind === "TemporalClusterClient" && ns[0].patch.fromFieldPath === "platform.temporal.namespace"),
                            `${r.name} namespace from ${ns[0].patch.fromFieldPath}`,
                        );
                    }
                });

                it("objects without a Ready condition have a readiness check that can pass (NetworkPolicy: None; TemporalClusterClient: NonEmpty secret)", () => {
                    for (const r of ptInput(c.object).resources as Obj[]) {
                        if (r.base.kind === "NetworkPolicy") assert.deepEqual(r.readinessChecks, [{ type: "None" }], r.name);
                        if (r.base.kind === "TemporalClusterClient") assert.deepEqual(r.readinessChecks, [{ type: "NonEmpty", fieldPath: "status.secretRef.name" }], r.name);
                    }
                });
            });
        }
    }
});
