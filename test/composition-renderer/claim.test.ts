// claimToComposite: the claim controller's first sync, plus the XR-side defaults.
import { strict as assert } from "node:assert";
import { UserInputError } from "../../cli/errors";
import { JsonObject, claimToComposite } from "../../composition-renderer";
import { renderFixture } from "./load";

const xrd = (): JsonObject => renderFixture("xrd.yaml");
const claim = (): JsonObject => renderFixture("claim.yaml");

describe("claimToComposite", () => {
    it("builds the XR kind, apiVersion, generated name and claim labels from the XRD", () => {
        const xr = claimToComposite(claim(), xrd());
        assert.equal(xr.apiVersion, "platform.example.com/v1alpha1");
        assert.equal(xr.kind, "XPostgreSQLInstance");
        const meta = xr.metadata as JsonObject;
        assert.match(meta.name as string, /^claims-service-db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
        assert.deepEqual(meta.labels, {
            "crossplane.io/claim-name": "claims-service-db",
            "crossplane.io/claim-namespace": "claims-service",
            "crossplane.io/composite": meta.name,
        });
        assert.deepEqual(claimToComposite(claim(), xrd()), xr, "deterministic");
    });

    it("copies the spec, sets claimRef, keeps compositionRef and drops the claim's own fields", () => {
        const spec = claimToComposite(claim(), xrd()).spec as JsonObject;
        assert.deepEqual(spec.parameters, { storageGB: 50n, instanceClass: "db.t3.medium", multiAZ: true });
        assert.deepEqual(spec.compositionRef, { name: "postgresql-aws-standard" });
        assert.deepEqual(spec.claimRef, {
            apiVersion: "platform.example.com/v1alpha1",
            kind: "PostgreSQLInstance",
            name: "claims-service-db",
            namespace: "claims-service",
        });
        assert.equal(spec.writeConnectionSecretToRef, undefined, "the claim's secret ref is the claim's, not the XR's");
        assert.equal(spec.compositionUpdatePolicy, "Manual", "defaultCompositionUpdatePolicy");
    });

    it("does not propagate XR machinery a claim smuggles in (crossplane 1a9fc15 'DoNotPropagateInjectedMachineryFields')", () => {
        const c = claim();
        Object.assign(c.spec as JsonObject, {
            resourceRefs: [{ apiVersion: "v1", kind: "Secret", name: "victim" }],
            claimRef: { apiVersion: "x", kind: "y", name: "z", namespace: "w" },
            resourceRef: { apiVersion: "x", kind: "y", name: "other-xr" },
            compositeDeletePolicy: "Foreground",
            compositionRevisionRef: { name: "rev-1" },
            userDefinedField: "spec",
        });
        const spec = claimToComposite(c, xrd(), { name: "explicit-name" }).spec as JsonObject;
        assert.equal(spec.resourceRefs, undefined);
        assert.equal(spec.compositeDeletePolicy, undefined);
        assert.equal(spec.compositionRevisionRef, undefined);
        assert.equal(spec.resourceRef, undefined);
        assert.equal((spec.claimRef as JsonObject).name, "claims-service-db");
        assert.equal(spec.userDefinedField, "spec");
    });

    it("binds to the XR a claim already references", () => {
        const c = claim();
        (c.spec as JsonObject).resourceRef = { apiVersion: "platform.example.com/v1alpha1", kind: "XPostgreSQLInstance", name: "bound-xr" };
        assert.equal((claimToComposite(c, xrd()).metadata as JsonObject).name, "bound-xr");
    });

    it("selects the default composition when the claim names none, and the enforced one always", () => {
        const c = claim();
        delete (c.spec as JsonObject).compositionRef;
        assert.deepEqual((claimToComposite(c, xrd()).spec as JsonObject).compositionRef, { name: "postgresql-aws-standard" });
        const withSelector = claim();
        delete (withSelector.spec as JsonObject).compositionRef;
        (withSelector.spec as JsonObject).compositionSelector = { matchLabels: { tier: "gold" } };
        assert.equal((claimToComposite(withSelector, xrd()).spec as JsonObject).compositionRef, undefined);
        const enforced = xrd();
        (enforced.spec as JsonObject).enforcedCompositionRef = { name: "locked" };
        assert.deepEqual((claimToComposite(claim(), enforced).spec as JsonObject).compositionRef, { name: "locked" });
    });

    it("filters reserved Kubernetes labels and annotations", () => {
        const c = claim();
        (c.metadata as JsonObject).labels = { team: "payments", "app.kubernetes.io/name": "x" };
        (c.metadata as JsonObject).annotations = { "kubectl.kubernetes.io/last-applied-configuration": "{}", note: "kept" };
        const meta = claimToComposite(c, xrd()).metadata as JsonObject;
        assert.equal((meta.labels as JsonObject).team, "payments");
        assert.equal((meta.labels as JsonObject)["app.kubernetes.io/name"], undefined);
        assert.deepEqual(meta.annotations, { note: "kept" });
    });

    it("with a composition, namespaces the XR connection secret into writeConnectionSecretsToNamespace", () => {
        const xr = claimToComposite(claim(), xrd(), { composition: renderFixture("composition.yaml"), uid: "uid-1" });
        assert.deepEqual((xr.spec as JsonObject).writeConnectionSecretToRef, { name: "uid-1", namespace: "crossplane-system" });
    });

    it("rejects a claim the XRD does not offer, naming the field", () => {
        const wrongKind = claim();
        wrongKind.kind = "MySQLInstance";
        assert.throws(() => claimToComposite(wrongKind, xrd()), (e: unknown) => e instanceof UserInputError && /claim kind/.test(e.message));
        const wrongVersion = claim();
        wrongVersion.apiVersion = "platform.example.com/v9";
        assert.throws(() => claimToComposite(wrongVersion, xrd()), /claim apiVersion/);
        const namespaced = xrd();
        (namespaced.spec as JsonObject).scope = "Namespaced";
        assert.throws(() => claimToComposite(claim(), namespaced), /spec.scope: must be LegacyCluster/);
    });
});
