import { problemsError } from "../../cli/errors";
import { ShapeReader } from "../shape";
import { OPERATIONS, type Operation } from "../types";
import { asRecord, stringField } from "../values";

/** What a Values file (`kind: Value` or `Values`) gives ValidatingPolicy tests. */
export interface SuiteValues {
    /** `globalValues["request.operation"]`: the default operation of every result. */
    operation?: Operation;
    /** Namespace objects by name (`namespaces`, then `namespaceSelector` labels), for namespaceObject. */
    namespaces: Map<string, unknown>;
}

const SPEC_FIELDS = ["globalValues", "policies", "namespaceSelector", "namespaces", "subresources"];

/**
 * Reads a ValuesSpec (cmd/cli/kubectl-kyverno/apis/v1alpha1/values_spec.go). `standalone` is a
 * Values file with apiVersion/kind/metadata; otherwise it is the Test's inline `values`.
 */
export function readValues(document: unknown, where: string, standalone: boolean): SuiteValues {
    const read = new ShapeReader();
    const allowed = standalone ? ["apiVersion", "kind", "metadata", ...SPEC_FIELDS] : SPEC_FIELDS;
    const doc = read.object(document, "values", allowed, true) ?? {};
    if (standalone) {
        if (stringField(doc, "apiVersion") !== "cli.kyverno.io/v1alpha1") read.problem("apiVersion", "must be cli.kyverno.io/v1alpha1");
        if (!["Value", "Values"].includes(stringField(doc, "kind"))) read.problem("kind", "must be Value or Values");
    }
    const globals = read.object(doc.globalValues, "globalValues", Object.keys(asRecord(doc.globalValues) ?? {}));
    const op = globals?.["request.operation"];
    // CONNECT is accepted but not simulated for CEL policies: the CLI falls back to CREATE.
    const operation = op === undefined ? undefined : read.oneOf(op, "globalValues.request.operation", OPERATIONS, "CREATE");
    const namespaces = new Map<string, unknown>();
    read.list(doc.namespaceSelector, "namespaceSelector").forEach((entry, i) => {
        const sel = read.object(entry, `namespaceSelector[${i}]`, ["name", "labels"], true);
        const name = read.string(sel?.name, `namespaceSelector[${i}].name`, true) ?? "";
        const labels = read.stringMap(sel?.labels ?? {}, `namespaceSelector[${i}].labels`);
        namespaces.set(name, { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
    });
    read.list(doc.namespaces, "namespaces").forEach((ns, i) => {
        const name = read.string(asRecord(asRecord(ns)?.metadata)?.name, `namespaces[${i}].metadata.name`, true) ?? "";
        namespaces.set(name, ns);
    });
    if (read.problems.length > 0) throw problemsError(`${where}: invalid values:`, read.problems);
    return { operation: operation === "CONNECT" ? "CREATE" : operation, namespaces };
}
