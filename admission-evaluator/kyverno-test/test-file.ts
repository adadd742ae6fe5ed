import { problemsError } from "../../cli/errors";
import { ShapeReader } from "../shape";
import { OPERATIONS, type Operation } from "../types";
import { asRecord, stringField } from "../values";

/** A `cli.kyverno.io/v1alpha1` Test, as cmd/cli/kubectl-kyverno/apis/v1alpha1/test.go declares it. */
export interface TestFile {
    name: string;
    policies: string[];
    resources: string[];
    /** Path of a Values file. */
    variables?: string;
    /** Inline ValuesSpec (wins over `variables`, as in the CLI). */
    values?: unknown;
    userinfo?: string;
    clusterResources: string[];
    results: TestResultEntry[];
}

export type ExpectedResult = "pass" | "fail" | "skip" | "error" | "warn";

export interface TestResultEntry {
    policy: string;
    kind: string;
    result: ExpectedResult;
    /** Explicit admission operation (kyverno PR #16787). */
    operation?: Operation;
    resources: string[];
    resourceSpecs: ResourceSpec[];
}

export interface ResourceSpec {
    group?: string;
    version?: string;
    kind?: string;
    namespace?: string;
    name?: string;
}

const SUPPORTED = ["apiVersion", "kind", "metadata", "name", "policies", "resources", "variables", "values", "userinfo", "results", "clusterResources"];
/** Fields of the real Test the offline runner cannot honour: present and non-empty is an error. */
const UNSUPPORTED = [
    "jsonPayload", "jsonPayloads", "httpPayloads", "envoyPayloads", "targetResources", "paramResources", "exceptions",
    "context", "apiCallResponses", "globalContextEntries",
];
const RESULT_SUPPORTED = ["policy", "rule", "isValidatingPolicy", "result", "kind", "operation", "resources", "resourceSpecs"];
const RESULT_UNSUPPORTED = [
    "isValidatingAdmissionPolicy", "isMutatingAdmissionPolicy", "isDeletingPolicy", "isImageValidatingPolicy", "isGeneratingPolicy",
    "isMutatingPolicy", "patchedResources", "generatedResource", "cloneSourceResource", "failOnMissingResources", "generatedResources",
];

/** Reads a Test document; every problem names the field and the rule. */
export function readTestFile(document: unknown, file: string): TestFile {
    const read = new ShapeReader();
    const doc = read.object(document, "test", [...SUPPORTED, ...UNSUPPORTED], true) ?? {};
    if (stringField(doc, "apiVersion") !== "cli.kyverno.io/v1alpha1") read.problem("apiVersion", "must be cli.kyverno.io/v1alpha1");
    if (stringField(doc, "kind") !== "Test") read.problem("kind", "must be Test");
    for (const field of UNSUPPORTED) {
        if (isPresent(doc[field])) read.problem(field, "is not supported by the offline runner (ValidatingPolicy on resources only)");
    }
    const results = read.list(doc.results, "results", true).map((r, i) => readResult(read, r, `results[${i}]`));
    const test: TestFile = {
        name: stringField(asRecord(doc.metadata), "name") || stringField(doc, "name"),
        policies: read.strings(doc.policies, "policies", true),
        resources: read.strings(doc.resources, "resources"),
        variables: read.string(doc.variables, "variables"),
        values: doc.values ?? undefined,
        userinfo: read.string(doc.userinfo, "userinfo"),
        clusterResources: read.strings(doc.clusterResources, "clusterResources"),
        results,
    };
    if (read.problems.length > 0) throw problemsError(`${file}: invalid kyverno test:`, read.problems);
    return test;
}

function readResult(read: ShapeReader, value: unknown, path: string): TestResultEntry {
    const entry = read.object(value, path, [...RESULT_SUPPORTED, ...RESULT_UNSUPPORTED], true) ?? {};
    for (const field of RESULT_UNSUPPORTED) {
        if (isPresent(entry[field])) read.problem(`${path}.${field}`, "is not supported by the offline runner (ValidatingPolicy results only)");
    }
    read.boolean(entry.isValidatingPolicy, `${path}.isValidatingPolicy`);
    if (entry.result === undefined) read.problem(`${path}.result`, "is required (pass, fail, skip, error or warn)");
    read.string(entry.rule, `${path}.rule`);
    const operation = entry.operation === undefined ? undefined
        : read.oneOf(entry.operation, `${path}.operation`, OPERATIONS.filter((o) => o !== "CONNECT"), "CREATE");
    const resourceSpecs = read.list(entry.resourceSpecs, `${path}.resourceSpecs`).map((s, i) => {
        const where = `${path}.resourceSpecs[${i}]`;
        const spec = read.object(s, where, ["group", "version", "kind", "namespace", "subresource", "name"], true) ?? {};
        if (isPresent(spec.subresource)) read.problem(`${where}.subresource`, "is not supported by the offline runner");
        return {
            group: read.string(spec.group, `${where}.group`), version: read.string(spec.version, `${where}.version`),
            kind: read.string(spec.kind, `${where}.kind`), namespace: read.string(spec.namespace, `${where}.namespace`),
            name: read.string(spec.name, `${where}.name`),
        };
    });
    return {
        policy: read.string(entry.policy, `${path}.policy`, true) ?? "",
        kind: read.string(entry.kind, `${path}.kind`, true) ?? "",
        result: read.oneOf(entry.result, `${path}.result`, ["pass", "fail", "skip", "error", "warn"] as const, "pass"),
        operation,
        resources: read.strings(entry.resources, `${path}.resources`),
        resourceSpecs,
    };
}

function isPresent(value: unknown): boolean {
    if (value === undefined || value === null || value === false || value === "") return false;
    if (Array.isArray(value)) return value.length > 0;
    return true;
}
