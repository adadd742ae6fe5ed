import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";

/** Every URN `urn` waits for before it is created: its dependencies, transitively. */
export function transitiveDependencies(graph: ResourceGraph, urn: string): Set<string> {
    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    const seen = new Set<string>();
    const stack = [...(byUrn.get(urn)?.dependencies ?? [])];
    while (stack.length > 0) {
        const next = stack.pop()!;
        if (!seen.has(next)) {
            seen.add(next);
            stack.push(...(byUrn.get(next)?.dependencies ?? []));
        }
    }
    return seen;
}

/** True when `dependent` is created only after `dependency` (directly or through other resources). */
export function waitsFor(graph: ResourceGraph, dependent: RecordedResource, dependency: RecordedResource): boolean {
    return transitiveDependencies(graph, dependent.urn).has(dependency.urn);
}
