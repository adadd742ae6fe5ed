import { integerFormatProblem, stringFormatProblem } from "./formats";
import { checkListType } from "./list-types";
import { apiVersionProblem, kindProblem } from "./names";
import { objectMetaSchema, validateObjectMeta, type MetaOptions } from "./object-meta";
import { childPath, indexPath, keyPath } from "./paths";
import { goRegExp } from "./patterns";
import type { JsonSchemaProps, Problem, ProblemType } from "./types";
import { deepEqual, hasOwn, jsonKind, show, toNumber, type JsonKind, type JsonObject } from "./values";
import { declared } from "./schema-props";

/**
 * Structural-schema value validation (what `ValidateCustomResource`, the embedded-resource check
 * and the list-type check do in the API server), on an already pruned and defaulted object.
 */
export function validateResource(obj: JsonObject, schema: JsonSchemaProps, meta: MetaOptions): Problem[] {
    const out: Problem[] = [];
    new Walker(out).value(obj, schema, "", meta);
    return out;
}

/** Validates one value against a (sub)schema; used by anyOf/oneOf/not too. */
export function validateValue(v: unknown, s: JsonSchemaProps, path: string): Problem[] {
    const out: Problem[] = [];
    new Walker(out).value(v, s, path);
    return out;
}

function plural(n: number, word: string, words = `${word}s`): string {
    return `${n} ${n === 1 ? word : words}`;
}

function typeMatches(type: string, kind: JsonKind): boolean {
    if (type === "number") return kind === "number" || kind === "integer";
    return type === kind;
}

class Walker {
    constructor(private readonly out: Problem[]) {}

    private add(path: string, rule: string, type: ProblemType, severity: Problem["severity"] = "error"): void {
        this.out.push({ path, rule, type, severity });
    }

    /** metadata of a root or embedded resource: ObjectMeta types and rules, plus the schema's name rules. */
    private metadata(obj: JsonObject, s: JsonSchemaProps, path: string, meta: MetaOptions): void {
        const metaPath = childPath(path, "metadata");
        const m = obj.metadata;
        if (m !== undefined) {
            this.value(m, objectMetaSchema, metaPath);
            for (const field of ["name", "generateName"]) {
                const fs = s.properties?.metadata?.properties?.[field];
                if (fs && jsonKind(m) === "object" && hasOwn(m as JsonObject, field)) {
                    this.value((m as JsonObject)[field], fs, childPath(metaPath, field));
                }
            }
        }
        this.out.push(...validateObjectMeta(m, metaPath, meta));
    }

    value(v: unknown, s: JsonSchemaProps, path: string, meta?: MetaOptions): void {
        if (v === undefined) return;
        const intOrString = s["x-kubernetes-int-or-string"] === true;
        if (v === null) {
            if (s.nullable !== true && (s.type !== undefined || intOrString)) {
                this.add(path, `must be ${intOrString ? "integer or string" : s.type}`, "TypeInvalid");
            }
            return;
        }
        const kind = jsonKind(v);
        if (kind === "unsupported") {
            this.add(path, "must be a JSON value (string, number, boolean, list, map or null)", "TypeInvalid");
            return;
        }
        if (intOrString) {
            if (kind !== "integer" && kind !== "string") {
                this.add(path, "must be integer or string", "TypeInvalid");
                return;
            }
        } else if (s.type !== undefined && !typeMatches(s.type, kind)) {
            this.add(path, `must be ${s.type}`, "TypeInvalid");
            return;
        }
        if (s.enum && !s.enum.some((e) => deepEqual(e, v))) {
            this.add(path, `must be one of [${s.enum.map(show).join(", ")}]`, "NotSupported");
        }
        if (kind === "string") this.string(v as string, s, path);
        if (kind === "integer" || kind === "number") this.number(v as number | bigint, kind, s, path);
        if (kind === "array") this.array(v as unknown[], s, path);
        if (kind === "object") this.object(v as JsonObject, s, path, meta);
        this.composition(v, s, path);
    }

    private string(v: string, s: JsonSchemaProps, path: string): void {
        const length = [...v].length;
        if (s.maxLength !== undefined && length > toNumber(s.maxLength)) {
            this.add(path, `must be at most ${plural(toNumber(s.maxLength), "character")}`, "TooLong");
        }
        if (s.minLength !== undefined && length < toNumber(s.minLength)) {
            this.add(path, `must be at least ${plural(toNumber(s.minLength), "character")}`, "Invalid");
        }
        if (s.pattern !== undefined) {
            const re = goRegExp(s.pattern);
            if (re instanceof Error) this.add(path, `not checked: ${re.message}`, "RuleNotEvaluated", "warning");
            else if (!re.test(v)) this.add(path, `must match pattern '${s.pattern}'`, "Invalid");
        }
        if (s.format !== undefined) {
            const p = stringFormatProblem(s.format, v);
            if (p) this.add(path, p, "Invalid");
        }
    }

    private number(v: number | bigint, kind: JsonKind, s: JsonSchemaProps, path: string): void {
        const n = toNumber(v);
        if (s.maximum !== undefined) {
            const max = toNumber(s.maximum);
            if (s.exclusiveMaximum ? n >= max : n > max) {
                this.add(path, `must be ${s.exclusiveMaximum ? "<" : "<="} ${max}`, "Invalid");
            }
        }
        if (s.minimum !== undefined) {
            const min = toNumber(s.minimum);
            if (s.exclusiveMinimum ? n <= min : n < min) {
                this.add(path, `must be ${s.exclusiveMinimum ? ">" : ">="} ${min}`, "Invalid");
            }
        }
        if (s.multipleOf !== undefined) {
            const m = toNumber(s.multipleOf);
            const q = n / m;
            if (m !== 0 && Math.abs(q - Math.round(q)) > 1e-9) this.add(path, `must be a multiple of ${m}`, "Invalid");
        }
        if (kind === "integer" && s.format !== undefined) {
            const p = integerFormatProblem(s.format, v);
            if (p) this.add(path, p, "Invalid", "warning");
        }
    }

    private array(v: unknown[], s: JsonSchemaProps, path: string): void {
        if (s.maxItems !== undefined && v.length > toNumber(s.maxItems)) {
            this.add(path, `must have at most ${plural(toNumber(s.maxItems), "item")}`, "TooMany");
        }
        if (s.minItems !== undefined && v.length < toNumber(s.minItems)) {
            this.add(path, `must have at least ${plural(toNumber(s.minItems), "item")}`, "Invalid");
        }
        if (s.uniqueItems) {
            v.forEach((x, i) => {
                const j = v.findIndex((y) => deepEqual(x, y));
                if (j < i) this.add(indexPath(path, i), `duplicate of [${j}]`, "Duplicate");
            });
        }
        const items = s.items;
        if (items) v.forEach((x, i) => this.value(x, items, indexPath(path, i)));
        this.out.push(...checkListType(v, s, path));
    }

    private object(v: JsonObject, s: JsonSchemaProps, path: string, rootMeta: MetaOptions | undefined): void {
        const count = Object.keys(v).length;
        if (s.maxProperties !== undefined && count > toNumber(s.maxProperties)) {
            this.add(path, `must have at most ${plural(toNumber(s.maxProperties), "property", "properties")}`, "TooMany");
        }
        if (s.minProperties !== undefined && count < toNumber(s.minProperties)) {
            this.add(path, `must have at least ${plural(toNumber(s.minProperties), "property", "properties")}`, "Invalid");
        }
        for (const r of s.required ?? []) {
            if (!hasOwn(v, r) || v[r] === undefined) this.add(childPath(path, r), "is required", "Required");
        }
        const meta = rootMeta ?? (s["x-kubernetes-embedded-resource"] === true ? { requireName: false } : undefined);
        if (meta) {
            if (!rootMeta) this.embedded(v, path);
            this.metadata(v, s, path, meta);
        }
        for (const [k, x] of Object.entries(v)) {
            if (meta && k === "metadata") continue;
            const prop = declared(s, k);
            if (prop) this.value(x, prop, childPath(path, k));
            else if (typeof s.additionalProperties === "object") this.value(x, s.additionalProperties, keyPath(path, k));
        }
    }

    /** apiVersion and kind of an embedded resource (schemaobjectmeta.Validate). */
    private embedded(v: JsonObject, path: string): void {
        for (const field of ["apiVersion", "kind"]) {
            const x = v[field];
            const p = childPath(path, field);
            if (x === undefined || x === "") this.add(p, "is required", "Required");
            else if (typeof x !== "string") this.add(p, "must be string", "TypeInvalid");
            else {
                const problem = field === "kind" ? kindProblem(x) : apiVersionProblem(x);
                if (problem) this.add(p, problem, "Invalid");
            }
        }
    }

    private composition(v: unknown, s: JsonSchemaProps, path: string): void {
        for (const sub of s.allOf ?? []) this.value(v, sub, path);
        if (s.anyOf && s.anyOf.length > 0 && !s["x-kubernetes-int-or-string"]) {
            const results = s.anyOf.map((sub) => validateValue(v, sub, path).filter((p) => p.severity === "error"));
            if (!results.some((r) => r.length === 0)) {
                this.add(path, `must match at least one schema in anyOf (${summary(results[0])})`, "Invalid");
            }
        }
        if (s.oneOf && s.oneOf.length > 0) {
            const ok = s.oneOf.filter((sub) => validateValue(v, sub, path).every((p) => p.severity !== "error")).length;
            if (ok !== 1) this.add(path, `must match exactly one schema in oneOf (matches ${ok})`, "Invalid");
        }
        if (s.not && validateValue(v, s.not, path).every((p) => p.severity !== "error")) {
            this.add(path, "must not match the schema in not", "Invalid");
        }
    }
}

function summary(problems: Problem[]): string {
    return problems
        .slice(0, 3)
        .map((p) => (p.path ? `${p.path}: ${p.rule}` : p.rule))
        .join("; ");
}
