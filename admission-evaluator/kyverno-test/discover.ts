import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "../../cli/errors";

export const TEST_FILE_NAME = "kyverno-test.yaml";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/** Every `kyverno-test.yaml` under the given directories (hidden ones like `.kyverno-test` included), sorted. */
export function findTestFiles(dirs: readonly string[], fileName = TEST_FILE_NAME): string[] {
    const found = new Set<string>();
    for (const dir of dirs) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(dir);
        } catch {
            throw new UserInputError(`${dir}: no such file or directory`);
        }
        if (stat.isFile()) {
            if (path.basename(dir) !== fileName) throw new UserInputError(`${dir}: not a directory and not a ${fileName}`);
            found.add(path.resolve(dir));
        } else {
            walk(path.resolve(dir), fileName, found);
        }
    }
    return [...found].sort();
}

function walk(dir: string, fileName: string, found: Set<string>): void {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full, fileName, found);
        else if (entry.isFile() && entry.name === fileName) found.add(full);
    }
}
