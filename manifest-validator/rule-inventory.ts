import { compileRule } from "./cel-env";
import { childPath } from "./paths";
import { gvkKey, type SchemaRegistry } from "./registry";
import type { JsonSchemaProps, UnevaluatedRule } from "./types";

/** Every CEL rule (and messageExpression) of the registry that cel-js cannot evaluate, with why. */
export function listUnevaluatedRules(registry: SchemaRegistry): UnevaluatedRule[] {
    const out: UnevaluatedRule[] = [];
    for (const entry of registry.entries()) {
        walk(entry.schema, "", (path, s) => {
            for (const r of s["x-kubernetes-validations"] ?? []) {
                for (const expr of [r.rule, r.messageExpression]) {
                    if (!expr) continue;
                    const compiled = compileRule(expr);
                    if (!compiled.ok) out.push({ gvk: gvkKey(entry), schemaPath: path, rule: expr, reason: compiled.reason });
                }
            }
        });
    }
    return out;
}

function walk(s: JsonSchemaProps, path: string, visit: (path: string, s: JsonSchemaProps) => void): void {
    visit(path, s);
    for (const [k, p] of Object.entries(s.properties ?? {})) walk(p, childPath(path, k), visit);
    if (typeof s.additionalProperties === "object") walk(s.additionalProperties, `${path}[*]`, visit);
    if (s.items) walk(s.items, `${path}[*]`, visit);
}
