import type * as sarif from "sarif";
import type { Policy } from "@pulumi/policy";
import type { PolicyPackDefinition, PolicyResult } from "../policy-runner";

/** What a SARIF log needs: the packs (rules) and the results. */
export interface SarifInput {
    packs: PolicyPackDefinition[];
    results: PolicyResult[];
    /** The file the results are about, for code-scanning UIs (e.g. `Pulumi.prod.yaml`). */
    artifact?: string;
    toolVersion: string;
}

/** SARIF 2.1.0: one rule per policy, one result per violation. No timestamps, so output is reproducible. */
export function toSarif(input: SarifInput): sarif.Log {
    const rules: sarif.ReportingDescriptor[] = [];
    const ruleIndex = new Map<string, number>();
    for (const pack of input.packs) {
        for (const policy of pack.policies) {
            ruleIndex.set(`${pack.name}/${policy.name}`, rules.length);
            rules.push(ruleOf(pack, policy));
        }
    }
    const results: sarif.Result[] = input.results
        .filter((r) => r.kind !== "remediation")
        .map((r) => ({
            ruleId: r.policy,
            ruleIndex: ruleIndex.get(`${r.pack}/${r.policy}`),
            level: r.level === "mandatory" ? "error" : "warning",
            message: { text: r.message || r.description },
            locations: [
                {
                    ...(input.artifact ? { physicalLocation: { artifactLocation: { uri: input.artifact } } } : {}),
                    logicalLocations: [{ fullyQualifiedName: r.urn ?? "stack", name: r.name ?? "stack", kind: "resource" }],
                },
            ],
            properties: { pack: r.pack, kind: r.kind, ...(r.type ? { resourceType: r.type } : {}) },
        }));
    return {
        version: "2.1.0",
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [
            {
                tool: { driver: { name: "paved", version: input.toolVersion, rules } },
                results,
                columnKind: "utf16CodeUnits",
            },
        ],
    };
}

function ruleOf(pack: PolicyPackDefinition, policy: Policy): sarif.ReportingDescriptor {
    return {
        id: policy.name,
        name: policy.name,
        shortDescription: { text: policy.description },
        fullDescription: { text: policy.description },
        ...(policy.remediationSteps ? { help: { text: policy.remediationSteps } } : {}),
        defaultConfiguration: { level: policy.enforcementLevel === "advisory" ? "warning" : "error" },
        properties: {
            pack: `${pack.name}@v${pack.version}`,
            ...(policy.severity ? { "security-severity": securitySeverity(policy.severity), severity: policy.severity } : {}),
            tags: policy.tags ?? [],
            ...(policy.framework ? { framework: policy.framework } : {}),
        },
    };
}

/** GitHub code scanning reads `security-severity` as a CVSS-like score. */
function securitySeverity(s: string): string {
    return { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" }[s] ?? "5.0";
}

export function formatSarif(input: SarifInput): string {
    return JSON.stringify(toSarif(input), null, 2) + "\n";
}
