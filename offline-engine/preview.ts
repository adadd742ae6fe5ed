import type { RecordedResource, ResourceGraph } from "./graph";
import { runPolicyPacks, type PackRun, type PolicyEvaluation, type PolicyPackDefinition, type PolicyResult } from "./policy-runner";
import { remoteComponentTypes } from "./remote-component-outputs";
import { runProgram, type RunProgramOptions } from "./run-program";

/** Everything one offline preview produced: the graph, the policy results and what offline could not see. */
export interface PreviewResult {
    graph: ResourceGraph;
    packs: PolicyPackDefinition[];
    results: PolicyResult[];
    evaluations: PolicyEvaluation[];
    notes: OfflineNotes;
}

export interface OfflineNotes {
    /** Remote components: one opaque resource offline; their children exist only in a real preview. */
    remoteComponents: { urn: string; type: string; name: string }[];
    /** Inputs whose value the offline engine could not know (a fake output is missing). */
    unknownInputs: { urn: string; paths: string[] }[];
    /** Functions the engine had no fake result for (their inputs were echoed back). */
    unfakedFunctions: string[];
}

export async function preview(options: RunProgramOptions & { packs: PackRun[] }): Promise<PreviewResult> {
    const graph = await runProgram(options);
    const report = await runPolicyPacks(graph, options.packs);
    return { graph, packs: options.packs.map((p) => p.pack), results: report.results, evaluations: report.evaluations, notes: offlineNotes(graph) };
}

export function offlineNotes(graph: ResourceGraph): OfflineNotes {
    return {
        remoteComponents: graph.resources.filter((r) => r.remote || remoteComponentTypes.has(r.type)).map(({ urn, type, name }) => ({ urn, type, name })),
        unknownInputs: graph.resources.filter((r) => r.unknownInputs.length > 0).map((r) => ({ urn: r.urn, paths: r.unknownInputs })),
        unfakedFunctions: [...new Set(graph.invokes.filter((i) => !i.faked).map((i) => i.token))].sort(),
    };
}

/** Violations that fail the preview: mandatory ones (including remediate-level violations and policy errors). */
export function blockingResults(results: PolicyResult[]): PolicyResult[] {
    return results.filter((r) => r.level === "mandatory" && r.kind !== "remediation");
}

export function countByType(resources: RecordedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
