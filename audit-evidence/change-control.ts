import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { RecordedResource, ResourceGraph } from "../offline-engine/graph";
import { mdCell, sortBy } from "./markdown";

interface TrustStatement {
    Principal?: Record<string, string | string[]>;
    Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `change-control.md`: who can deploy, who reviews, how — from the program's graph and the repository's files. */
export function changeControlMarkdown(input: { stack: string; graph: ResourceGraph; repositoryRoot: string; header: string[] }): string {
    const out = [`# Change control — stack \`${input.stack}\``, "", ...input.header, ""];
    out.push("## Who can change this environment", "", ...rolesSection(input.graph), "");
    out.push("## Who can administer the cluster", "", ...accessEntriesSection(input.graph), "");
    out.push("## Who reviews", "", ...codeOwnersSection(input.repositoryRoot), "");
    out.push("## How changes are made", "", ...workflowsSection(input.repositoryRoot), "");
    return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

function rolesSection(graph: ResourceGraph): string[] {
    const roles = sortBy(
        graph.resources.filter((r) => r.type === "aws:iam/role:Role"),
        (r) => [String(r.inputs.name ?? r.name)],
    );
    const attachments = graph.resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    const rows: string[] = ["| role | assumed by | conditions | managed policies | permissions boundary |", "|---|---|---|---|---|"];
    for (const role of roles) {
        const trust = parseTrust(role);
        const humansOrPipelines = trust.filter((s) => s.Principal?.Federated || s.Principal?.AWS);
        if (humansOrPipelines.length === 0) {
            continue; // service roles (controllers, nodes) are not ways to change the environment
        }
        const who = humansOrPipelines.flatMap((s) => [...list(s.Principal?.Federated).map((f) => `OIDC ${f.split("oidc-provider/")[1] ?? f}`), ...list(s.Principal?.AWS)]);
        const conditions = humansOrPipelines.flatMap((s) => Object.entries(s.Condition ?? {}).flatMap(([op, kv]) => Object.entries(kv).map(([k, v]) => `${k} ${op} ${list(v).join(", ")}`)));
        const policies = attachments.filter((a) => a.propertyDependencies.role?.includes(role.urn)).map((a) => String(a.inputs.policyArn).split("/").pop());
        rows.push(
            `| \`${role.inputs.name ?? role.name}\` | ${mdCell(who.join("\n"))} | ${mdCell(conditions.join("\n") || "-")} | ${mdCell(policies.join(", ") || "-")} | ${role.inputs.permissionsBoundary ? "yes" : "**no**"} |`,
        );
    }
    return [
        "Roles a person or a pipeline can assume (service roles of controllers and nodes are left out). Only the deploy role can run `pulumi up`; its trust names one repository, one branch and one workflow file.",
        "",
        ...rows,
    ];
}

function parseTrust(role: RecordedResource): TrustStatement[] {
    try {
        const doc = JSON.parse(String(role.inputs.assumeRolePolicy));
        return list(doc.Statement) as unknown as TrustStatement[];
    } catch {
        return [];
    }
}

function accessEntriesSection(graph: ResourceGraph): string[] {
    const rows = ["| principal | access policy | scope |", "|---|---|---|"];
    for (const cluster of graph.resources.filter((r) => r.type === "eks:index:Cluster")) {
        const entries = (cluster.inputs.accessEntries ?? {}) as Record<string, { principalArn: string; accessPolicies?: Record<string, { policyArn: string; accessScope: { type: string; namespaces?: string[] } }> }>;
        for (const key of Object.keys(entries).sort()) {
            for (const p of Object.values(entries[key].accessPolicies ?? {})) {
                rows.push(`| \`${entries[key].principalArn}\` | ${p.policyArn.split("/").pop()} | ${p.accessScope.type}${p.accessScope.namespaces ? `: ${p.accessScope.namespaces.join(", ")}` : ""} |`);
            }
        }
    }
    for (const entry of graph.resources.filter((r) => r.type === "aws:eks/accessEntry:AccessEntry")) {
        rows.push(`| ${entry.inputs.principalArn ? `\`${String(entry.inputs.principalArn)}\`` : entry.name} | ${String(entry.inputs.type ?? "STANDARD")} (node access) | - |`);
    }
    return [
        "EKS access entries (authentication mode API). The role that creates the cluster — the deploy role, through the pipeline — also receives EKS's cluster-creator admin permission.",
        "",
        ...rows,
    ];
}

function codeOwnersSection(root: string): string[] {
    const file = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
    if (!file) {
        return ["**No CODEOWNERS file**: reviews are not assigned by path."];
    }
    const rules = fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => l.split(/\s+/));
    return [
        `From \`${path.relative(root, file)}\` (the last matching rule wins; branch protection requires a code-owner approval):`,
        "",
        "| path | owners |",
        "|---|---|",
        ...rules.map(([pattern, ...owners]) => `| \`${pattern}\` | ${owners.join(" ")} |`),
    ];
}

function workflowsSection(root: string): string[] {
    const dir = path.join(root, ".github", "workflows");
    if (!fs.existsSync(dir)) {
        return ["**No workflow files**: no pipeline is defined in the repository."];
    }
    const out: string[] = [];
    for (const f of fs.readdirSync(dir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
        const wf = parse(fs.readFileSync(path.join(dir, f), "utf8")) as { name?: string; on?: unknown; jobs?: Record<string, { environment?: string; "runs-on"?: unknown; steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
        out.push(`### \`.github/workflows/${f}\` — ${wf.name ?? f}`, "", `Triggers: \`${JSON.stringify(wf.on)}\``, "");
        for (const [job, spec] of Object.entries(wf.jobs ?? {})) {
            const steps = (spec.steps ?? []).map((s) => {
                if (s.uses?.startsWith("pulumi/actions")) {
                    return `pulumi ${String(s.with?.command)} (policy packs: ${String(s.with?.policyPacks ?? "none")})`;
                }
                if (s.uses?.startsWith("aws-actions/configure-aws-credentials")) {
                    return `assume ${String(s.with?.["role-to-assume"])}`;
                }
                return s.run ? `run \`${s.run.split("\n")[0]}\`` : (s.uses ?? "");
            });
            out.push(`- job \`${job}\`${spec.environment ? ` (GitHub environment \`${spec.environment}\`: its required reviewers approve)` : ""}: ${steps.filter(Boolean).join(" → ")}`);
        }
        out.push("");
    }
    return out;
}
