import { blockingResults, preview, type PreviewResult } from "../../offline-engine/preview";
import { formatJson } from "../../offline-engine/report/json";
import { formatMarkdown } from "../../offline-engine/report/markdown";
import { formatSarif } from "../../offline-engine/report/sarif";
import { formatText } from "../../offline-engine/report/text";
import { oneOf, parseFlags } from "../args";
import { writeFilesAtomically } from "../output";
import { packRunsFor, repositoryRoot } from "../packs";

export const previewUsage = "paved preview [--stack S] [--program PATH] [--format text|json|md|sarif] [--out DIR]";
const formats = ["text", "json", "md", "sarif"] as const;

/**
 * Offline preview + policy packs. Prints the chosen format; with --out also writes every format
 * (preview.txt, preview.json, preview.md, preview.sarif). Exit 0 clean, 1 mandatory violations.
 */
export async function runPreview(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { stack: { type: "string" }, program: { type: "string" }, format: { type: "string" }, out: { type: "string" } }, false);
    const format = oneOf("--format", values.format, formats, "text");
    const stack = values.stack ?? "dev";
    const result = await preview({ programPath: values.program ?? repositoryRoot, stack, packs: packRunsFor(stack) });
    const rendered = renderAll(result);
    if (values.out) {
        writeFilesAtomically(values.out, { "preview.txt": rendered.text, "preview.json": rendered.json, "preview.md": rendered.md, "preview.sarif": rendered.sarif });
    }
    process.stdout.write(rendered[format]);
    return blockingResults(result.results).length > 0 ? 1 : 0;
}

export function renderAll(result: PreviewResult): Record<(typeof formats)[number], string> {
    const { version } = require("../../package.json") as { version: string };
    return {
        text: formatText(result),
        json: formatJson(result),
        md: formatMarkdown(result),
        sarif: formatSarif({ packs: result.packs, results: result.results, artifact: `Pulumi.${result.graph.stack}.yaml`, toolVersion: version }),
    };
}
