import { spawnSync } from "node:child_process";

export function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface ProcessSample {
    wallMs: number;
    maxRssMiB: number;
    status: number | null;
}

/** Runs a node command in a fresh process, timing the wall clock and reading its peak RSS. */
export function sampleNodeProcess(args: string[], cwd: string): ProcessSample {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", require.resolve("./report-rusage.js"), ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const line = r.stderr.split("\n").find((l) => l.startsWith("__bench__ "));
    if (!line) {
        throw new Error(`no rusage from ${args.join(" ")}: ${r.stderr.slice(0, 500)}`);
    }
    return { wallMs, maxRssMiB: JSON.parse(line.slice(10)).maxRssKiB / 1024, status: r.status };
}

export async function timeInProcess(iterations: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
    await fn(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
        const start = process.hrtime.bigint();
        await fn();
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return samples;
}

export interface BenchFigure {
    name: string;
    value: string;
    target?: string;
    met?: boolean;
}
