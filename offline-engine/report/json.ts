import { blockingResults, countByType, type PreviewResult } from "../preview";

/** `--format json`: one object, `{stack, resources[], violations[], ...}` per the CLI contract. */
export function previewJson(p: PreviewResult): Record<string, unknown> {
    const issues = p.results.filter((r) => r.kind !== "remediation");
    return {
        project: p.graph.project,
        stack: p.graph.stack,
        mode: "offline",
        resources: p.graph.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            custom: r.custom,
            remote: r.remote,
            provider: r.provider ?? null,
            inputs: r.inputs,
            dependencies: r.dependencies,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
        })),
        resourceCounts: Object.fromEntries(countByType(p.graph.resources)),
        violations: issues.map((r) => ({
            policy: r.policy,
            pack: r.pack,
            level: r.level,
            urn: r.urn ?? null,
            message: r.message,
            description: r.description,
            severity: r.severity ?? null,
            kind: r.kind,
            type: r.type ?? null,
            name: r.name ?? null,
        })),
        remediations: p.results.filter((r) => r.kind === "remediation").map((r) => ({ policy: r.policy, pack: r.pack, urn: r.urn ?? null, message: r.message })),
        policyPacks: p.packs.map((pack) => ({ name: pack.name, version: pack.version, policies: pack.policies.map((x) => x.name) })),
        summary: {
            resources: p.graph.resources.length,
            checks: p.evaluations.length,
            mandatoryViolations: blockingResults(p.results).length,
            advisoryViolations: issues.filter((r) => r.level === "advisory").length,
        },
        offline: p.notes,
    };
}

export function formatJson(p: PreviewResult): string {
    return JSON.stringify(previewJson(p), null, 2) + "\n";
}
