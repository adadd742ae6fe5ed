import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "../../cli/errors";
import { buildResourceMap } from "../build-resource-map";
import { compilePolicies, type CompiledPolicySet } from "../compile";
import type { ResourceMap } from "../resource-map";
import type { UserInfo } from "../types";
import { asRecord, stringField } from "../values";
import { readKubernetesYaml } from "../yaml";
import { readTestFile, type TestFile } from "./test-file";
import { readUserInfo } from "./userinfo-file";
import { readValues, type SuiteValues } from "./values-file";

/** A resource of the suite, with where it came from. */
export interface SuiteResource {
    object: Record<string, unknown>;
    apiVersion: string;
    kind: string;
    namespace: string;
    name: string;
    source: string;
}

export interface LoadedSuite {
    file: string;
    test: TestFile;
    compiled: CompiledPolicySet;
    resources: SuiteResource[];
    values: SuiteValues;
    userInfo?: UserInfo;
    notes: string[];
}

/** Loads a kyverno-test.yaml and everything it names, paths relative to its folder. */
export function loadSuite(file: string, baseMap: ResourceMap): LoadedSuite {
    const dir = path.dirname(file);
    const docs = readKubernetesYaml(file);
    if (docs.length !== 1) throw new UserInputError(`${file}: must hold exactly one Test document (found ${docs.length})`);
    const test = readTestFile(docs[0], file);
    const notes: string[] = [];
    const crds = test.clusterResources.flatMap((p, i) => clusterResourceCrds(dir, p, `clusterResources[${i}]`));
    const resourceMap = crds.length > 0 ? baseMap.merge(buildResourceMap(crds, { includeCore: false })) : baseMap;
    const policyDocs = test.policies.flatMap((p, i) => documents(dir, p, `policies[${i}]`));
    for (const doc of policyDocs) {
        const kind = stringField(doc.value, "kind");
        if (kind !== "ValidatingPolicy") throw new UserInputError(`${doc.source}: ${kind || "a document without kind"} is not supported offline (ValidatingPolicy only)`);
    }
    const compiled = compilePolicies(policyDocs.map((d) => d.value), { resourceMap, sources: policyDocs.map((d) => d.source) });
    notes.push(...compiled.warnings);
    const resources = dedupe(test.resources.flatMap((p, i) => documents(dir, p, `resources[${i}]`)).map((d) => toResource(d, resourceMap)), notes);
    const values = test.values !== undefined ? readValues(test.values, `${file}: values`, false)
        : test.variables ? readValuesFile(dir, test.variables) : { namespaces: new Map() };
    const userInfo = test.userinfo ? readUserInfoFile(dir, test.userinfo) : undefined;
    return { file, test, compiled, resources, values, userInfo, notes };
}

interface SourcedDocument {
    value: unknown;
    source: string;
}

/** The YAML documents of a file, or of every .yaml/.yml file of a folder. */
function documents(dir: string, relative: string, field: string): SourcedDocument[] {
    const target = path.resolve(dir, relative);
    let files: string[];
    try {
        files = fs.statSync(target).isDirectory()
            ? fs.readdirSync(target).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(target, f))
            : [target];
    } catch {
        throw new UserInputError(`${field}: ${relative}: no such file or directory (relative to ${dir})`);
    }
    return files.flatMap((f) => readKubernetesYaml(f).map((value) => ({ value, source: f })));
}

/**
 * A resource as the CLI loads it (cmd/cli/kubectl-kyverno/resource/resource.go): a namespaced
 * (or unknown) kind without a namespace is put in "default".
 */
function toResource(doc: SourcedDocument, map: ResourceMap): SuiteResource {
    const object = asRecord(doc.value);
    const metadata = asRecord(object?.metadata);
    const name = stringField(metadata, "name");
    const kind = stringField(object, "kind");
    const apiVersion = stringField(object, "apiVersion");
    if (!object || !metadata || !kind || !name || !apiVersion) {
        throw new UserInputError(`${doc.source}: every resource needs apiVersion, kind and metadata.name`);
    }
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    let namespace = stringField(metadata, "namespace");
    if (namespace === "" && map.resolve(group, kind).info.namespaced) {
        namespace = "default";
        metadata.namespace = namespace;
    }
    return { object, apiVersion, kind, namespace, name, source: doc.source };
}

/** Like the CLI: a duplicated resource is kept once, with a warning. */
function dedupe(resources: SuiteResource[], notes: string[]): SuiteResource[] {
    const seen = new Set<string>();
    return resources.filter((r) => {
        const key = [r.apiVersion, r.kind, r.namespace, r.name].join(",");
        if (seen.has(key)) notes.push(`duplicated resource ${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name} (${r.source}) ignored`);
        const fresh = !seen.has(key);
        seen.add(key);
        return fresh;
    });
}

function readValuesFile(dir: string, relative: string): SuiteValues {
    const [doc, ...rest] = documents(dir, relative, "variables");
    if (!doc || rest.length > 0) throw new UserInputError(`variables: ${relative}: must hold exactly one Values document`);
    return readValues(doc.value, doc.source, true);
}

function readUserInfoFile(dir: string, relative: string): UserInfo {
    const [doc, ...rest] = documents(dir, relative, "userinfo");
    if (!doc || rest.length > 0) throw new UserInputError(`userinfo: ${relative}: must hold exactly one UserInfo document`);
    return readUserInfo(doc.value, doc.source);
}

/** The CRDs a ClusterResource file (`spec.crds`, paths relative to the test) names. */
function clusterResourceCrds(dir: string, relative: string, field: string): unknown[] {
    return documents(dir, relative, field).flatMap((doc) => {
        const crdPaths = asRecord(asRecord(doc.value)?.spec)?.crds;
        if (stringField(doc.value, "kind") !== "ClusterResource" || (crdPaths !== undefined && !Array.isArray(crdPaths))) {
            throw new UserInputError(`${doc.source}: must be a cli.kyverno.io/v1alpha1 ClusterResource with spec.crds a list`);
        }
        return ((crdPaths ?? []) as unknown[]).flatMap((p, i) => documents(dir, String(p), `${field} spec.crds[${i}]`).map((d) => d.value));
    });
}
