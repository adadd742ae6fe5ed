import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import { validateAndDefault, validateManifest, type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { rdsInstance, replicationGroup, s3Bucket } from "./fixtures";


/** The RDS instance with a change to spec.forProvider (null deletes). */
function rds(forProvider: Record<string, unknown>, spec: Record<string, unknown> = {}): Record<string, unknown> {
    const m = manifest(rdsInstance);
    const s = m.spec as Record<string, unknown>;
    const fp = s.forProvider as Record<string, unknown>;
    for (const [k, v] of Object.entries(forProvider)) {
        if (v === null) delete fp[k];
        else fp[k] = v;
    }
    Object.assign(s, spec);
    return m;
}

describeWithCrds("manifest-validator: provider-upjet-aws managed resources", () => {
    let reg: SchemaRegistry;
    before(() => {
        reg = crdRegistry();
    });

    describe("rds Instance v1beta3", () => {
        it("accepts a compliant instance and defaults deletionPolicy, managementPolicies and providerConfigRef", () => {
            assertValid(reg, manifest(rdsInstance));
            const spec = validateAndDefault(reg, manifest(rdsInstance)).object?.spec as Record<string, unknown>;
            assert.equal(spec.deletionPolicy, "Delete");
            assert.deepEqual(spec.managementPolicies, ["*"]);
            assert.deepEqual(spec.providerConfigRef, { name: "default" });
        });

        it("a missing forProvider.region is required by the schema (and CEL rules are then skipped)", () => {
            const problems = assertErrors(reg, rds({ region: null }), ["spec.forProvider.region: is required"]);
            assert.ok(problems.some((p) => p.type === "RulesSkipped" && p.severity === "warning"));
        });

        it("the CEL rule fires when instanceClass is missing and Create is allowed", () => {
            assertErrors(reg, rds({ instanceClass: null }), ["spec: spec.forProvider.instanceClass is a required parameter"]);
        });

        it("instanceClass in initProvider satisfies the rule; observe-only needs no instanceClass", () => {
            assertValid(reg, rds({ instanceClass: null }, { initProvider: { instanceClass: "db.t3.medium" } }));
            assertValid(reg, rds({ instanceClass: null }, { managementPolicies: ["Observe"] }));
        });

        it("wrong types, enums, unknown fields and set duplicates name the exact path", () => {
            assertErrors(reg, rds({ allocatedStorage: "50" }), ["spec.forProvider.allocatedStorage: must be number"]);
            assertErrors(reg, rds({ storageEncrypted: "true" }), ["spec.forProvider.storageEncrypted: must be boolean"]);
            assertErrors(reg, rds({}, { deletionPolicy: "Keep" }), ['spec.deletionPolicy: must be one of ["Orphan", "Delete"]']);
            assertErrors(reg, rds({}, { managementPolicies: ["Observe", "Destroy"] }), [
                'spec.managementPolicies[1]: must be one of ["Observe", "Create", "Update", "Delete", "LateInitialize", "*"]',
            ]);
            assertErrors(reg, rds({ storageGB: 50n }), ["spec.forProvider.storageGB: unknown field"]);
            assertErrors(reg, rds({ vpcSecurityGroupIds: ["sg-1", "sg-2", "sg-1"] }), ["spec.forProvider.vpcSecurityGroupIds[2]: duplicate of [0]"]);
        });

        it("a cluster-scoped MR's connection secret needs a namespace", () => {
            assertErrors(reg, rds({}, { writeConnectionSecretToRef: { name: "conn" } }), ["spec.writeConnectionSecretToRef.namespace: is required"]);
        });

        it("the deprecated v1beta1 is served, with a deprecation warning", () => {
            const old = manifest(rdsInstance);
            old.apiVersion = "rds.aws.upbound.io/v1beta1";
            const problems = validateManifest(reg, old);
            assert.ok(problems.some((p) => p.type === "Deprecated" && p.rule.includes("Deprecated since v2.6.0")));
        });
    });

    describe("s3 Bucket v1beta2", () => {
        it("accepts a bucket", () => {
            assertValid(reg, manifest(s3Bucket));
        });

        it("rejects wrong types, an unknown field, a missing region", () => {
            const b = manifest(s3Bucket);
            const fp = (b.spec as Record<string, Record<string, unknown>>).forProvider;
            fp.forceDestroy = "no";
            fp.tags = { Owner: 7n };
            fp.acl = "private";
            delete fp.region;
            assertErrors(reg, b, [
                "spec.forProvider.acl: unknown field",
                "spec.forProvider.forceDestroy: must be boolean",
                "spec.forProvider.tags[Owner]: must be string",
                "spec.forProvider.region: is required",
            ]);
        });

        it("an unknown version says which versions are served", () => {
            const b = manifest(s3Bucket);
            b.apiVersion = "s3.aws.upbound.io/v1beta9";
            assertErrors(reg, b, [`no schema for s3.aws.upbound.io/v1beta9/Bucket in ${reg.source} (served versions of Bucket: v1beta1, v1beta2)`]);
        });
    });

    describe("elasticache ReplicationGroup v1beta2", () => {
        it("accepts its string booleans", () => {
            assertValid(reg, manifest(replicationGroup));
        });

        it("a real boolean where the CRD wants a string (and vice versa) is a type error", () => {
            const g = manifest(replicationGroup);
            const fp = (g.spec as Record<string, Record<string, unknown>>).forProvider;
            fp.atRestEncryptionEnabled = true;
            fp.transitEncryptionEnabled = "true";
            assertErrors(reg, g, [
                "spec.forProvider.atRestEncryptionEnabled: must be string",
                "spec.forProvider.transitEncryptionEnabled: must be boolean",
            ]);
        });

        it("the CEL rule requires a description", () => {
            const g = manifest(replicationGroup);
            delete (g.spec as Record<string, Record<string, unknown>>).forProvider.description;
            assertErrors(reg, g, ["spec: spec.forProvider.description is a required parameter"]);
        });
    });

    describe("other provider kinds", () => {
        it("an ingress rule needs ipProtocol (CEL) and typed ports", () => {
            const rule = manifest(`
apiVersion: ec2.aws.upbound.io/v1beta1
kind: SecurityGroupIngressRule
metadata: {name: rds-from-eks}
spec:
  forProvider:
    region: us-east-1
    fromPort: 5432
    toPort: 5432
    securityGroupIdSelector: {matchControllerRef: true}
`);
            assertErrors(reg, rule, ["spec: spec.forProvider.ipProtocol is a required parameter"]);
            const fp = (rule.spec as Record<string, Record<string, unknown>>).forProvider;
            fp.ipProtocol = "tcp";
            assertValid(reg, rule);
            fp.fromPort = "5432";
            assertErrors(reg, rule, ["spec.forProvider.fromPort: must be number"]);
        });

        it("a PodIdentityAssociation's `namespace` parameter is reached through CEL escaping (__namespace__)", () => {
            const pia = manifest(`
apiVersion: eks.aws.upbound.io/v1beta1
kind: PodIdentityAssociation
metadata: {name: eso}
spec:
  forProvider:
    region: us-east-1
    clusterName: platform
    serviceAccount: external-secrets
    roleArn: arn:aws:iam::123456789012:role/eso
`);
            assertErrors(reg, pia, ["spec: spec.forProvider.namespace is a required parameter"]);
            ((pia.spec as Record<string, Record<string, unknown>>).forProvider as Record<string, unknown>).namespace = "external-secrets";
            assertValid(reg, pia);
        });

        it("a ProviderConfig's durations are compared with CEL duration()", () => {
            const pc = manifest(`
apiVersion: aws.upbound.io/v1beta1
kind: ProviderConfig
metadata: {name: default}
spec:
  credentials: {source: IRSA}
`);
            assertValid(reg, pc);
            const limiter = (baseDelay: string, maxDelay?: string) => {
                const m = manifest(JSON.stringify(pc));
                (m.spec as Record<string, unknown>).reconciliationPolicy = {
                    exponentialFailureRateLimiter: maxDelay ? { baseDelay, maxDelay } : { baseDelay },
                };
                return m;
            };
            assertValid(reg, limiter("5s", "2m"));
            assertErrors(reg, limiter("500ms", "2m"), ["spec.reconciliationPolicy.exponentialFailureRateLimiter.baseDelay: baseDelay must be at least 1s"]);
            assertErrors(reg, limiter("2m"), ["spec.reconciliationPolicy: when maxDelay is omitted it defaults to 60s; baseDelay must be <= 60s"]);
            assertErrors(reg, limiter("30s", "10s"), [
                "spec.reconciliationPolicy.exponentialFailureRateLimiter.maxDelay: maxDelay must be at least 60s",
                "spec.reconciliationPolicy.exponentialFailureRateLimiter: maxDelay must be greater than or equal to baseDelay",
            ]);
        });
    });
});
