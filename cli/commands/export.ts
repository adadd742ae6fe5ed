import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { exportManifests, exportSources, indexFile } from "../../manifest-export";
import { parseFlags } from "../args";
import { UserInputError } from "../errors";
import { writeFilesAtomically } from "../output";
import { repositoryRoot } from "../packs";

export const exportUsage = "paved export [--stack S] --out DIR";

/**
 * Writes every Kubernetes manifest the program installs under DIR (one file per object, one folder
 * per export source) and `index.yaml`. All files are written or none; files a previous export
 * listed in its index and this one no longer produces are removed. Exit 0, or 2 on bad usage/config.
 */
export async function runExport(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { stack: { type: "string" }, out: { type: "string" } }, false);
    if (values.out === undefined || values.out === "") {
        throw new UserInputError("--out is required: the folder to write the manifests into");
    }
    const stack = values.stack ?? "dev";
    const target = path.resolve(values.out);
    if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
        throw new UserInputError(`--out: ${values.out} exists and is not a directory`);
    }
    if (!fs.existsSync(path.dirname(target))) {
        throw new UserInputError(`--out: the parent folder of ${values.out} does not exist`);
    }
    const previous = previouslyExported(target);
    const result = await exportManifests({ programPath: repositoryRoot, stack, sources: exportSources });
    writeFilesAtomically(target, result.files);
    for (const stale of previous.filter((p) => result.files[p] === undefined)) {
        fs.rmSync(path.join(target, stale), { force: true });
    }
    process.stdout.write(
        `exported ${result.manifests} manifests (${exportSources.map((s) => s.name).join(", ")}) and listed ${result.helmReleases} Helm releases for stack ${stack} into ${values.out} (see ${indexFile})\n`,
    );
    return 0;
}

/** Files an earlier export wrote into `dir`, from its index (only paths inside `dir`). */
function previouslyExported(dir: string): string[] {
    const file = path.join(dir, indexFile);
    if (!fs.existsSync(file)) {
        return [];
    }
    try {
        const index = parse(fs.readFileSync(file, "utf8")) as { sources?: { manifests?: { path?: unknown }[] }[] };
        return (index.sources ?? [])
            .flatMap((s) => s.manifests ?? [])
            .map((m) => m.path)
            .filter((p): p is string => typeof p === "string" && !p.includes("..") && !path.isAbsolute(p));
    } catch {
        return [];
    }
}
