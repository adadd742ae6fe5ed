import * as assert from "node:assert/strict";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { waitsFor } from "./graph";
import { ofType } from "./stacks";

/** Reading the add-ons' resources in a recorded graph. */

export const releaseType = "kubernetes:helm.sh/v3:Release";
export const namespaceType = "kubernetes:core/v1:Namespace";
export const networkPolicyType = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/** The Helm release installed under this Helm release name. */
export function release(graph: ResourceGraph, name: string): RecordedResource {
    const matches = ofType(graph, releaseType).filter((r) => r.inputs.name === name);
    assert.equal(matches.length, 1, `one release named ${name}`);
    return matches[0];
}

/** Custom resources of an API group (`kubernetes:<group>/<version>:<Kind>`). */
export function customResources(graph: ResourceGraph, group: string): RecordedResource[] {
    const prefix = `kubernetes:${group}/`;
    return graph.resources.filter((r) => r.type.startsWith(prefix));
}

/** The Namespace object and every NetworkPolicy in it. */
export function namespaceObjects(graph: ResourceGraph, namespace: string): { namespace: RecordedResource; policies: RecordedResource[] } {
    const ns = ofType(graph, namespaceType).filter((r) => (r.inputs.metadata as { name?: string })?.name === namespace);
    assert.equal(ns.length, 1, `one Namespace ${namespace}`);
    const policies = ofType(graph, networkPolicyType).filter((r) => (r.inputs.metadata as { namespace?: string })?.namespace === namespace);
    return { namespace: ns[0], policies };
}

export function policyNamed(graph: ResourceGraph, namespace: string, name: string): RecordedResource | undefined {
    return namespaceObjects(graph, namespace).policies.find((p) => (p.inputs.metadata as { name?: string }).name === name);
}

/** A release waits for its namespace and every network policy in it (default-deny and the allows). */
export function assertReleaseWaitsForNamespace(graph: ResourceGraph, releaseName: string, namespace: string): void {
    const r = release(graph, releaseName);
    assert.equal(r.inputs.namespace, namespace);
    const { namespace: ns, policies } = namespaceObjects(graph, namespace);
    assert.ok(policies.length >= 4, `${namespace} has its policies`);
    for (const dependency of [ns, ...policies]) {
        assert.ok(waitsFor(graph, r, dependency), `release ${releaseName} does not wait for ${dependency.name}`);
    }
}

/** The namespace denies all ingress and egress by default. */
export function assertDefaultDeny(graph: ResourceGraph, namespace: string): void {
    const deny = policyNamed(graph, namespace, "default-deny");
    assert.ok(deny, `${namespace} has a default-deny policy`);
    assert.deepEqual(deny.inputs.spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
}

/** Every custom resource of the group waits (transitively) for the release that serves its CRD. */
export function assertCustomResourcesWaitFor(graph: ResourceGraph, group: string, releaseName: string, expectedAtLeast: number): RecordedResource[] {
    const r = release(graph, releaseName);
    const crs = customResources(graph, group);
    assert.ok(crs.length >= expectedAtLeast, `at least ${expectedAtLeast} ${group} resources, found ${crs.length}`);
    for (const cr of crs) {
        assert.ok(waitsFor(graph, cr, r), `${cr.type} ${cr.name} does not wait for release ${releaseName}`);
    }
    return crs;
}

/** Every string leaf of a value with its dotted path (`spec.data[0].remoteRef.key`). */
export function stringLeaves(value: unknown, path = ""): { path: string; value: string }[] {
    if (typeof value === "string") {
        return [{ path, value }];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
    }
    if (typeof value === "object" && value !== null) {
        return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, path ? `${path}.${k}` : k));
    }
    return [];
}

/** Egress or ingress ports of a NetworkPolicy's first rule. */
export function rulePorts(policy: RecordedResource, direction: "ingress" | "egress"): number[] {
    const rules = (policy.inputs.spec as Record<string, { ports?: { port: number }[] }[]>)[direction] ?? [];
    return rules.flatMap((rule) => (rule.ports ?? []).map((p) => p.port));
}
