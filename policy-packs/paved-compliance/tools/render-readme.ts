import * as fs from "node:fs";
import * as path from "node:path";
import type { Policy } from "@pulumi/policy";
import type { PolicyEvaluation } from "../../../offline-engine/policy-runner";
import { parseControlTag } from "../policies/controls";
import { declaredCoverage } from "../coverage";
import { pavedCompliancePack } from "../pack";

/**
 * The pack's README: every control → the policies implementing it → what each checks → whether an
 * offline preview sees it. Regenerate with `node --import tsx policy-packs/paved-compliance/tools/render-readme.ts`;
 * a test fails when the committed README differs.
 */

/** Raw types that exist only as children of remote components: a real preview shows them, an offline one cannot. */
export const remoteChildTypes = new Set([
    "aws:eks/cluster:Cluster",
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
]);

export interface ReadmeInput {
    /** Offline evaluations of the platform's own stacks (dev and prod). */
    evaluations: PolicyEvaluation[];
    /** Resource types present in those stacks. */
    offlineTypes: Set<string>;
    /** Enforcement per stack from config/<stack>.json, by policy. */
    stackLevels: Record<string, Record<string, string>>;
}

function typesOf(policy: Policy): string[] {
    const typed = [(policy as { validateResource?: unknown }).validateResource]
        .flat()
        .map((v) => (v as { __pulumiType?: string } | undefined)?.__pulumiType)
        .filter((t): t is string => !!t);
    return [...new Set([...typed, ...(declaredCoverage[policy.name] ?? [])])];
}

function visibility(policy: Policy, input: ReadmeInput): string {
    const checked = input.evaluations.some((e) => e.policy === policy.name);
    const types = typesOf(policy);
    const realOnly = types.filter((t) => remoteChildTypes.has(t));
    if (checked) {
        return realOnly.length > 0 ? `offline (real preview also: ${realOnly.map((t) => `\`${t}\``).join(", ")})` : "offline";
    }
    if (types.length > 0 && types.every((t) => remoteChildTypes.has(t) || !input.offlineTypes.has(t))) {
        return types.some((t) => remoteChildTypes.has(t)) ? "real preview only" : "offline, when a program creates these types (`--program`)";
    }
    return "offline, when a program creates these types (`--program`)";
}

export function renderPackReadme(input: ReadmeInput): string {
    const pack = pavedCompliancePack;
    const rows = new Map<string, { framework: string; id: string; policies: Policy[] }>();
    for (const policy of pack.policies) {
        for (const tag of policy.tags ?? []) {
            const c = parseControlTag(tag);
            if (c) {
                const key = `${c.framework}\u0000${c.id}`;
                rows.set(key, { framework: c.framework, id: c.id, policies: [...(rows.get(key)?.policies ?? []), policy] });
            }
        }
    }
    const natural = (s: string) => s.replace(/\d+/g, (d) => d.padStart(6, "0"));
    const sorted = [...rows.values()].sort((a, b) => a.framework.localeCompare(b.framework) || natural(a.id).localeCompare(natural(b.id)));
    const stacks = Object.keys(input.stackLevels).sort();
    const out = [
        "# paved-compliance",
        "",
        "The CrossGuard policy pack of the paved platform: AWS Foundational Security Best Practices, CIS Amazon EKS Benchmark, NIST SP 800-53 and tagging controls for everything the program creates, the bodies of the catalog's Compositions, and any Pulumi program checked with `paved preview --program`.",
        "",
        "```sh",
        "pulumi preview --stack prod --policy-pack policy-packs/paved-compliance --policy-pack-config policy-packs/paved-compliance/config/prod.json",
        "npx paved preview --stack prod        # offline: the same policies and the same config file",
        "```",
        "",
        `${pack.policies.length} policies, one per file under \`policies/<service>/<resource>/<verb>-<what>.ts\`, exported as a plain array (\`policies/index.ts\`); only \`index.ts\` constructs the \`PolicyPack\`. Every policy has a compliant baseline and breaking mutations (\`test/policy-packs/cases.ts\`); \`coverage.ts\` says which policy judges each resource type, and a test fails when the program or a Composition creates a type nothing judges.`,
        "",
        "## Enforcement per environment",
        "",
        `Policies are mandatory unless a stack's config file (\`config/<stack>.json\`, passed as \`--policy-pack-config\`; \`paved preview\` reads the same file) relaxes them where that environment may deviate:`,
        "",
        `| policy | ${stacks.join(" | ")} |`,
        `|---|${stacks.map(() => "---").join("|")}|`,
        ...[...new Set(stacks.flatMap((s) => Object.keys(input.stackLevels[s])))].sort().map((p) => `| \`${p}\` | ${stacks.map((s) => input.stackLevels[s][p] ?? "mandatory").join(" | ")} |`),
        "",
        "## Controls",
        "",
        "Offline means `paved preview` judges it without credentials; remote components (`eks.Cluster`, `awsx.ec2.Vpc`) are single resources offline, so policies that check their raw children also check the components' inputs.",
        "",
        "| framework | control | policy | what it checks | seen |",
        "|---|---|---|---|---|",
    ];
    for (const row of sorted) {
        for (const p of row.policies) {
            out.push(`| ${row.framework} | ${row.id} | \`${p.name}\` | ${p.description.replace(/\|/g, "\\|")} | ${visibility(p, input)} |`);
        }
    }
    out.push("", "## Beside @pulumi/awsguard", "", "[`awsguard-comparison.md`](awsguard-comparison.md), produced by `npm run compare:awsguard`, runs awsguard's policies beside this pack over the platform's stacks and a set of deliberately non-compliant resources; the gaps it showed are closed.", "");
    return out.join("\n");
}

if (require.main === module) {
    (async () => {
        const { runProgram } = await import("../../../offline-engine/run-program");
        const { runPolicyPacks } = await import("../../../offline-engine/policy-runner");
        const { packRunsFor, repositoryRoot } = await import("../../../cli/packs");
        const evaluations: PolicyEvaluation[] = [];
        const offlineTypes = new Set<string>();
        const stackLevels: Record<string, Record<string, string>> = {};
        for (const stack of ["dev", "prod"]) {
            const graph = await runProgram({ programPath: repositoryRoot, stack });
            graph.resources.forEach((r) => offlineTypes.add(r.type));
            evaluations.push(...(await runPolicyPacks(graph, packRunsFor(stack))).evaluations);
            stackLevels[stack] = levelsOf(stack);
        }
        fs.writeFileSync(path.join(__dirname, "..", "README.md"), renderPackReadme({ evaluations, offlineTypes, stackLevels }));
        console.log("wrote policy-packs/paved-compliance/README.md");
    })();
}

/** Enforcement levels a stack's config file sets, by policy. */
export function levelsOf(stack: string): Record<string, string> {
    const file = path.join(__dirname, "..", "config", `${stack}.json`);
    const config = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
    const levels: Record<string, string> = {};
    for (const [policy, entry] of Object.entries(config)) {
        const level = typeof entry === "string" ? entry : (entry as { enforcementLevel?: string }).enforcementLevel;
        levels[policy] = level ?? `mandatory (${Object.entries(entry as Record<string, unknown>).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")})`;
    }
    return levels;
}
