import { blockingResults, countByType, type PreviewResult } from "../preview";
import type { PolicyResult } from "../policy-runner";
import { noteLines } from "./text";
import { treeLines } from "./tree";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/** `--format md`: a pull-request comment a reviewer can read in one screen, details folded. */
export function formatMarkdown(p: PreviewResult): string {
    const blocking = blockingResults(p.results);
    const advisory = p.results.filter((r) => r.level === "advisory" && r.kind !== "remediation");
    const out: string[] = [];
    out.push(`### ${blocking.length > 0 ? "❌" : "✅"} paved offline preview — \`${p.graph.project}\` / \`${p.graph.stack}\``, "");
    out.push(`**${p.graph.resources.length}** resources to create · **${blocking.length}** mandatory violations · **${advisory.length}** advisory · ${p.evaluations.length} policy checks`, "");
    if (blocking.length + advisory.length > 0) {
        out.push("| level | policy | resource | message |", "|---|---|---|---|");
        for (const r of [...blocking, ...advisory]) {
            out.push(`| ${r.level} | \`${r.policy}\` | ${resourceCell(r)} | ${cell(r.message)} |`);
        }
        out.push("");
    }
    const remediations = p.results.filter((r) => r.kind === "remediation");
    if (remediations.length > 0) {
        out.push(`Remediated before validation: ${remediations.map((r) => `\`${r.policy}\` on \`${r.name}\``).join(", ")}`, "");
    }
    out.push("<details><summary>Resources by type</summary>", "", "| type | count |", "|---|---:|");
    for (const [type, n] of countByType(p.graph.resources)) {
        out.push(`| \`${type}\` | ${n} |`);
    }
    out.push("", "</details>", "");
    out.push("<details><summary>Resource tree</summary>", "", "```");
    for (const { prefix, resource } of treeLines(p.graph.resources)) {
        out.push(`${prefix}${resource.type}  ${resource.name}`);
    }
    out.push("```", "", "</details>", "");
    const notes = noteLines(p);
    if (notes.length > 0) {
        out.push("<details><summary>What an offline preview cannot see</summary>", "", ...notes.map((n) => `- ${n}`), "", "</details>", "");
    }
    out.push(`<sub>Policy packs: ${p.packs.map((x) => `${x.name}@v${x.version}`).join(", ")}. Run \`npx paved preview --stack ${p.graph.stack}\` to reproduce.</sub>`);
    return out.join("\n") + "\n";
}

function resourceCell(r: PolicyResult): string {
    return r.name ? `\`${r.name}\` (${r.type})` : "stack";
}
