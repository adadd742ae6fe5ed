import * as fs from "node:fs";
import * as path from "node:path";
import { UserInputError } from "./errors";

/**
 * Writes a set of files into `dir` all-or-nothing: everything goes to a temporary sibling folder
 * first and each file is renamed into place only once all were written.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>): string[] {
    const target = path.resolve(dir);
    if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
        throw new UserInputError(`--out: ${dir} exists and is not a directory`);
    }
    const staging = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`));
    try {
        for (const [name, content] of Object.entries(files)) {
            const file = path.join(staging, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, content);
        }
        fs.mkdirSync(target, { recursive: true });
        for (const name of Object.keys(files)) {
            const destination = path.join(target, name);
            fs.mkdirSync(path.dirname(destination), { recursive: true });
            fs.renameSync(path.join(staging, name), destination);
        }
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
    return Object.keys(files).map((f) => path.join(target, f));
}
