import * as fs from "node:fs";
import * as path from "node:path";
import { loadCatalog } from "../../catalog";
import { renderClaim } from "../../catalog/render";
import type { JsonObject } from "../../composition-renderer";
import { parseManifests } from "../../manifest-validator";
import { median, timeInProcess, type BenchFigure } from "../stats";

type Obj = Record<string, any>;

/** `count` claims of every catalog API in turn: the example claims, each under its own name and namespace. */
export function benchClaims(count: number): JsonObject[] {
    const examples = loadCatalog().apis.flatMap((api) => api.examples.map((e) => e.object));
    return Array.from({ length: count }, (_, i) => {
        const claim = JSON.parse(JSON.stringify(examples[i % examples.length], (_k, v) => (typeof v === "bigint" ? `${v}n` : v)), (_k, v) =>
            typeof v === "string" && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
        ) as Obj;
        claim.metadata = { name: `${claim.metadata.name}-${i}`, namespace: `team-${i % 37}` };
        return claim as JsonObject;
    });
}

/**
 * (c) 1,000 claims of mixed kinds through the catalog: each validated and defaulted against its XRD,
 * turned into its XR and rendered through its Composition (one reconcile), the way `paved render` does.
 */
export async function catalogRenderSuite(count = 1000, iterations = 9): Promise<BenchFigure[]> {
    const environment = parseManifests(fs.readFileSync(path.join(__dirname, "..", "..", "test", "catalog", "fixtures", "environment.yaml"), "utf8"))[0] as JsonObject;
    const claims = benchClaims(count);
    let composed = 0;
    const cpu: number[] = [];
    const samples = await timeInProcess(iterations, () => {
        const start = process.cpuUsage();
        composed = 0;
        for (const claim of claims) composed += renderClaim(claim, { environment }).output.resources.length;
        const used = process.cpuUsage(start);
        cpu.push((used.user + used.system) / 1000);
    });
    const ms = median(samples);
    // CPU time too: on a shared machine wall time includes waiting for a core.
    const cpuMs = median(cpu.slice(1));
    return [
        {
            name: `catalog render: ${count} claims (${loadCatalog().apis.length} kinds), schema check + XR + one reconcile each, median`,
            value: `${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${iterations} runs, ${composed} composed resources, ${(ms / count).toFixed(2)} ms per claim)`,
            target: "< 1000 ms",
            met: ms < 1000,
        },
    ];
}
