import { admissionSuite } from "./suites/admission";
import { catalogRenderSuite } from "./suites/catalog-render";
import { policyRunnerSuite } from "./suites/policy-runner";
import { previewSuite } from "./suites/preview";
import type { BenchFigure } from "./stats";

/** `npm run bench`: every suite, printed as a table. Performance lives here, never in timed tests. */
const suites: [string, () => Promise<BenchFigure[]>][] = [
    ["offline preview", () => previewSuite()],
    ["policy runner", () => policyRunnerSuite()],
    ["catalog render", () => catalogRenderSuite()],
    ["admission", () => admissionSuite()],
];

(async () => {
    const only = process.argv.slice(2);
    let missed = 0;
    for (const [name, suite] of suites) {
        if (only.length > 0 && !only.some((o) => name.includes(o))) {
            continue;
        }
        console.log(`\n## ${name}`);
        for (const f of await suite()) {
            const target = f.target ? `  [target ${f.target}: ${f.met ? "met" : "MISSED"}]` : "";
            console.log(`- ${f.name}: ${f.value}${target}`);
            missed += f.met === false ? 1 : 0;
        }
    }
    console.log(missed === 0 ? "\nall targets met" : `\n${missed} target(s) missed`);
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
