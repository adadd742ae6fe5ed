import * as path from "node:path";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { runPolicyPacks, type PolicyRunReport } from "../../offline-engine/policy-runner";
import { runProgram } from "../../offline-engine/run-program";
import { packRunsFor } from "../../cli/packs";

export const repositoryRoot = path.resolve(__dirname, "..", "..");

const cache = new Map<string, Promise<ResourceGraph>>();

/** The program's graph for a stack (runs are cached: the program is deterministic). */
export function stackGraph(stack: string, configOverrides?: Record<string, string>): Promise<ResourceGraph> {
    const key = `${stack}\u0000${JSON.stringify(configOverrides ?? {})}`;
    if (!cache.has(key)) {
        cache.set(key, runProgram({ programPath: repositoryRoot, stack, configOverrides }));
    }
    return cache.get(key)!;
}

export async function stackPolicies(graph: ResourceGraph): Promise<PolicyRunReport> {
    return runPolicyPacks(graph, packRunsFor(graph.stack));
}

export function ofType(graph: ResourceGraph, type: string): RecordedResource[] {
    return graph.resources.filter((r) => r.type === type);
}

export function one(graph: ResourceGraph, type: string, name?: string): RecordedResource {
    const matches = ofType(graph, type).filter((r) => name === undefined || r.name === name);
    if (matches.length !== 1) {
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${matches.length}`);
    }
    return matches[0];
}

export function input<T = any>(r: RecordedResource, pathExpr: string): T {
    return pathExpr.split(".").reduce<any>((v, k) => (v === undefined || v === null ? undefined : v[k]), r.inputs) as T;
}

/** Reads a Pulumi config object value as the runtime sees it (JSON text). */
export function configJson(value: unknown): string {
    return JSON.stringify(value);
}
