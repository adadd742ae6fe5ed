import { registerEvidenceSection, type EvidenceSection } from "../audit-evidence";
import { mdCell } from "../audit-evidence/markdown";
import { converge } from "./converge";
import { environmentFromGraph } from "./environment";
import { loadCatalog } from "./index";
import { invariantViolations } from "./invariants";

type Obj = Record<string, any>;

/**
 * `catalog.md`: for each catalog API, each example claim rendered through its Composition with the
 * stack's EnvironmentConfig until it settles, what it materializes, and the compliance invariants
 * checked on it (encryption with its own key, private placement, node-only ingress, tags,
 * credentials and network access in the claim's namespace, backups).
 */
export const catalogEvidenceSection: EvidenceSection = {
    file: "catalog.md",
    render({ stack, preview, header }) {
        const environment = environmentFromGraph(preview.graph);
        const env = (environment as Obj).data;
        const out = [`# Catalog — stack \`${stack}\``, "", ...header, "", "Each example claim of the catalog, rendered offline through its Composition with this stack's `platform-aws-defaults` EnvironmentConfig and followed through the reconciles it needs (observed state simulated), then checked against the compliance invariants. Whether admission admits it in this stack is in `admission.md`.", ""];
        out.push("| API | example | composition | resources | invariants |", "|---|---|---|---:|---|");
        const details: string[] = [];
        for (const api of loadCatalog().apis) {
            for (const example of api.examples) {
                const render = converge(example.object, { environment });
                const violations = invariantViolations(render, env);
                const resources = render.output.resources.map((r) => r.resource as Obj);
                out.push(`| ${api.claimKind} | \`catalog/${example.file}\` | \`${render.composition.name}\` | ${resources.length} | ${violations.length === 0 ? "all hold" : `**${violations.length} broken**`} |`);
                details.push(`## ${api.claimKind}: \`catalog/${example.file}\``, "", `Composition \`${render.composition.name}\`, settled after ${render.reconciles} reconciles.`, "", "| kind | name | namespace |", "|---|---|---|");
                for (const r of resources) {
                    details.push(`| ${r.apiVersion}/${r.kind} | \`${r.metadata?.name ?? r.metadata?.generateName ?? ""}\` | ${r.metadata?.namespace ?? "(cluster)"} |`);
                }
                details.push("", violations.length === 0 ? "Invariants: all hold." : `Invariants broken:\n${violations.map((v) => `- ${mdCell(v)}`).join("\n")}`, "");
            }
        }
        return [...out, "", ...details].join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
    },
};

registerEvidenceSection(catalogEvidenceSection);
