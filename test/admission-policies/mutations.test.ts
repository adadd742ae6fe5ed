import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { admit, runKyvernoTests } from "../../admission-evaluator";
import { catalogResourceMap, policiesDir } from "../../admission-policies";
import { identifier } from "../../admission-policies/cel";
import { toYaml } from "../../admission-policies/files";
import type { PolicyObject } from "../../admission-policies/validating";
import { allStacks, compile, policiesOf } from "./helpers";

/**
 * Mutation table: each key expression of each generated policy is broken in one way, and the
 * policy's own committed kyverno-test suite (or, for UPDATE rules, which `kyverno test` cannot feed
 * an old object, an admit() case with oldObject) must notice.
 */

interface Mutation {
    name: string;
    apply(policy: PolicyObject): void;
}

type Spec = { validations: { expression: string }[]; matchConditions: { name: string; expression: string }[]; variables: { name: string; expression: string }[] };
const spec = (p: PolicyObject) => p.spec as unknown as Spec;
const isUpdateRule = (expression: string) => expression.startsWith("request.operation != 'UPDATE'");

function mutationsOf(policy: PolicyObject): Mutation[] {
    const out: Mutation[] = [];
    spec(policy).validations.forEach((v, i) => {
        out.push({ name: `validations[${i}] always true (${v.expression.slice(0, 60)}…)`, apply: (p) => (spec(p).validations[i].expression = "true") });
        for (const m of v.expression.matchAll(/(>=|<=) (-?\d+)$/g)) {
            const widened = m[1] === ">=" ? Number(m[2]) - 1 : Number(m[2]) + 1;
            out.push({ name: `validations[${i}] bound ${m[1]} ${m[2]} off by one`, apply: (p) => (spec(p).validations[i].expression = v.expression.replace(`${m[1]} ${m[2]}`, `${m[1]} ${widened}`)) });
        }
        const list = / in \[('[^']*'(?:, '[^']*')*)\]$/.exec(v.expression);
        if (list) out.push({ name: `validations[${i}] allowed set grows`, apply: (p) => (spec(p).validations[i].expression = v.expression.replace(`[${list[1]}]`, `[${list[1]}, ${outsiders(policy)}]`)) });
    });
    spec(policy).matchConditions.forEach((c, i) => {
        out.push({ name: `matchConditions[${i}] (${c.name}) negated`, apply: (p) => (spec(p).matchConditions[i].expression = `!(${c.expression})`) });
    });
    spec(policy).variables.forEach((v, i) => {
        if (v.name === "missing") out.push({ name: "required labels without cost-center", apply: (p) => (spec(p).variables[i].expression = v.expression.replace(", 'cost-center'", "")) });
        if (v.name === "labels") out.push({ name: "labels read from annotations", apply: (p) => (spec(p).variables[i].expression = v.expression.replaceAll(".?labels", ".?annotations")) });
        if (v.name === "namespaceLabels") {
            out.push({ name: "namespace labels ignored", apply: (p) => (spec(p).variables[i].expression = "{}") });
            out.push({ name: "namespace labels read from its annotations", apply: (p) => (spec(p).variables[i].expression = v.expression.replaceAll(".?labels", ".?annotations")) });
        }
        if (v.name === "missing") out.push({ name: "a label inherited from the namespace does not count", apply: (p) => (spec(p).variables[i].expression = v.expression.replaceAll("variables.namespaceLabels", "variables.labels")) });
        if (v.name === "environment") {
            const swap = (e: string) => e.replaceAll("variables.labels", "\u0000").replaceAll("variables.namespaceLabels", "variables.labels").replaceAll("\u0000", "variables.namespaceLabels");
            out.push({ name: "environment: the claim's label ignored", apply: (p) => (spec(p).variables[i].expression = v.expression.replaceAll("variables.labels", "variables.namespaceLabels")) });
            out.push({ name: "environment: the namespace's label ignored", apply: (p) => (spec(p).variables[i].expression = v.expression.replaceAll("variables.namespaceLabels", "variables.labels")) });
            out.push({ name: "environment: the namespace's label wins over the claim's", apply: (p) => (spec(p).variables[i].expression = swap(v.expression)) });
        }
        if (v.name === "compositions") out.push({ name: "compositionSelector ignored", apply: (p) => (spec(p).variables[i].expression = v.expression.replace("variables.compositionSelector.size() > 0", "false")) });
        if (/^param[A-Z]/.test(v.name) && !v.expression.endsWith(".orValue(null)") && hasEquals(policy, v.name)) {
            out.push({ name: `${v.name}: XRD default ignored`, apply: (p) => (spec(p).variables[i].expression = v.expression.replace(/\.orValue\(.*\)$/, ".orValue(null)")) });
        }
    });
    return out;
}

/** Does the parameter behind variable `name` carry an `equals` rule (the only rule for which an absent value and its XRD default differ)? */
function hasEquals(policy: PolicyObject, name: string): boolean {
    const claim = policiesOf(policy.metadata.labels["paved.io/stack"]).plan.claims.find((c) => c.policyName === policy.metadata.name);
    return claim?.parameters.some((p) => identifier("param", p.path) === name && p.rule.equals !== undefined) ?? false;
}

/** Values the suites use as "not allowed": every enum value of the catalog (crude but sufficient to grow any set). */
function outsiders(policy: PolicyObject): string {
    const values = new Set<string>();
    for (const stack of allStacks) for (const r of policiesOf(stack).rendered) for (const c of r.cases ?? []) walkStrings(c.object.spec?.parameters, values);
    for (const e of spec(policy).validations) for (const m of e.expression.matchAll(/'([^']*)'/g)) values.delete(m[1]);
    return [...values].map((v) => `'${v}'`).join(", ") || "'x'";
}

function walkStrings(v: unknown, out: Set<string>): void {
    if (typeof v === "string") out.add(v);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walkStrings(x, out);
}

/** Runs the policy's committed suite against a mutated copy of the policy. */
function suiteCatches(stack: string, policy: PolicyObject): boolean {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-mutant-"));
    try {
        const name = policy.metadata.name;
        fs.cpSync(path.join(policiesDir, stack, name, ".kyverno-test"), path.join(dir, name, ".kyverno-test"), { recursive: true });
        fs.writeFileSync(path.join(dir, name, `${name}.yaml`), toYaml(policy));
        return !runKyvernoTests([dir], { resourceMap: catalogResourceMap() }).ok;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** UPDATE rules: a shrink or a switch-off that the original denies must be admitted by the mutant. */
function updateCaseCatches(stack: string, policy: PolicyObject): boolean {
    const original = compile([policiesOf(stack).validating.find((p) => p.metadata.name === policy.metadata.name)!]);
    const mutant = compile([policy]);
    const compliant = policiesOf(stack).rendered.find((r) => r.policy.metadata.name === policy.metadata.name)!.cases!.find((c) => c.name.endsWith("-compliant"))!.object;
    for (const [key, value] of Object.entries(compliant.spec.parameters ?? {})) {
        const newer = structuredClone(compliant);
        const older = structuredClone(compliant);
        if (typeof value === "number") older.spec.parameters[key] = value + 1;
        else if (value === true) newer.spec.parameters[key] = false;
        else continue;
        const input = { operation: "UPDATE" as const, object: newer, oldObject: older };
        if (admit(original, input).admitted !== admit(mutant, input).admitted) return true;
    }
    return false;
}

describe("admission-policies: every mutation of a key expression is caught", () => {
    for (const stack of allStacks) {
        for (const policy of policiesOf(stack).validating) {
            it(`${stack}/${policy.metadata.name}`, function () {
                const survivors: string[] = [];
                const mutations = mutationsOf(policy);
                for (const m of mutations) {
                    const mutant = structuredClone(policy);
                    m.apply(mutant);
                    assert.notDeepEqual(mutant, policy, `${m.name} changes nothing`);
                    const index = spec(policy).validations.findIndex((v, i) => v.expression !== spec(mutant).validations[i].expression);
                    const updateOnly = index >= 0 && isUpdateRule(spec(policy).validations[index].expression);
                    const caught = updateOnly ? updateCaseCatches(stack, mutant) : suiteCatches(stack, mutant);
                    if (!caught) survivors.push(m.name);
                }
                assert.ok(mutations.length >= 4, "a table worth the name");
                assert.deepEqual(survivors, [], `mutations the suite does not notice in ${stack}/${policy.metadata.name}`);
            });
        }
    }
});
