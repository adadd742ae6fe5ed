import { buildEvidence } from "../../audit-evidence";
// Sections of the bundle that live with what they describe register themselves when imported.
import "../../admission-policies/evidence";
import "../../catalog/evidence";
import { UserInputError } from "../errors";
import { parseFlags } from "../args";
import { writeFilesAtomically } from "../output";
import { packRunsFor, repositoryRoot } from "../packs";

export const evidenceUsage = "paved evidence [--stack S] --out DIR";

/** Writes the audit evidence bundle. Exit 0 clean, 1 mandatory violations, 2 bad usage or config. */
export async function runEvidence(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { stack: { type: "string" }, out: { type: "string" } }, false);
    if (!values.out) {
        throw new UserInputError("--out: is required (the folder the bundle is written to)");
    }
    const stack = values.stack ?? "dev";
    const { version } = require("../../package.json") as { version: string };
    const bundle = await buildEvidence({ stack, repositoryRoot, packs: packRunsFor(stack), toolVersion: version });
    const written = writeFilesAtomically(values.out, bundle.files);
    process.stdout.write(`wrote ${written.length} files to ${values.out}: ${Object.keys(bundle.files).join(", ")}\n${bundle.mandatoryViolations} mandatory violations\n`);
    return bundle.mandatoryViolations > 0 ? 1 : 0;
}
