import * as fs from "fs";
import * as YAML from "yaml";
import { UserInputError } from "../cli/errors";

/**
 * Every document of a multi-document YAML text, integers as bigint (CEL int) and other numbers
 * as number (CEL double). Empty documents are dropped. Bad YAML throws UserInputError.
 */
export function parseKubernetesYaml(text: string, source = "<input>"): unknown[] {
    const out: unknown[] = [];
    for (const doc of YAML.parseAllDocuments(text, { intAsBigInt: true })) {
        const error = doc.errors[0];
        if (error) {
            const where = error.linePos ? ` (line ${error.linePos[0].line})` : "";
            throw new UserInputError(`${source}${where}: invalid YAML: ${error.message.split("\n")[0]}`);
        }
        const value: unknown = doc.toJS({ maxAliasCount: 100 });
        if (value !== null && value !== undefined) out.push(value);
    }
    return out;
}

/** Reads and parses a YAML file; a missing file is a UserInputError naming it. */
export function readKubernetesYaml(file: string): unknown[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new UserInputError(`${file}: cannot read file`);
    }
    return parseKubernetesYaml(text, file);
}
