import { admit } from "../admit";
import type { CompiledPolicy } from "../compile";
import { isEmptySelector } from "../label-selector";
import type { AdmissionResult, Operation, PolicyResult } from "../types";
import type { LoadedSuite, SuiteResource } from "./load-suite";
import type { SuiteReport, TestRow } from "./report";
import type { ResourceSpec, TestResultEntry } from "./test-file";

/**
 * Runs every `results[]` entry of a loaded suite like `kyverno test`: the resources it names
 * (by name, namespace/name or resourceSpecs; all of its kind when none), under its operation
 * (entry, then `request.operation` from the values, then CREATE).
 */
export function runSuite(suite: LoadedSuite): SuiteReport {
    const cache = new Map<string, AdmissionResult>();
    const evaluate = (resource: SuiteResource, operation: Operation): AdmissionResult => {
        const key = `${suite.resources.indexOf(resource)}:${operation}`;
        let result = cache.get(key);
        if (!result) {
            result = admit(suite.compiled, requestFor(suite, resource, operation), { includeAdmissionDisabled: true });
            cache.set(key, result);
        }
        return result;
    };
    const rows = suite.test.results.flatMap((entry, index) => rowsFor(suite, entry, index, evaluate));
    const passed = rows.filter((r) => r.ok).length;
    const notes = [...suite.notes, ...guessedKinds(suite)];
    return { file: suite.file, name: suite.test.name || suite.file, rows, notes, passed, failed: rows.length - passed };
}

/** Kinds the resource map does not know: their plural is guessed, as the CLI does offline. */
function guessedKinds(suite: LoadedSuite): string[] {
    const notes = new Set<string>();
    for (const r of suite.resources) {
        const group = r.apiVersion.includes("/") ? r.apiVersion.split("/")[0] : "";
        const { info, guessed } = suite.compiled.resourceMap.resolve(group, r.kind);
        if (guessed) notes.add(`kind ${r.kind} is not in the resource map: resource name guessed as ${JSON.stringify(info.plural)}`);
    }
    return [...notes];
}

/**
 * The request shape of the Kyverno CLI (cmd/cli/kubectl-kyverno/processor/operation.go
 * `AdmissionRequestShape`): UPDATE sends the resource as both object and oldObject, DELETE
 * sends it as oldObject only.
 */
function requestFor(suite: LoadedSuite, resource: SuiteResource, operation: Operation) {
    const object = resource.object;
    return {
        operation,
        object: operation === "DELETE" ? null : object,
        oldObject: operation === "UPDATE" || operation === "DELETE" ? structuredClone(object) : null,
        namespaceObject: suite.values.namespaces.get(resource.namespace) ?? null,
        userInfo: suite.userInfo,
    };
}

function rowsFor(suite: LoadedSuite, entry: TestResultEntry, index: number, evaluate: (r: SuiteResource, op: Operation) => AdmissionResult): TestRow[] {
    const operation = entry.operation ?? suite.values.operation ?? "CREATE";
    const policyName = entry.policy.split("/").pop() ?? entry.policy;
    const policy = suite.compiled.policies.find((p) => p.name === policyName);
    const base = { index, policy: entry.policy, kind: entry.kind, operation, expected: entry.result };
    const targets = selectResources(suite.resources, entry);
    if (targets.missing.length > 0 || targets.found.length === 0) {
        const names = targets.missing.length > 0 ? targets.missing : ["<any>"];
        return names.map((name) => ({
            ...base, resource: name, actual: "not found", ok: false,
            message: `no ${entry.kind} ${name === "<any>" ? "" : `named ${JSON.stringify(name)} `}in the suite's resources`,
        }));
    }
    return targets.found.map((resource): TestRow => {
        const id = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
        if (!policy) {
            return { ...base, resource: id, actual: "not found", ok: false, message: `policy ${JSON.stringify(policyName)} is not in the suite's policies` };
        }
        const result = evaluate(resource, operation).results.find((r) => r.policy === policyName) as PolicyResult;
        return {
            ...base, resource: id, actual: result.status, ok: result.status === entry.result, message: result.message,
            compatibility: compatibility(policy, result, entry),
        };
    });
}

/** Resources named by an entry; names that match nothing are reported as missing. */
function selectResources(resources: SuiteResource[], entry: TestResultEntry): { found: SuiteResource[]; missing: string[] } {
    const ofKind = resources.filter((r) => !entry.kind || r.kind === entry.kind);
    if (entry.resources.length === 0 && entry.resourceSpecs.length === 0) return { found: ofKind, missing: [] };
    const found = new Set<SuiteResource>();
    const missing: string[] = [];
    for (const ref of entry.resources) {
        const [namespace, name] = ref.includes("/") ? ref.split("/", 2) : [undefined, ref];
        const hits = ofKind.filter((r) => r.name === name && (namespace === undefined || r.namespace === namespace));
        if (hits.length === 0) missing.push(ref);
        hits.forEach((h) => found.add(h));
    }
    for (const spec of entry.resourceSpecs) {
        const hits = resources.filter((r) => specMatches(spec, r));
        if (hits.length === 0) missing.push(spec.name ?? "<resourceSpec>");
        hits.forEach((h) => found.add(h));
    }
    return { found: [...found], missing };
}

function specMatches(spec: ResourceSpec, r: SuiteResource): boolean {
    const apiVersion = spec.group ? `${spec.group}/${spec.version ?? ""}` : spec.version ?? "";
    return r.apiVersion === apiVersion && (!spec.kind || r.kind === spec.kind) && r.namespace === (spec.namespace ?? "") && r.name === spec.name;
}

/**
 * Where the real CLI reports a row differently (cmd/cli/kubectl-kyverno/commands/test/output.go and
 * processor/policy_processor.go `hasSelector`): a resource a policy does not match is dropped for a
 * policy with one plain resource rule ("Not found", a failure), else shown as "Excluded" and passed.
 */
function compatibility(policy: CompiledPolicy, result: PolicyResult, entry: TestResultEntry): string | undefined {
    if (entry.result === "warn") return "ValidatingPolicy results are never warn";
    if (result.skipReason !== "matchConstraints") return undefined;
    if (POD_CONTROLLERS.includes(entry.kind) && policy.definition.matchConstraints.resourceRules.some((r) => r.resources.includes("pods"))) {
        return "autogen would apply this pod policy to the pod template (not emulated offline)";
    }
    if (isPlainMatch(policy)) return "reports Not found (a failure): the policy's only resource rule does not match this resource";
    if (entry.result !== "skip") return "reports Excluded (passed) whatever the expected result";
    return undefined;
}

const POD_CONTROLLERS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

function isPlainMatch(policy: CompiledPolicy): boolean {
    const m = policy.definition.matchConstraints;
    return isEmptySelector(m.namespaceSelector) && isEmptySelector(m.objectSelector) && m.excludeResourceRules.length === 0 &&
        m.resourceRules.length === 1 && m.resourceRules[0].resourceNames.length === 0;
}
