import * as fs from "node:fs";
import * as path from "node:path";
import type { Policies } from "@pulumi/policy";
import { runPolicyPacks, type PolicyPackDefinition, type PolicyResult } from "../offline-engine/policy-runner";
import { runProgram } from "../offline-engine/run-program";
import { pavedCompliancePack } from "../policy-packs/paved-compliance/pack";
import { graphOf } from "../test/policy-packs/fixtures";
import { noncompliantResources } from "./noncompliant";

/**
 * Runs @pulumi/awsguard beside paved-compliance over the same resources (dev, prod and a set of
 * deliberately non-compliant ones) and writes which violations each catches to
 * policy-packs/paved-compliance/awsguard-comparison.md. `npm run compare:awsguard`.
 */

const root = path.resolve(__dirname, "..");
const awsguardDir = path.join(__dirname, "node_modules", "@pulumi", "awsguard");
/** awsguard policies that call AWS APIs at preview time: they cannot run offline. */
const callsAws = new Set(["acm-certificate-expiration", "access-keys-rotated"]);

function awsguardPack(): { pack: PolicyPackDefinition; skipped: string[] } {
    const version = JSON.parse(fs.readFileSync(path.join(awsguardDir, "package.json"), "utf8")).version.replace(/^v/, "");
    const policies: Policies = [];
    const skipped: string[] = [];
    for (const mod of ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"]) {
        for (const value of Object.values(require(path.join(awsguardDir, mod)) as Record<string, unknown>)) {
            const p = value as Policies[number];
            if (p && typeof p === "object" && typeof p.name === "string") {
                (callsAws.has(p.name) ? skipped : (policies as unknown[])).push(callsAws.has(p.name) ? p.name : p);
            }
        }
    }
    return { pack: { name: "pulumi-awsguard", version, enforcementLevel: "mandatory", policies }, skipped };
}

const byResource = (results: PolicyResult[], urn: string, pack: string) =>
    [...new Set(results.filter((r) => r.urn === urn && r.pack === pack && r.kind !== "remediation").map((r) => r.policy))].sort();

async function main(): Promise<void> {
    const { pack: awsguard, skipped } = awsguardPack();
    const paved = pavedCompliancePack;
    const runs = [{ pack: paved }, { pack: awsguard }];
    const out: string[] = [
        "# paved-compliance beside @pulumi/awsguard",
        "",
        `Produced by \`npm run compare:awsguard\` (\`awsguard-comparison/compare.ts\`): ${paved.name}@v${paved.version} (${paved.policies.length} policies) and ${awsguard.name}@v${awsguard.version} (${awsguard.policies.length} policies run; ${skipped.join(", ")} skipped because they call AWS APIs during preview) over the same resources, offline.`,
        "",
        "## Deliberately non-compliant resources",
        "",
        "| resource | flaws | caught by paved-compliance | caught by awsguard |",
        "|---|---|---|---|",
    ];
    const flawed = noncompliantResources();
    const fixture = await runPolicyPacks(graphOf(flawed.map((f) => f.resource)), runs);
    for (const f of flawed) {
        const ours = byResource(fixture.results, f.resource.urn, paved.name);
        const theirs = byResource(fixture.results, f.resource.urn, awsguard.name);
        out.push(`| \`${f.resource.type}\` | ${f.flaws} | ${ours.map((p) => `\`${p}\``).join("<br>") || "—"} | ${theirs.map((p) => `\`${p}\``).join("<br>") || "—"} |`);
    }
    out.push("", "## The platform's own stacks", "", "| stack | resources | paved-compliance violations | awsguard violations | awsguard findings |", "|---|---:|---:|---:|---|");
    for (const stack of ["dev", "prod"]) {
        const graph = await runProgram({ programPath: root, stack });
        const report = await runPolicyPacks(graph, runs);
        const count = (pack: string) => report.results.filter((r) => r.pack === pack && r.kind === "violation").length;
        const findings = [...new Set(report.results.filter((r) => r.pack === awsguard.name && r.kind === "violation").map((r) => `\`${r.policy}\` on ${r.name}`))];
        out.push(`| ${stack} | ${graph.resources.length} | ${count(paved.name)} | ${count(awsguard.name)} | ${findings.join("<br>") || "—"} |`);
    }
    out.push("", "## awsguard policies and where paved-compliance stands", "", "| awsguard policy | resource types | paved-compliance |", "|---|---|---|");
    for (const p of awsguard.policies) {
        const types = [(p as { validateResource?: unknown }).validateResource].flat().map((v) => (v as { __pulumiType?: string })?.__pulumiType ?? "stack");
        out.push(`| \`${p.name}\` | ${[...new Set(types)].map((t) => `\`${t}\``).join(", ")} | ${stance[p.name] ?? "—"} |`);
    }
    const file = path.join(root, "policy-packs", "paved-compliance", "awsguard-comparison.md");
    fs.writeFileSync(file, out.join("\n") + "\n");
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

/** How paved-compliance answers each awsguard policy (kept beside the generated table). */
const stance: Record<string, string> = require("./stance.json");

main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
