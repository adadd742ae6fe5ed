import * as YAML from "yaml";
import { UserInputError } from "../cli/errors";

/**
 * Parses every document of a multi-document YAML text, integers as bigint (so `50` stays an
 * integer and `50.5` a number). Empty documents are dropped. Bad YAML throws UserInputError.
 */
export function parseManifests(text: string, source = "<input>"): unknown[] {
    const docs = YAML.parseAllDocuments(text, { intAsBigInt: true });
    if (!Array.isArray(docs)) throw new UserInputError(`${source}: not a YAML stream`);
    const out: unknown[] = [];
    for (const doc of docs) {
        const err = doc.errors[0];
        if (err) throw new UserInputError(`${source}: invalid YAML: ${err.message.split("\n")[0]}`);
        const value: unknown = doc.toJS({ maxAliasCount: 100 });
        if (value !== null && value !== undefined) out.push(value);
    }
    return out;
}
