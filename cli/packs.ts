import * as fs from "node:fs";
import * as path from "node:path";
import type { PackRun } from "../offline-engine/policy-runner";
import { pavedCompliancePack } from "../policy-packs/paved-compliance/pack";
import { UserInputError } from "./errors";

export const repositoryRoot = path.resolve(__dirname, "..");

/** The packs every preview runs, each with its per-stack config (`policy-packs/<pack>/config/<stack>.json`) when present. */
export function packRunsFor(stack: string): PackRun[] {
    return [pavedCompliancePack].map((pack) => ({ pack, config: readPackConfig(pack.name, stack) }));
}

export function packConfigPath(packName: string, stack: string): string {
    return path.join(repositoryRoot, "policy-packs", packName, "config", `${stack}.json`);
}

function readPackConfig(packName: string, stack: string): Record<string, unknown> | undefined {
    const file = packConfigPath(packName, stack);
    if (!fs.existsSync(file)) {
        return undefined;
    }
    try {
        const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
            throw new Error("must be a JSON object");
        }
        return parsed;
    } catch (e) {
        throw new UserInputError(`${path.relative(repositoryRoot, file)}: ${(e as Error).message}`);
    }
}
