import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { TENANT_NETWORK_POLICY } from "./generating";
import { namespaceObjectFor, type TenantNamespaces } from "./namespaces";
import type { PolicyObject } from "./validating";
import type { SuiteCase } from "./suites";

/** The folder holding the rendered policies of every stack: `<stack>/<policy>/<policy>.yaml` + `.kyverno-test/`. */
export const policiesDir = __dirname;

export interface RenderedPolicy {
    policy: PolicyObject;
    /** Absent for the GeneratingPolicy (the offline runner judges ValidatingPolicy only; mocha tests it). */
    cases?: SuiteCase[];
}

const header = (stack: string, suite = false) =>
    [
        `# Generated from paved:admission${suite ? " and paved:tenants" : ""} in Pulumi.${stack}.yaml and the catalog's XRDs by admission-policies/`,
        "# (regenerate: npx tsx admission-policies/generate.ts). Do not edit: a test fails when this file differs.",
    ].join("\n") + "\n";

export function toYaml(value: unknown): string {
    return YAML.stringify(value, { lineWidth: 0 });
}

function testFile(policy: PolicyObject, cases: SuiteCase[]): unknown {
    const groups = new Map<string, { kind: string; result: string; operation?: string; resources: string[] }>();
    for (const c of cases) {
        const key = [c.kind, c.expected, c.operation ?? ""].join("/");
        const group = groups.get(key) ?? { kind: c.kind, result: c.expected, operation: c.operation, resources: [] };
        group.resources.push(`${c.object.metadata.namespace}/${c.name}`);
        groups.set(key, group);
    }
    return {
        apiVersion: "cli.kyverno.io/v1alpha1",
        kind: "Test",
        metadata: { name: policy.metadata.name },
        policies: [`../${policy.metadata.name}.yaml`],
        resources: ["resources.yaml"],
        variables: "values.yaml",
        results: [...groups.values()].map((g) => ({
            policy: policy.metadata.name,
            isValidatingPolicy: true,
            kind: g.kind,
            ...(g.operation ? { operation: g.operation } : {}),
            result: g.result,
            resources: g.resources,
        })),
    };
}

/**
 * The Namespace of every case, as the cluster would hand it to the webhook (`namespaceObject`): an
 * onboarded tenant's as the program creates it, any other bare. The real CLI needs them too.
 */
function valuesFile(cases: SuiteCase[], namespaces: TenantNamespaces): unknown {
    const names = [...new Set(cases.map((c) => String(c.object.metadata.namespace)))].sort();
    return {
        apiVersion: "cli.kyverno.io/v1alpha1",
        kind: "Value",
        metadata: { name: "values" },
        namespaces: names.map((n) => namespaceObjectFor(namespaces, n)),
    };
}

function resourcesFile(cases: SuiteCase[]): string {
    return cases.map((c) => `# ${c.expected}${c.operation ? ` on ${c.operation}` : ""}: ${c.why}\n${toYaml(c.object)}`).join("---\n");
}

/** Every file of a stack's folder, keyed by path relative to admission-policies/. */
export function renderStackFiles(stack: string, rendered: RenderedPolicy[], namespaces: TenantNamespaces): Record<string, string> {
    const files: Record<string, string> = {};
    for (const { policy, cases } of rendered) {
        const dir = `${stack}/${policy.metadata.name}`;
        files[`${dir}/${policy.metadata.name}.yaml`] = header(stack) + toYaml(policy);
        if (cases) {
            files[`${dir}/.kyverno-test/kyverno-test.yaml`] = header(stack, true) + toYaml(testFile(policy, cases));
            files[`${dir}/.kyverno-test/resources.yaml`] = header(stack, true) + resourcesFile(cases);
            files[`${dir}/.kyverno-test/values.yaml`] = header(stack, true) + toYaml(valuesFile(cases, namespaces));
        }
    }
    return files;
}

/** Files under `<stack>/` on disk (to spot stale ones). */
export function filesOnDisk(stack: string): Record<string, string> {
    const out: Record<string, string> = {};
    const root = path.join(policiesDir, stack);
    const walk = (dir: string) => {
        if (!fs.existsSync(dir)) return;
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else out[path.relative(policiesDir, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8");
        }
    };
    walk(root);
    return out;
}

export { TENANT_NETWORK_POLICY };
