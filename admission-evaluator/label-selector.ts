import type { ShapeReader } from "./shape";

/** A Kubernetes label selector (`matchLabels` AND every `matchExpressions` entry). */
export interface LabelSelector {
    matchLabels: Record<string, string>;
    matchExpressions: SelectorRequirement[];
}

export interface SelectorRequirement {
    key: string;
    operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
    values: string[];
}

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"] as const;

export function readLabelSelector(read: ShapeReader, value: unknown, path: string): LabelSelector | undefined {
    const record = read.object(value, path, ["matchLabels", "matchExpressions"]);
    if (!record) return undefined;
    const matchExpressions = read.list(record.matchExpressions, `${path}.matchExpressions`).map((item, i) => {
        const where = `${path}.matchExpressions[${i}]`;
        const entry = read.object(item, where, ["key", "operator", "values"], true) ?? {};
        const operator = read.oneOf(entry.operator, `${where}.operator`, OPERATORS, "Exists");
        if (entry.operator === undefined) read.problem(`${where}.operator`, "is required");
        const values = read.strings(entry.values, `${where}.values`);
        const needsValues = operator === "In" || operator === "NotIn";
        if (needsValues && values.length === 0) read.problem(`${where}.values`, `must not be empty for ${operator}`);
        if (!needsValues && values.length > 0) read.problem(`${where}.values`, `must be empty for ${operator}`);
        return { key: read.string(entry.key, `${where}.key`, true) ?? "", operator, values };
    });
    return { matchLabels: read.stringMap(record.matchLabels, `${path}.matchLabels`), matchExpressions };
}

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
    return !selector || (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0);
}

export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
    for (const [key, value] of Object.entries(selector.matchLabels)) {
        if (labels[key] !== value) return false;
    }
    return selector.matchExpressions.every((r) => requirementMatches(r, labels));
}

function requirementMatches(requirement: SelectorRequirement, labels: Record<string, string>): boolean {
    const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    switch (requirement.operator) {
        case "In":
            return has && requirement.values.includes(labels[requirement.key]);
        case "NotIn":
            return !has || !requirement.values.includes(labels[requirement.key]);
        case "Exists":
            return has;
        case "DoesNotExist":
            return !has;
    }
}

/** "env=prod, tier in (a,b)" for messages. */
export function describeSelector(selector: LabelSelector): string {
    const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
    for (const r of selector.matchExpressions) {
        if (r.operator === "Exists") parts.push(r.key);
        else if (r.operator === "DoesNotExist") parts.push(`!${r.key}`);
        else parts.push(`${r.key} ${r.operator === "In" ? "in" : "notin"} (${r.values.join(",")})`);
    }
    return parts.join(", ");
}
