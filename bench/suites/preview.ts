import * as path from "node:path";
import { runProgram } from "../../offline-engine/run-program";
import { median, sampleNodeProcess, type BenchFigure } from "../stats";

const root = path.resolve(__dirname, "..", "..");

/** (a) Offline preview of prod in a fresh process vs a bare process loading the same SDK modules. */
export async function previewSuite(runs = 7): Promise<BenchFigure[]> {
    const graph = await runProgram({ programPath: root, stack: "prod" });
    const awsModules = [...new Set(graph.resources.filter((r) => r.type.startsWith("aws:")).map((r) => r.type.split(":")[1].split("/")[0]))].sort();
    const preview = Array.from({ length: runs }, () => sampleNodeProcess([path.join(root, "bin", "paved.js"), "preview", "--stack", "prod", "--format", "json"], root));
    const baseline = Array.from({ length: runs }, () => sampleNodeProcess([path.join(root, "bench", "load-sdks.js"), ...awsModules], root));
    if (preview.some((s) => s.status !== 0)) {
        throw new Error("the prod preview did not exit 0");
    }
    const previewMs = median(preview.map((s) => s.wallMs));
    const baselineMs = median(baseline.map((s) => s.wallMs));
    const ratio = previewMs / baselineMs;
    return [
        { name: "preview prod: median wall time", value: `${previewMs.toFixed(0)} ms (${runs} runs, ${graph.resources.length} resources)` },
        { name: "preview prod: median peak RSS", value: `${median(preview.map((s) => s.maxRssMiB)).toFixed(0)} MiB` },
        { name: "baseline (load the same SDK modules): median wall time", value: `${baselineMs.toFixed(0)} ms, peak RSS ${median(baseline.map((s) => s.maxRssMiB)).toFixed(0)} MiB` },
        { name: "preview / baseline wall time", value: `${ratio.toFixed(2)}x`, target: "<= 2.5x", met: ratio <= 2.5 },
    ];
}
