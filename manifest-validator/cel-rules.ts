import { compileRule, optionalNone } from "./cel-env";
import { toCelValue, type Memo } from "./cel-values";
import { appendFieldPath } from "./field-path";
import { childPath, indexPath, keyPath } from "./paths";
import type { JsonSchemaProps, Problem, ProblemType, ValidationRule } from "./types";
import { isPlainObject, type JsonObject } from "./values";
import { declared } from "./schema-props";

/**
 * Evaluates every `x-kubernetes-validations` rule on a created object (no old object): `self` is
 * the node's value; transition rules (those naming `oldSelf`) are skipped unless
 * `optionalOldSelf`, where `oldSelf` is `optional.none()`.
 */
export function evaluateRules(obj: JsonObject, schema: JsonSchemaProps): Problem[] {
    const out: Problem[] = [];
    visit(obj, schema, "", true, new WeakMap(), out);
    return out;
}

const withRules = new WeakMap<JsonSchemaProps, boolean>();

/** Whether a schema holds any rule (the API server only reports skipped rules then); cached. */
export function hasRules(s: JsonSchemaProps | undefined): boolean {
    if (!s) return false;
    let known = withRules.get(s);
    if (known === undefined) {
        known =
            (s["x-kubernetes-validations"]?.length ?? 0) > 0 ||
            Object.values(s.properties ?? {}).some(hasRules) ||
            (typeof s.additionalProperties === "object" && hasRules(s.additionalProperties)) ||
            hasRules(s.items);
        withRules.set(s, known);
    }
    return known;
}

function visit(v: unknown, s: JsonSchemaProps, path: string, root: boolean, memo: Memo, out: Problem[]): void {
    if (v === undefined || v === null) return;
    const rules = s["x-kubernetes-validations"];
    if (rules && rules.length > 0) {
        const self = toCelValue(v, s, memo, root);
        for (const rule of rules) evaluate(rule, self, path, out);
    }
    if (Array.isArray(v)) {
        const items = s.items;
        if (items) v.forEach((x, i) => visit(x, items, indexPath(path, i), false, memo, out));
    } else if (isPlainObject(v)) {
        for (const [k, x] of Object.entries(v)) {
            const prop = declared(s, k);
            if (prop) visit(x, prop, childPath(path, k), false, memo, out);
            else if (typeof s.additionalProperties === "object") visit(x, s.additionalProperties, keyPath(path, k), false, memo, out);
        }
    }
}

const reasonTypes: Record<string, ProblemType> = {
    FieldValueRequired: "Required",
    FieldValueForbidden: "Forbidden",
    FieldValueDuplicate: "Duplicate",
    FieldValueInvalid: "Invalid",
};

function evaluate(rule: ValidationRule, self: unknown, path: string, out: Problem[]): void {
    const compiled = compileRule(rule.rule);
    if (!compiled.ok) {
        out.push({ path, rule: `rule not evaluated (${compiled.reason}): ${rule.rule}`, type: "RuleNotEvaluated", severity: "warning" });
        return;
    }
    if (compiled.usesOldSelf && !rule.optionalOldSelf) return;
    const context = { self, oldSelf: optionalNone() };
    let result: unknown;
    try {
        result = compiled.program(context);
    } catch (e) {
        out.push({ path, rule: `${firstLine(e)} evaluating rule: ${ruleText(rule)}`, type: "Invalid", severity: "error" });
        return;
    }
    if (result === true) return;
    const where = rule.fieldPath ? appendFieldPath(path, rule.fieldPath) : path;
    if (result !== false) {
        out.push({ path: where, rule: `rule did not evaluate to a bool: ${rule.rule}`, type: "Invalid", severity: "error" });
        return;
    }
    out.push({ path: where, rule: message(rule, context), type: reasonTypes[rule.reason ?? ""] ?? "Invalid", severity: "error" });
}

/** messageExpression, else message, else "failed rule: <rule>" (the API server's fallbacks). */
function message(rule: ValidationRule, context: Record<string, unknown>): string {
    if (rule.messageExpression) {
        const compiled = compileRule(rule.messageExpression);
        if (compiled.ok) {
            try {
                const text = compiled.program(context);
                if (typeof text === "string" && text.trim() !== "" && !text.includes("\n")) return text;
            } catch {
                // fall back to message
            }
        }
    }
    if (rule.message && rule.message.trim() !== "") return rule.message.trim();
    return `failed rule: ${rule.rule.trim()}`;
}

/** How the API server names a rule in errors: its message, else its expression. */
function ruleText(rule: ValidationRule): string {
    return rule.message?.trim() || rule.rule.trim();
}

function firstLine(e: unknown): string {
    return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}
