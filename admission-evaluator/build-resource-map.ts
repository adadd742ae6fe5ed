import { problemsError } from "../cli/errors";
import { CORE_RESOURCES } from "./core-resources";
import { ResourceMap, type ResourceInfo } from "./resource-map";
import { asRecord, stringField } from "./values";

export interface BuildResourceMapOptions {
    /** Start from the built-in Kubernetes kinds (default true). */
    includeCore?: boolean;
}

/**
 * A resource map from CustomResourceDefinitions and Crossplane CompositeResourceDefinitions
 * (XR kind and, for claimable XRDs, the claim kind), on top of the core Kubernetes kinds.
 */
export function buildResourceMap(definitions: readonly unknown[] = [], options: BuildResourceMapOptions = {}): ResourceMap {
    const map = new ResourceMap(options.includeCore === false ? [] : CORE_RESOURCES);
    const problems: string[] = [];
    definitions.forEach((definition, index) => {
        for (const entry of entriesOf(definition, `definitions[${index}]`, problems)) map.add(entry);
    });
    if (problems.length > 0) throw problemsError("invalid resource definitions:", problems);
    return map;
}

function entriesOf(definition: unknown, where: string, problems: string[]): ResourceInfo[] {
    const kind = stringField(definition, "kind");
    const apiVersion = stringField(definition, "apiVersion");
    const spec = asRecord(asRecord(definition)?.spec);
    const name = stringField(asRecord(definition)?.metadata, "name") || where;
    if (kind === "CustomResourceDefinition" && apiVersion.startsWith("apiextensions.k8s.io/")) {
        return crdEntries(spec, name, problems);
    }
    if (kind === "CompositeResourceDefinition" && apiVersion.startsWith("apiextensions.crossplane.io/")) {
        return xrdEntries(spec, name, apiVersion, problems);
    }
    problems.push(`${where}: kind ${apiVersion}/${kind || "<none>"} is not a CustomResourceDefinition or a CompositeResourceDefinition`);
    return [];
}

function crdEntries(spec: Record<string, unknown> | undefined, name: string, problems: string[]): ResourceInfo[] {
    const group = stringField(spec, "group");
    const names = namesOf(spec?.names, `${name}: spec.names`, problems);
    if (!group) problems.push(`${name}: spec.group is required`);
    if (!names || !group) return [];
    const scope = stringField(spec, "scope");
    if (scope !== "Namespaced" && scope !== "Cluster") {
        problems.push(`${name}: spec.scope must be Namespaced or Cluster`);
        return [];
    }
    return [{ group, ...names, namespaced: scope === "Namespaced", versions: versionsOf(spec) }];
}

function xrdEntries(spec: Record<string, unknown> | undefined, name: string, apiVersion: string, problems: string[]): ResourceInfo[] {
    const group = stringField(spec, "group");
    const names = namesOf(spec?.names, `${name}: spec.names`, problems);
    if (!group) problems.push(`${name}: spec.group is required`);
    if (!names || !group) return [];
    // v1 XRDs default to LegacyCluster (cluster-scoped XR, claimable); v2 XRDs to Namespaced.
    const scope = stringField(spec, "scope") || (apiVersion.endsWith("/v1") ? "LegacyCluster" : "Namespaced");
    const versions = versionsOf(spec);
    const entries: ResourceInfo[] = [{ group, ...names, namespaced: scope === "Namespaced", versions }];
    if (spec?.claimNames !== undefined) {
        const claim = namesOf(spec.claimNames, `${name}: spec.claimNames`, problems);
        if (claim) entries.push({ group, ...claim, namespaced: true, versions });
    }
    return entries;
}

function namesOf(value: unknown, where: string, problems: string[]): { kind: string; plural: string } | undefined {
    const kind = stringField(value, "kind");
    const plural = stringField(value, "plural");
    if (!kind) problems.push(`${where}.kind is required`);
    if (!plural) problems.push(`${where}.plural is required`);
    return kind && plural ? { kind, plural } : undefined;
}

function versionsOf(spec: Record<string, unknown> | undefined): string[] {
    const versions = spec?.versions;
    if (!Array.isArray(versions)) return [];
    return versions.map((v) => stringField(v, "name")).filter((v) => v !== "");
}
