import { childPath, keyPath } from "./paths";
import { dnsLabelProblem, dnsSubdomainProblem, generateNameProblem, labelValueProblem, qualifiedNameProblem } from "./names";
import type { JsonSchemaProps, Problem } from "./types";
import { isPlainObject, type JsonObject } from "./values";

const str: JsonSchemaProps = { type: "string" };
const stringMap: JsonSchemaProps = { type: "object", additionalProperties: { type: "string" } };

/** The fields of `metav1.ObjectMeta`: what survives pruning of `metadata`, and their types. */
export const objectMetaSchema: JsonSchemaProps = {
    type: "object",
    properties: {
        name: str,
        generateName: str,
        namespace: str,
        selfLink: str,
        uid: str,
        resourceVersion: str,
        generation: { type: "integer", format: "int64" },
        creationTimestamp: { type: "string", format: "date-time", nullable: true },
        deletionTimestamp: { type: "string", format: "date-time", nullable: true },
        deletionGracePeriodSeconds: { type: "integer", format: "int64" },
        labels: stringMap,
        annotations: stringMap,
        ownerReferences: {
            type: "array",
            items: {
                type: "object",
                required: ["apiVersion", "kind", "name", "uid"],
                properties: {
                    apiVersion: str,
                    kind: str,
                    name: str,
                    uid: str,
                    controller: { type: "boolean" },
                    blockOwnerDeletion: { type: "boolean" },
                },
            },
        },
        finalizers: { type: "array", items: str },
        managedFields: { type: "array", items: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
    },
};

export interface MetaOptions {
    /** Root objects need a name or generateName; embedded ones do not. */
    readonly requireName: boolean;
    /** true/false for a root object of a known scope; undefined for embedded objects. */
    readonly namespaced?: boolean;
}

const maxAnnotationsBytes = 256 * 1024;

/** ObjectMeta rules the API server applies beyond types (ValidateObjectMetaAccessor). */
export function validateObjectMeta(meta: unknown, path: string, opts: MetaOptions): Problem[] {
    const out: Problem[] = [];
    const err = (p: string, rule: string, type: Problem["type"] = "Invalid") =>
        out.push({ path: p, rule, type, severity: "error" });
    const m: JsonObject = isPlainObject(meta) ? meta : {};
    const name = typeof m.name === "string" ? m.name : "";
    const generateName = typeof m.generateName === "string" ? m.generateName : "";
    const given = (v: unknown) => v !== undefined && v !== null && v !== "";
    if (opts.requireName && !given(m.name) && !given(m.generateName)) {
        err(childPath(path, "name"), "is required", "Required");
    }
    if (name !== "") {
        const p = dnsSubdomainProblem(name);
        if (p) err(childPath(path, "name"), p);
    }
    if (generateName !== "") {
        const p = generateNameProblem(generateName);
        if (p) err(childPath(path, "generateName"), p);
    }
    if (typeof m.namespace === "string" && m.namespace !== "") {
        if (opts.namespaced === false) {
            out.push({
                path: childPath(path, "namespace"),
                rule: "is ignored: the kind is cluster-scoped (the API server clears it)",
                type: "Forbidden",
                severity: "warning",
            });
        } else {
            const p = dnsLabelProblem(m.namespace);
            if (p) err(childPath(path, "namespace"), p);
        }
    }
    checkKeys(m.labels, childPath(path, "labels"), err, true);
    checkKeys(m.annotations, childPath(path, "annotations"), err, false);
    if (isPlainObject(m.annotations)) {
        const size = Object.entries(m.annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
        if (size > maxAnnotationsBytes) err(childPath(path, "annotations"), `must have at most ${maxAnnotationsBytes} bytes`, "TooLong");
    }
    if (Array.isArray(m.finalizers)) {
        m.finalizers.forEach((f, i) => {
            const p = typeof f === "string" ? qualifiedNameProblem(f) : undefined;
            if (p) err(`${childPath(path, "finalizers")}[${i}]`, p);
        });
    }
    return out;
}

function checkKeys(map: unknown, path: string, err: (p: string, rule: string) => void, labels: boolean): void {
    if (!isPlainObject(map)) return;
    for (const [k, v] of Object.entries(map)) {
        const kp = qualifiedNameProblem(labels ? k : k.toLowerCase());
        if (kp) err(keyPath(path, k), `key ${kp}`);
        if (labels && typeof v === "string") {
            const vp = labelValueProblem(v);
            if (vp) err(keyPath(path, k), `value ${vp}`);
        }
    }
}
