import { spawnSync } from "node:child_process";

/**
 * Where the evidence comes from: the commit and whether the tree was clean. No clock is read;
 * a date appears only when SOURCE_DATE_EPOCH is passed in (the reproducible-builds convention).
 */
export function provenanceLines(repositoryRoot: string, command: string): string[] {
    const git = (...args: string[]) => {
        const r = spawnSync("git", args, { cwd: repositoryRoot, encoding: "utf8" });
        return r.status === 0 ? r.stdout.trim() : undefined;
    };
    const commit = git("rev-parse", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no");
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : undefined;
    return [
        `Produced by \`${command}\` from commit \`${commit ?? "unknown (not a git checkout)"}\`${dirty ? " with uncommitted changes" : ""}${date ? `, as of ${date}` : ""}.`,
        "Offline: the real program under mocks, so values AWS assigns (IDs, ARNs) are stand-ins; what only a real preview can see is listed in `results.json` under `offline`.",
    ];
}
