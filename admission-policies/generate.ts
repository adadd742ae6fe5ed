/**
 * Rewrites admission-policies/<stack>/ for every stack from its config and the catalog:
 * `npx tsx admission-policies/generate.ts`. Stale files of a stack's folder are removed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserInputError } from "../cli/errors";
import { filesOnDisk, policiesDir } from "./files";
import { stackFiles, stacks } from "./index";

try {
    for (const stack of stacks()) {
        const files = stackFiles(stack);
        for (const stale of Object.keys(filesOnDisk(stack)).filter((f) => !(f in files))) fs.rmSync(path.join(policiesDir, stale));
        for (const [file, content] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(policiesDir, file)), { recursive: true });
            fs.writeFileSync(path.join(policiesDir, file), content);
        }
        console.log(`${stack}: ${Object.keys(files).length} files`);
    }
} catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    console.error(e.message);
    process.exit(2);
}
