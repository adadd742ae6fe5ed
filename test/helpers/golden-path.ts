import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { withGoldenPathLabels } from "../../admission-policies/golden-path";
import { parseManifests } from "../../manifest-validator";

/**
 * A copy (in `dir`) of a claim file with the labels the golden-path template adds for `environment`:
 * what `paved render` and `paved admit` need to admit a catalog example.
 */
export function labelledCopy(file: string, dir: string, environment = "dev"): string {
    const claim = parseManifests(fs.readFileSync(file, "utf8"))[0] as Record<string, unknown>;
    const namespace = String((claim.metadata as Record<string, unknown>).namespace);
    const target = path.join(dir, `labelled-${environment}-${path.basename(file)}`);
    fs.writeFileSync(target, YAML.stringify(withGoldenPathLabels(claim, { team: `${namespace}-team`, app: namespace, environment, costCenter: "CC-4200-APPS" })));
    return target;
}
