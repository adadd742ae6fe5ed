import { blockingResults, countByType, type PreviewResult } from "../preview";
import type { PolicyResult } from "../policy-runner";
import { treeLines } from "./tree";

/** Human-readable preview: the resource tree, counts by type, policy results by level, offline notes. */
export function formatText(p: PreviewResult): string {
    const out: string[] = [];
    const remote = new Set(p.notes.remoteComponents.map((r) => r.urn));
    out.push(`Previewing ${p.graph.project} (stack ${p.graph.stack}) offline: the real program under mocks, no cloud credentials`, "");
    const lines = treeLines(p.graph.resources);
    const typeWidth = Math.min(80, Math.max(...lines.map((l) => l.prefix.length + l.resource.type.length)) + 2);
    out.push(`     ${"Type".padEnd(typeWidth)}Name`);
    for (const { prefix, resource } of lines) {
        const flags = [remote.has(resource.urn) ? "remote: children not visible offline" : "", resource.protect ? "protected" : "", resource.retainOnDelete ? "retained on delete" : ""].filter(Boolean);
        out.push(` +   ${(prefix + resource.type).padEnd(typeWidth)}${resource.name}${flags.length ? `  [${flags.join(", ")}]` : ""}`);
    }
    out.push("", "Resources:", `    + ${p.graph.resources.length} to create`);
    for (const [type, n] of countByType(p.graph.resources)) {
        out.push(`      ${String(n).padStart(4)}  ${type}`);
    }

    out.push("", "Policies:");
    for (const pack of p.packs) {
        const mine = p.results.filter((r) => r.pack === pack.name);
        const checked = p.evaluations.filter((e) => e.pack === pack.name);
        const blocking = blockingResults(mine).length;
        out.push(`    ${blocking > 0 ? "✗" : "✓"} ${pack.name}@v${pack.version}: ${pack.policies.length} policies, ${checked.length} checks on ${new Set(checked.map((e) => e.urn)).size} resources, ${blocking} mandatory violations`);
        for (const level of ["mandatory", "advisory"] as const) {
            const group = mine.filter((r) => r.level === level && r.kind !== "remediation");
            if (group.length > 0) {
                out.push(`        ${level} (${group.length}):`);
                group.forEach((r) => out.push(...describe(r)));
            }
        }
        const remediations = mine.filter((r) => r.kind === "remediation");
        if (remediations.length > 0) {
            out.push(`        remediated (${remediations.length}):`);
            remediations.forEach((r) => out.push(...describe(r)));
        }
    }

    const notes = noteLines(p);
    if (notes.length > 0) {
        out.push("", "Offline notes:", ...notes.map((n) => `    - ${n}`));
    }
    return out.join("\n") + "\n";
}

function describe(r: PolicyResult): string[] {
    return [`          [${r.policy}] ${r.type ?? "stack"}${r.name ? ` "${r.name}"` : ""}`, ...(r.urn ? [`              urn: ${r.urn}`] : []), ...r.message.split("\n").map((m) => `              ${m}`)];
}

export function noteLines(p: PreviewResult): string[] {
    const notes: string[] = [];
    if (p.notes.remoteComponents.length > 0) {
        const types = [...new Set(p.notes.remoteComponents.map((r) => r.type))].join(", ");
        notes.push(`${p.notes.remoteComponents.length} remote components (${types}) are single resources offline: their children (EKS control plane, IAM roles, subnets, chart objects) exist only in a real preview; policies check the components' inputs instead.`);
    }
    for (const u of p.notes.unknownInputs) {
        notes.push(`inputs unknown offline on ${u.urn}: ${u.paths.join(", ")} (a fake output is missing in offline-engine/fake-cloud.ts)`);
    }
    if (p.notes.unfakedFunctions.length > 0) {
        notes.push(`functions with no offline result (inputs echoed back): ${p.notes.unfakedFunctions.join(", ")}`);
    }
    return notes;
}
