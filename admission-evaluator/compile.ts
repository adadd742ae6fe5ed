import type { Environment, ParseResult } from "@marcbachmann/cel-js";
import { problemsError } from "../cli/errors";
import { buildResourceMap } from "./build-resource-map";
import { checkExpression, type Expected } from "./cel/check";
import { declarableType, policyEnvironment } from "./cel/env";
import { lintOptionalReceivers } from "./cel/lint";
import { readPolicy, type PolicyDefinition, type Validation } from "./policy-shape";
import type { ResourceMap } from "./resource-map";
import { ShapeReader } from "./shape";
import { stringField } from "./values";

export interface CompiledValidation {
    definition: Validation;
    program: ParseResult;
    messageProgram?: ParseResult;
}

export interface CompiledPolicy {
    definition: PolicyDefinition;
    name: string;
    /** Where the policy came from (a file), for messages. */
    source?: string;
    matchConditions: { name: string; expression: string; program: ParseResult }[];
    variables: { name: string; expression: string; program: ParseResult }[];
    validations: CompiledValidation[];
    auditAnnotations: { key: string; program: ParseResult }[];
}

export interface CompiledPolicySet {
    policies: CompiledPolicy[];
    resourceMap: ResourceMap;
    /** Suspicious but legal: a resource name the resource map does not know, ... */
    warnings: string[];
}

export interface CompileOptions {
    /** Kind ↔ plural mapping (default: core Kubernetes kinds only). */
    resourceMap?: ResourceMap;
    /** Source (file) of each policy object, same order, for messages. */
    sources?: readonly (string | undefined)[];
}

/**
 * Validates and type-checks ValidatingPolicy objects once. Every problem of every policy is
 * reported together in one UserInputError naming the policy, the field and the rule.
 */
export function compilePolicies(policyObjects: readonly unknown[], options: CompileOptions = {}): CompiledPolicySet {
    const resourceMap = options.resourceMap ?? buildResourceMap();
    const problems: string[] = [];
    const warnings: string[] = [];
    const policies: CompiledPolicy[] = [];
    const names = new Set<string>();
    policyObjects.forEach((object, index) => {
        const source = options.sources?.[index];
        const label = policyLabel(object, index, source);
        const read = new ShapeReader();
        const definition = readPolicy(object, read);
        if (definition.name && names.has(definition.name)) read.problem("metadata.name", `duplicate policy name ${JSON.stringify(definition.name)}`);
        names.add(definition.name);
        const lints: string[] = [];
        const compiled = read.problems.length === 0 ? compileDefinition(definition, source, read.problems, lints) : undefined;
        problems.push(...read.problems.map((p) => `${label}: ${p}`));
        if (compiled) {
            policies.push(compiled);
            warnings.push(...[...lints, ...resourceWarnings(definition, resourceMap)].map((w) => `${label}: ${w}`));
        }
    });
    if (problems.length > 0) throw problemsError("invalid ValidatingPolicy:", problems);
    return { policies, resourceMap, warnings };
}

function policyLabel(object: unknown, index: number, source: string | undefined): string {
    const name = stringField((object as { metadata?: unknown } | null)?.metadata, "name");
    const who = name ? `policy ${JSON.stringify(name)}` : `policy #${index + 1}`;
    return source ? `${who} (${source})` : who;
}

function compileDefinition(definition: PolicyDefinition, source: string | undefined, problems: string[], lints: string[]): CompiledPolicy | undefined {
    const check = (env: Environment, expression: string, path: string, expected: Expected): { program?: ParseResult; type?: string } => {
        const checked = checkExpression(env, expression, expected);
        if (checked.program) lints.push(...lintOptionalReceivers(env, checked.program).map((w) => `${path}: ${w}`));
        // The error shows the source with a caret; name the expression when it does not.
        const where = checked.error?.includes(" | ") ? "" : `\n      in: ${expression.trim()}`;
        if (checked.error) problems.push(`${path}: ${checked.error}${where}`);
        return checked;
    };
    // matchConditions run before variables exist; each variable sees the ones declared before it.
    const declared = new Map<string, string>();
    const matchEnv = policyEnvironment(declared);
    const matchConditions = definition.matchConditions.map((c, i) => ({
        ...c, program: check(matchEnv, c.expression, `spec.matchConditions[${i}].expression`, "bool").program,
    }));
    const variables = definition.variables.map((v, i) => {
        const checked = check(policyEnvironment(declared), v.expression, `spec.variables[${i}].expression`, "any");
        declared.set(v.name, declarableType(checked.type));
        return { ...v, program: checked.program };
    });
    const env = policyEnvironment(declared);
    const validations = definition.validations.map((v, i) => ({
        definition: v,
        program: check(env, v.expression, `spec.validations[${i}].expression`, "bool").program,
        messageProgram: v.messageExpression === undefined ? undefined
            : check(env, v.messageExpression, `spec.validations[${i}].messageExpression`, "string").program,
    }));
    const auditAnnotations = definition.auditAnnotations.map((a, i) => ({
        key: a.key, program: check(env, a.valueExpression, `spec.auditAnnotations[${i}].valueExpression`, "string-or-null").program,
    }));
    if (problems.length > 0) return undefined;
    // Every program exists once no problem was recorded.
    return {
        definition, name: definition.name, source,
        matchConditions: matchConditions as CompiledPolicy["matchConditions"],
        variables: variables as CompiledPolicy["variables"],
        validations: validations as CompiledValidation[],
        auditAnnotations: auditAnnotations as CompiledPolicy["auditAnnotations"],
    };
}

/** Resource names or versions of a group the resource map knows, but not this one: likely typos. */
function resourceWarnings(definition: PolicyDefinition, map: ResourceMap): string[] {
    const warnings: string[] = [];
    const rules = [
        ...definition.matchConstraints.resourceRules.map((r, i) => [r, `resourceRules[${i}]`] as const),
        ...definition.matchConstraints.excludeResourceRules.map((r, i) => [r, `excludeResourceRules[${i}]`] as const),
    ];
    for (const [rule, path] of rules) {
        for (const group of rule.apiGroups.filter((g) => g !== "*" && map.hasGroup(g))) {
            const known = map.pluralsOf(group);
            rule.resources.forEach((resource, i) => {
                const plural = resource.split("/")[0];
                if (plural !== "*" && !known.includes(plural)) {
                    warnings.push(`spec.matchConstraints.${path}.resources[${i}]: ${JSON.stringify(plural)} is not a resource of group ${JSON.stringify(group)} (known: ${known.join(", ")})`);
                }
            });
        }
    }
    return warnings;
}
