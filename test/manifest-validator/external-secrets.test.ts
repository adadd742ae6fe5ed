import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import { validateAndDefault, validateManifest, type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { clusterSecretStore, externalSecret } from "./fixtures";



type Obj = Record<string, unknown>;
const spec = (m: Obj) => m.spec as Obj;

describeWithCrds("manifest-validator: external-secrets v1", () => {
    let reg: SchemaRegistry;
    before(() => {
        reg = crdRegistry();
    });

    it("accepts an ExternalSecret and defaults its target policies", () => {
        assertValid(reg, manifest(externalSecret));
        const target = spec(validateAndDefault(reg, manifest(externalSecret)).object as Obj).target as Obj;
        assert.equal(target.deletionPolicy, "Retain");
    });

    it("ExternalSecret: bad secretKey, store kind, missing remoteRef, bad target name", () => {
        const m = manifest(externalSecret);
        const data = spec(m).data as Obj[];
        data[0].secretKey = "user name";
        delete data[1].remoteRef;
        (spec(m).secretStoreRef as Obj).kind = "VaultStore";
        (spec(m).target as Obj).name = "Claims_DB";
        assertErrors(reg, m, [
            "spec.data[0].secretKey: must match pattern '^[-._a-zA-Z0-9]+$'",
            "spec.data[1].remoteRef: is required",
            'spec.secretStoreRef.kind: must be one of ["SecretStore", "ClusterSecretStore"]',
            "spec.target.name: must match pattern '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'",
        ]);
    });

    it("the v1beta1 version is no longer served", () => {
        const m = manifest(externalSecret);
        m.apiVersion = "external-secrets.io/v1beta1";
        const problems = validateManifest(reg, m);
        assert.equal(problems.length, 1);
        assert.match(problems[0].rule, /^no schema for external-secrets\.io\/v1beta1\/ExternalSecret in .* \(served versions of ExternalSecret: v1\)$/);
    });

    it("accepts a ClusterSecretStore on AWS Secrets Manager with IRSA", () => {
        assertValid(reg, manifest(clusterSecretStore));
    });

    it("ClusterSecretStore: service enum, missing region, store is cluster-scoped (namespace ignored)", () => {
        const m = manifest(clusterSecretStore);
        const aws = (spec(m).provider as Obj).aws as Obj;
        aws.service = "KMS";
        delete aws.region;
        (m.metadata as Obj).namespace = "external-secrets";
        const problems = assertErrors(reg, m, [
            'spec.provider.aws.service: must be one of ["SecretsManager", "ParameterStore", "CertificateManager"]',
            "spec.provider.aws.region: is required",
        ]);
        assert.ok(problems.some((p) => p.path === "metadata.namespace" && p.severity === "warning"));
    });

    it("ClusterSecretStore: a CEL rule on customSessionTags", () => {
        const m = manifest(clusterSecretStore);
        ((spec(m).provider as Obj).aws as Obj).customSessionTags = { esoNamespace: "x" };
        assertErrors(reg, m, ["spec.provider.aws.customSessionTags: " + ruleMessage(reg)]);
    });
});

/** The message the CRD gives the customSessionTags rule (read from the CRD, not guessed). */
function ruleMessage(reg: SchemaRegistry): string {
    const schema = reg.lookup("external-secrets.io/v1", "ClusterSecretStore")?.schema;
    const tags = schema?.properties?.spec?.properties?.provider?.properties?.aws?.properties?.customSessionTags;
    const message = tags?.["x-kubernetes-validations"]?.[0]?.message;
    assert.ok(message, "customSessionTags has a rule with a message");
    return message;
}
