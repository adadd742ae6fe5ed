import { strict as assert } from "assert";
import { buildResourceMap, guessPlural } from "../../admission-evaluator";
import { errorOf, fixtureResourceMap } from "./helpers";

const xrd = (apiVersion: string, spec: Record<string, unknown>) => ({
    apiVersion, kind: "CompositeResourceDefinition", metadata: { name: "x" },
    spec: { group: "platform.example.com", names: { kind: "XThing", plural: "xthings" }, versions: [{ name: "v1alpha1" }], ...spec },
});

describe("admission-evaluator: resource map", () => {
    it("knows the core kinds", () => {
        const map = buildResourceMap();
        assert.deepEqual(pick(map.get("", "Namespace")), ["namespaces", false]);
        assert.deepEqual(pick(map.get("", "ConfigMap")), ["configmaps", true]);
        assert.deepEqual(pick(map.get("", "Pod")), ["pods", true]);
        assert.deepEqual(pick(map.get("apps", "Deployment")), ["deployments", true]);
        assert.deepEqual(pick(map.get("networking.k8s.io", "NetworkPolicy")), ["networkpolicies", true]);
    });

    it("maps a v1 XRD's cluster-scoped XR and its namespaced claim", () => {
        const map = fixtureResourceMap();
        assert.deepEqual(pick(map.get("platform.example.com", "PostgreSQLInstance")), ["postgresqlinstances", true]);
        assert.deepEqual(pick(map.get("platform.example.com", "XPostgreSQLInstance")), ["xpostgresqlinstances", false]);
        assert.deepEqual(map.get("platform.example.com", "S3Bucket")?.versions, ["v1alpha1"]);
    });

    it("defaults scope per XRD version: v1 LegacyCluster, v2 Namespaced", () => {
        assert.equal(buildResourceMap([xrd("apiextensions.crossplane.io/v1", {})]).get("platform.example.com", "XThing")?.namespaced, false);
        assert.equal(buildResourceMap([xrd("apiextensions.crossplane.io/v2", {})]).get("platform.example.com", "XThing")?.namespaced, true);
        assert.equal(buildResourceMap([xrd("apiextensions.crossplane.io/v2", { scope: "Cluster" })]).get("platform.example.com", "XThing")?.namespaced, false);
    });

    it("maps a CRD with its scope", () => {
        const crd = {
            apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "nodepools.karpenter.sh" },
            spec: { group: "karpenter.sh", scope: "Cluster", names: { kind: "NodePool", plural: "nodepools" }, versions: [{ name: "v1" }] },
        };
        assert.deepEqual(pick(buildResourceMap([crd]).get("karpenter.sh", "NodePool")), ["nodepools", false]);
    });

    it("rejects something that is not a definition, and a definition without names, naming the field", () => {
        assert.match(errorOf(() => buildResourceMap([{ apiVersion: "v1", kind: "ConfigMap" }])), /definitions\[0\]: kind v1\/ConfigMap is not a CustomResourceDefinition/);
        assert.match(errorOf(() => buildResourceMap([xrd("apiextensions.crossplane.io/v1", { claimNames: { kind: "Thing" } })])), /x: spec\.claimNames\.plural is required/);
    });

    it("guesses a plural like Kyverno's CLI (UnsafeGuessKindToResource)", () => {
        assert.equal(guessPlural("PostgreSQLInstance"), "postgresqlinstances");
        assert.equal(guessPlural("Ingress"), "ingresses");
        assert.equal(guessPlural("NetworkPolicy"), "networkpolicies");
        assert.equal(guessPlural("Endpoints"), "endpoints");
    });
});

function pick(info: { plural: string; namespaced: boolean } | undefined): [string, boolean] | undefined {
    return info ? [info.plural, info.namespaced] : undefined;
}
