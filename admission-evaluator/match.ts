import { describeSelector, isEmptySelector, selectorMatches, type LabelSelector } from "./label-selector";
import type { MatchConstraints, ResourceRule } from "./policy-shape";
import type { AdmissionRequest } from "./request";
import { labelsOf } from "./values";

export type MatchOutcome = { matched: true } | { matched: false; reason: string };

/**
 * `spec.matchConstraints` in Kyverno's order (pkg/cel/matching/matcher.go): namespaceSelector,
 * objectSelector, excludeResourceRules, then resourceRules (none listed means every resource).
 */
export function matchConstraints(match: MatchConstraints, req: AdmissionRequest): MatchOutcome {
    const s = req.summary;
    const isNamespace = s.group === "" && s.resource === "namespaces";
    // Cluster-scoped objects other than Namespaces are never excluded by a namespaceSelector.
    if ((s.namespace !== "" || isNamespace) && !selectorAllows(match.namespaceSelector, [req.namespaceLabels])) {
        return { matched: false, reason: `namespace ${JSON.stringify(s.namespace)} does not match namespaceSelector {${describeSelector(match.namespaceSelector as LabelSelector)}}` };
    }
    // Labels are read only when there is a selector (this runs for every policy on every request).
    if (!isEmptySelector(match.objectSelector) && !selectorAllows(match.objectSelector, [req.object, req.oldObject].filter((o) => o !== null).map(labelsOf))) {
        return { matched: false, reason: `object labels do not match objectSelector {${describeSelector(match.objectSelector as LabelSelector)}}` };
    }
    const excluded = match.excludeResourceRules.findIndex((rule) => ruleMatches(rule, req));
    if (excluded >= 0) return { matched: false, reason: `excluded by excludeResourceRules[${excluded}]` };
    if (match.resourceRules.length > 0 && !match.resourceRules.some((rule) => ruleMatches(rule, req))) {
        return { matched: false, reason: `${s.operation} ${describeResource(req)} is not in resourceRules` };
    }
    return { matched: true };
}

/** An empty selector matches all; otherwise any of the label sets (object or old object) must match. */
function selectorAllows(selector: LabelSelector | undefined, labelSets: Record<string, string>[]): boolean {
    if (!selector || isEmptySelector(selector)) return true;
    return labelSets.some((labels) => selectorMatches(selector, labels));
}

function wild(list: string[], value: string): boolean {
    return list.includes("*") || list.includes(value);
}

/** Kubernetes `rules.Matcher` plus Kyverno's resourceNames (and generateName prefix) check. */
function ruleMatches(rule: ResourceRule, req: AdmissionRequest): boolean {
    const s = req.summary;
    if (!wild(rule.operations, s.operation) || !wild(rule.apiGroups, s.group) || !wild(rule.apiVersions, s.version)) return false;
    const resourceMatches = rule.resources.some((entry) => {
        const [resource, sub = ""] = entry.split("/", 2);
        return (resource === "*" || resource === s.resource) && (sub === "*" || sub === "");
    });
    if (!resourceMatches || !scopeMatches(rule.scope, req)) return false;
    if (rule.resourceNames.length === 0) return true;
    if (s.name === "") return rule.resourceNames.some((n) => req.generateName !== "" && req.generateName.startsWith(n));
    return rule.resourceNames.includes(s.name);
}

function scopeMatches(scope: ResourceRule["scope"], req: AdmissionRequest): boolean {
    const isNamespace = req.summary.group === "" && req.summary.resource === "namespaces";
    if (scope === "Namespaced") return !isNamespace && req.summary.namespace !== "";
    if (scope === "Cluster") return isNamespace || req.summary.namespace === "";
    return true;
}

function describeResource(req: AdmissionRequest): string {
    const s = req.summary;
    const gv = s.group ? `${s.group}/${s.version}` : s.version;
    return `${gv || "<no apiVersion>"} ${s.resource || "<no kind>"}${s.name ? ` ${s.name}` : ""}`;
}
