import type { Policy } from "@pulumi/policy";
import type { PolicyEvaluation, PolicyPackDefinition, PolicyResult } from "../offline-engine/policy-runner";
import { parseControlTag } from "../policy-packs/paved-compliance/policies/controls";
import { mdCell, sortBy } from "./markdown";

export interface ControlRow {
    framework: string;
    control: string;
    policies: { pack: string; policy: Policy }[];
}

/** Controls in framework order, each with the policies that implement it (from the policies' control tags). */
export function controlIndex(packs: PolicyPackDefinition[]): ControlRow[] {
    const rows = new Map<string, ControlRow>();
    for (const pack of packs) {
        for (const policy of pack.policies) {
            for (const tag of policy.tags ?? []) {
                const parsed = parseControlTag(tag);
                if (!parsed) {
                    continue;
                }
                const key = `${parsed.framework}\u0000${parsed.id}`;
                const row = rows.get(key) ?? { framework: parsed.framework, control: parsed.id, policies: [] };
                row.policies.push({ pack: pack.name, policy });
                rows.set(key, row);
            }
        }
    }
    return sortBy([...rows.values()], (r) => [r.framework, naturalKey(r.control)]);
}

/** `controls.md`: per control, the policies that implement it, every resource each checked and the outcome, with URNs. */
export function controlsMarkdown(input: { stack: string; packs: PolicyPackDefinition[]; evaluations: PolicyEvaluation[]; results: PolicyResult[]; header: string[] }): string {
    const out = [`# Controls — stack \`${input.stack}\``, "", ...input.header, ""];
    const rows = controlIndex(input.packs);
    const byPolicy = new Map<string, PolicyEvaluation[]>();
    for (const e of input.evaluations) {
        byPolicy.set(`${e.pack}/${e.policy}`, [...(byPolicy.get(`${e.pack}/${e.policy}`) ?? []), e]);
    }
    out.push("| framework | control | policies | resources checked | failing |", "|---|---|---|---:|---:|");
    for (const row of rows) {
        const evals = row.policies.flatMap((p) => byPolicy.get(`${p.pack}/${p.policy.name}`) ?? []);
        const failing = evals.filter((e) => e.outcome === "violation").length;
        out.push(`| ${row.framework} | ${row.control} | ${row.policies.map((p) => `\`${p.policy.name}\``).join("<br>")} | ${new Set(evals.map((e) => e.urn)).size} | ${failing} |`);
    }
    for (const row of rows) {
        out.push("", `## ${row.framework} ${row.control}`, "");
        for (const { pack, policy } of row.policies) {
            const evals = sortBy(byPolicy.get(`${pack}/${policy.name}`) ?? [], (e) => [e.urn]);
            out.push(`### \`${policy.name}\` (${pack}, ${policy.enforcementLevel ?? "pack default"}, severity ${policy.severity ?? "-"})`, "", mdCell(policy.description), "");
            if (evals.length === 0) {
                out.push("No resource of the types this policy checks exists in this stack.", "");
                continue;
            }
            out.push("| outcome | resource | message |", "|---|---|---|");
            for (const e of evals) {
                const messages = input.results.filter((r) => r.pack === pack && r.policy === policy.name && r.urn === e.urn).map((r) => r.message);
                out.push(`| ${e.outcome === "pass" ? "pass" : e.outcome === "violation" ? "**fail**" : "unknown"} | \`${e.urn}\` | ${mdCell(messages.join(" / "))} |`);
            }
            out.push("");
        }
    }
    return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

/** "EKS.10" sorts after "EKS.9". */
function naturalKey(id: string): string {
    return id.replace(/\d+/g, (d) => d.padStart(6, "0"));
}
