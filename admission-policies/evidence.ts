/**
 * `admission.md` in the audit evidence bundle (`paved evidence`): each admission policy of the
 * stack, what it enforces, and the outcome of every case of its committed kyverno-test suite, run
 * offline now. Registered when imported (cli/commands/evidence.ts imports it).
 */
import * as path from "node:path";
import { runKyvernoTests, type SuiteReport } from "../admission-evaluator";
import { registerEvidenceSection, type EvidenceSection } from "../audit-evidence";
import { mdCell } from "../audit-evidence/markdown";
import { loadCatalog } from "../catalog";
import { DESCRIPTION_ANNOTATION, TITLE_ANNOTATION, type PolicyObject } from "./validating";
import { admissionPoliciesForStack, catalogResourceMap, policiesDir } from "./index";

type Spec = {
    validationActions?: string[];
    matchConstraints: { resourceRules: { apiGroups: string[]; resources: string[]; operations: string[] }[] };
    matchConditions?: { name: string; expression: string }[];
    validations?: { expression: string; message: string }[];
};

const code = (s: string) => `\`${s.replace(/\s+/g, " ").replace(/`/g, "'")}\``;

export function admissionMarkdown(stack: string, header: string[]): string {
    const catalog = loadCatalog();
    const generated = admissionPoliciesForStack(stack, catalog);
    const report = runKyvernoTests([path.join(policiesDir, stack)], { resourceMap: catalogResourceMap(catalog) });
    const suiteOf = (name: string): SuiteReport | undefined => report.suites.find((s) => s.name === name);
    const why = new Map(generated.rendered.flatMap((r) => (r.cases ?? []).map((c) => [`${r.policy.metadata.name}/${c.object.metadata.namespace}/${c.name}`, c.why] as const)));
    const lines: string[] = [
        `# Admission policies — stack ${stack}`,
        "",
        ...header,
        "",
        `Kyverno policies (policies.kyverno.io/v1) the program installs after the Kyverno release and the catalog's XRDs, generated from \`paved:admission\` in \`Pulumi.${stack}.yaml\` and the catalog's XRDs and committed under \`admission-policies/${stack}/\`, each beside its kyverno-test suite. The suites were run offline for this bundle (\`paved test-policies admission-policies/${stack}\`); the same files run with \`kyverno test admission-policies/${stack}\`.`,
        "",
        `Suites: ${report.passed} cases as expected, ${report.failed} not${report.ok ? "" : " — **FAILING**"}.`,
        "",
        "| policy | kind | actions | title | suite |",
        "|---|---|---|---|---|",
    ];
    for (const p of generated.policies) {
        const suite = suiteOf(p.metadata.name);
        const outcome = suite ? `${suite.passed}/${suite.rows.length} as expected${suite.error ? ` (error: ${suite.error})` : ""}` : "not run offline (see below)";
        lines.push(`| \`${p.metadata.name}\` | ${p.kind} | ${((p.spec as Spec).validationActions ?? ["—"]).join(", ")} | ${mdCell(p.metadata.annotations[TITLE_ANNOTATION])} | ${outcome} |`);
    }
    if (generated.plan.warnings.length > 0) lines.push("", "Notes:", ...generated.plan.warnings.map((w) => `- ${w}`));
    for (const p of generated.policies) lines.push("", ...policySection(p, suiteOf(p.metadata.name), why));
    lines.push(
        "",
        "## Rules a kyverno-test suite cannot show",
        "",
        "- UPDATE rules compare the claim with the stored one (`oldObject`); `kyverno test` sends the same object as both, so shrinking storage and switching off Multi-AZ are tested through the evaluator in `test/admission-policies/update-rules.test.ts`.",
        "- The GeneratingPolicy's CEL (which namespaces, which NetworkPolicies) is evaluated in `test/admission-policies/generating-policy.test.ts`; generating the objects needs a cluster.",
        "- For any claim (schema-valid, with fields removed, or random JSON) every policy passes, fails or skips with a message and never errors, and agrees with a TypeScript restatement of the rules (`test/admission-policies/properties.test.ts`); breaking any key expression makes its suite fail (`test/admission-policies/mutations.test.ts`).",
        "",
    );
    return lines.join("\n");
}

function policySection(p: PolicyObject, suite: SuiteReport | undefined, why: Map<string, string>): string[] {
    const spec = p.spec as Spec;
    const rules = spec.matchConstraints.resourceRules.map((r) => `${r.apiGroups.join(", ") || "core"}: ${r.resources.join(", ")} (${r.operations.join(", ")})`);
    const out = [
        `## ${p.metadata.name} (${p.kind})`,
        "",
        p.metadata.annotations[DESCRIPTION_ANNOTATION],
        "",
        `Matches ${rules.join("; ")}.${spec.matchConditions?.length ? ` Only when: ${spec.matchConditions.map((c) => `${c.name} ${code(c.expression)}`).join("; ")}.` : ""}`,
    ];
    if (spec.validations?.length) {
        out.push("", "| # | validation | message when it fails |", "|---|---|---|");
        spec.validations.forEach((v, i) => out.push(`| ${i} | ${mdCell(code(v.expression))} | ${mdCell(v.message)} |`));
    }
    if (suite) {
        out.push("", `Suite \`admission-policies/${p.metadata.labels["paved.io/stack"]}/${p.metadata.name}/.kyverno-test/kyverno-test.yaml\`:`, "", "| resource | kind | operation | expected | actual | why | message |", "|---|---|---|---|---|---|---|");
        for (const r of suite.rows) {
            out.push(`| \`${r.resource}\` | ${r.kind} | ${r.operation} | ${r.expected} | ${r.ok ? r.actual : `**${r.actual}**`} | ${mdCell(why.get(`${p.metadata.name}/${r.resource}`) ?? "")} | ${mdCell(r.actual === "pass" ? "" : r.message)} |`);
        }
    }
    return out;
}

export const admissionEvidenceSection: EvidenceSection = {
    file: "admission.md",
    render: ({ stack, header }) => admissionMarkdown(stack, header),
};

registerEvidenceSection(admissionEvidenceSection);
