import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import { UserInputError } from "../../cli/errors";
import {
    assertManifestValid,
    formatProblems,
    mergeRegistries,
    schemaRegistryFromXrd,
    validateAndDefault,
    validateManifest,
    type SchemaRegistry,
} from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { referenceClaim, xrd } from "./fixtures";



type Obj = Record<string, unknown>;
const params = (m: Obj) => (m.spec as Obj).parameters as Obj;

describe("manifest-validator: XRD-derived claim and XR schemas", () => {
    const claims = schemaRegistryFromXrd(manifest(xrd), "catalog/postgresql/definition.yaml");

    it("derives the XR and claim kinds of every served version", () => {
        assert.deepEqual(
            claims.entries().map((e) => `${e.group}/${e.version}/${e.kind} ${e.scope}`),
            ["platform.example.com/v1alpha1/XPostgreSQLInstance Cluster", "platform.example.com/v1alpha1/PostgreSQLInstance Namespaced"],
        );
    });

    it("accepts the reference claim unchanged, defaulting multiAZ and compositeDeletePolicy", () => {
        assertValid(claims, manifest(referenceClaim));
        const c = manifest(referenceClaim);
        delete params(c).multiAZ;
        const spec = validateAndDefault(claims, c).object?.spec as Obj;
        assert.equal((spec.parameters as Obj).multiAZ, true);
        assert.equal(spec.compositeDeletePolicy, "Background");
    });

    it("rejects a wrong type, a missing required parameter, an unknown field, a broken pattern", () => {
        const c = manifest(referenceClaim);
        params(c).storageGB = "50";
        delete params(c).instanceClass;
        params(c).engine = "postgres";
        assertErrors(claims, c, [
            "spec.parameters.storageGB: must be integer",
            "spec.parameters.instanceClass: is required",
            "spec.parameters.engine: unknown field",
        ]);
        const p = manifest(referenceClaim);
        params(p).instanceClass = "db.x1.huge";
        params(p).storageGB = 10n;
        assertErrors(claims, p, [
            "spec.parameters.instanceClass: must match pattern '^db\\.(t3|t4g|m6g|m7g|r6g|r7g)\\.[a-z0-9]+$'",
            "spec.parameters.storageGB: must be >= 20",
        ]);
        const f = manifest(referenceClaim);
        params(f).storageGB = 50.5;
        assertErrors(claims, f, ["spec.parameters.storageGB: must be integer"]);
    });

    it("runs the XRD's own CEL rules on the claim", () => {
        const c = manifest(referenceClaim);
        params(c).instanceClass = "db.t3.micro";
        assertErrors(claims, c, ["spec.parameters: multiAZ needs an instance class larger than db.t3.micro"]);
    });

    it("checks the injected Crossplane fields: claim and XR shapes differ", () => {
        const c = manifest(referenceClaim);
        (c.spec as Obj).compositionUpdatePolicy = "Sometimes";
        (c.spec as Obj).compositionRef = {};
        assertErrors(claims, c, ['spec.compositionUpdatePolicy: must be one of ["Automatic", "Manual"]', "spec.compositionRef.name: is required"]);
        const xr = manifest(referenceClaim);
        xr.kind = "XPostgreSQLInstance";
        delete (xr.metadata as Obj).namespace;
        assertErrors(claims, xr, ["spec.writeConnectionSecretToRef.namespace: is required"]);
        (xr.spec as Obj).writeConnectionSecretToRef = { name: "conn", namespace: "crossplane-system" };
        (xr.spec as Obj).claimRef = { apiVersion: "platform.example.com/v1alpha1", kind: "PostgreSQLInstance", name: "db" };
        assertErrors(claims, xr, ["spec.claimRef.namespace: is required"]);
        const defaulted = validateAndDefault(claims, { ...xr, spec: { parameters: params(xr) } }).object?.spec as Obj;
        assert.equal(defaulted.compositionUpdatePolicy, "Manual");
    });

    it("claim names are capped at 63 characters (they become label values)", () => {
        const c = manifest(referenceClaim);
        (c.metadata as Obj).name = "a".repeat(64);
        assertErrors(claims, c, ["metadata.name: must be at most 63 characters"]);
    });

    it("rejects with a UserInputError naming each field and rule (exit code 1)", () => {
        const c = manifest(referenceClaim);
        params(c).storageGB = "fifty";
        (c.spec as Obj).size = "large";
        assert.throws(
            () => assertManifestValid(claims, c),
            (e: unknown) =>
                e instanceof UserInputError &&
                e.exitCode === 1 &&
                e.message ===
                    [
                        "PostgreSQLInstance/claims-service-db is invalid:",
                        "  - spec.size: unknown field",
                        "  - spec.parameters.storageGB: must be integer",
                    ].join("\n"),
        );
        assert.deepEqual(assertManifestValid(claims, manifest(referenceClaim)), []);
        assert.deepEqual(formatProblems(c, validateManifest(claims, c).slice(0, 1)), ["PostgreSQLInstance/claims-service-db: spec.size: unknown field"]);
    });

    it("bad XRDs are UserInputErrors naming the field", () => {
        const noGroup = manifest(xrd);
        delete (noGroup.spec as Obj).group;
        assert.throws(() => schemaRegistryFromXrd(noGroup, "x.yaml"), /x\.yaml: CompositeResourceDefinition spec\.group: is required/);
        const v2 = manifest(xrd);
        v2.apiVersion = "apiextensions.crossplane.io/v2";
        delete (v2.spec as Obj).scope;
        assert.throws(() => schemaRegistryFromXrd(v2, "x.yaml"), (e: unknown) => e instanceof UserInputError && /claimNames: Only LegacyCluster/.test(e.message));
        assert.throws(() => schemaRegistryFromXrd({ kind: "Composition" }), UserInputError);
    });

    it("a v2 XRD (Namespaced) nests the machinery under spec.crossplane", () => {
        const v2 = manifest(xrd);
        v2.apiVersion = "apiextensions.crossplane.io/v2";
        delete (v2.spec as Obj).scope;
        delete (v2.spec as Obj).claimNames;
        const reg = schemaRegistryFromXrd(v2);
        const xr = manifest(referenceClaim);
        xr.kind = "XPostgreSQLInstance";
        assertErrors(reg, xr, ["spec.compositionRef: unknown field", "spec.writeConnectionSecretToRef: unknown field"]);
        (xr.spec as Obj).crossplane = { compositionRef: { name: "postgresql-aws-standard" } };
        delete (xr.spec as Obj).compositionRef;
        delete (xr.spec as Obj).writeConnectionSecretToRef;
        assertValid(reg, xr);
    });

    describeWithCrds("with the upstream CRDs", () => {
        let all: SchemaRegistry;
        before(() => {
            all = mergeRegistries(crdRegistry(), claims);
        });

        it("the XRD itself is valid against the XRD CRD (v1 with claimNames)", () => {
            assertValid(all, manifest(xrd));
        });

        it("the XRD CRD's own rules: lowercase plural, v2 rejects claimNames", () => {
            const upper = manifest(xrd);
            ((upper.spec as Obj).claimNames as Obj).plural = "PostgreSQLInstances";
            assertErrors(all, upper, ["spec.claimNames: Plural name must be lowercase"]);
            const v2 = manifest(xrd);
            v2.apiVersion = "apiextensions.crossplane.io/v2";
            (v2.spec as Obj).scope = "Namespaced";
            assertErrors(all, v2, [
                "spec: Claims aren't supported in apiextensions.crossplane.io/v2",
                "spec: XR connection secrets aren't supported in apiextensions.crossplane.io/v2",
            ]);
        });

        it("one merged registry validates claims and provider resources alike", () => {
            assertValid(all, manifest(referenceClaim));
            const noSchema = validateManifest(all, { apiVersion: "platform.example.com/v1", kind: "PostgreSQLInstance", metadata: { name: "a" } });
            assert.equal(noSchema[0].type, "NoSchema");
            assert.match(noSchema[0].rule, / \+ XRD xpostgresqlinstances\.platform\.example\.com \(served versions of PostgreSQLInstance: v1alpha1\)$/);
        });
    });
});
