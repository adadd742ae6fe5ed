import { blockingResults, preview, type PreviewResult } from "../offline-engine/preview";
import { previewJson } from "../offline-engine/report/json";
import { toSarif } from "../offline-engine/report/sarif";
import type { PackRun } from "../offline-engine/policy-runner";
import { changeControlMarkdown } from "./change-control";
import { controlsMarkdown } from "./controls";
import { sortBy } from "./markdown";
import { provenanceLines } from "./provenance";

export interface EvidenceInput {
    stack: string;
    repositoryRoot: string;
    packs: PackRun[];
    toolVersion: string;
}

/** A section another part of the platform adds to the bundle (admission suites, catalog renders). */
export interface EvidenceSection {
    file: string;
    render(context: { stack: string; preview: PreviewResult; header: string[] }): Promise<string> | string;
}

const sections: EvidenceSection[] = [];

export function registerEvidenceSection(section: EvidenceSection): void {
    if (!sections.some((s) => s.file === section.file)) {
        sections.push(section);
    }
}

export interface EvidenceBundle {
    files: Record<string, string>;
    mandatoryViolations: number;
}

/** The audit evidence bundle for a stack: byte-identical for the same commit and config. */
export async function buildEvidence(input: EvidenceInput): Promise<EvidenceBundle> {
    const result = await preview({ programPath: input.repositoryRoot, stack: input.stack, packs: input.packs });
    const header = provenanceLines(input.repositoryRoot, `paved evidence --stack ${input.stack}`);
    const results = sortBy(result.results, (r) => [r.policy, r.urn ?? "", r.message]);
    const evaluations = sortBy(result.evaluations, (e) => [e.pack, e.policy, e.urn]);
    const stable: PreviewResult = { ...result, results, evaluations };
    const json = previewJson(stable);
    const files: Record<string, string> = {
        "controls.md": controlsMarkdown({ stack: input.stack, packs: result.packs, evaluations, results, header }),
        "results.json": JSON.stringify({ provenance: header, ...json, resources: undefined, evaluations }, null, 2) + "\n",
        "results.sarif": JSON.stringify(toSarif({ packs: result.packs, results, artifact: `Pulumi.${input.stack}.yaml`, toolVersion: input.toolVersion }), null, 2) + "\n",
        "change-control.md": changeControlMarkdown({ stack: input.stack, graph: result.graph, repositoryRoot: input.repositoryRoot, header }),
    };
    for (const section of sections) {
        files[section.file] = await section.render({ stack: input.stack, preview: stable, header });
    }
    return { files, mandatoryViolations: blockingResults(results).length };
}
