import type { ResourceMap } from "./resource-map";
import type { AdmissionInput, Operation, RequestSummary, UserInfo } from "./types";
import { asRecord, labelsOf, stringField, toCelValue } from "./values";

/** Everything one admission request exposes to matching and to CEL. */
export interface AdmissionRequest {
    summary: RequestSummary;
    namespaced: boolean;
    /** CEL values. */
    object: unknown;
    oldObject: unknown;
    namespaceObject: unknown;
    request: Record<string, unknown>;
    /** Labels the namespaceSelector is matched against. */
    namespaceLabels: Record<string, string>;
    generateName: string;
    notes: string[];
}

/** Builds the request the API server would send, the way Kyverno's CLI shapes it per operation. */
export function buildRequest(input: AdmissionInput, map: ResourceMap): AdmissionRequest {
    const operation: Operation = input.operation ?? "CREATE";
    const notes: string[] = [];
    const given = toCelValue(input.object ?? null);
    const givenOld = toCelValue(input.oldObject ?? null);
    // CREATE: no old object. DELETE: the object is gone, the old object is what is deleted.
    const object = operation === "DELETE" ? null : given;
    const oldObject = operation === "CREATE" || operation === "CONNECT" ? null : operation === "DELETE" ? (givenOld ?? given) : givenOld;
    if (operation === "UPDATE" && oldObject === null) notes.push("UPDATE without an old object: oldObject is null");
    const subject = object ?? oldObject;
    const [group, version] = splitApiVersion(stringField(subject, "apiVersion"));
    const kind = stringField(subject, "kind");
    const { info, guessed } = map.resolve(group, kind);
    if (guessed && kind) notes.push(`kind ${kind} (group ${JSON.stringify(group)}) is not in the resource map: guessed resource ${JSON.stringify(info.plural)}, namespaced`);
    const metadata = asRecord(asRecord(subject)?.metadata);
    const namespace = info.namespaced ? stringField(metadata, "namespace") : "";
    const namespaceObject = namespace === "" ? null : toCelValue(input.namespaceObject ?? null);
    if (namespace !== "" && namespaceObject === null) notes.push(`no Namespace object for ${JSON.stringify(namespace)}: namespaceObject is null`);
    const summary: RequestSummary = { operation, group, version, kind, resource: info.plural, namespace, name: stringField(metadata, "name") };
    return {
        summary,
        namespaced: info.namespaced,
        object,
        oldObject,
        namespaceObject,
        request: requestValue(summary, input, object, oldObject),
        namespaceLabels: namespaceLabels(summary, object, namespaceObject),
        generateName: stringField(metadata, "generateName"),
        notes,
    };
}

function splitApiVersion(apiVersion: string): [string, string] {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? ["", apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function requestValue(s: RequestSummary, input: AdmissionInput, object: unknown, oldObject: unknown): Record<string, unknown> {
    const gvk = { group: s.group, version: s.version, kind: s.kind };
    const gvr = { group: s.group, version: s.version, resource: s.resource };
    return {
        uid: "",
        kind: gvk,
        resource: gvr,
        subResource: "",
        requestKind: { ...gvk },
        requestResource: { ...gvr },
        requestSubResource: "",
        name: s.name,
        namespace: s.namespace,
        operation: s.operation,
        userInfo: userInfoValue(input.userInfo),
        dryRun: input.dryRun ?? false,
        options: null,
        object,
        oldObject,
    };
}

function userInfoValue(user: UserInfo | undefined): Record<string, unknown> {
    const extra: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(user?.extra ?? {})) extra[key] = [...values];
    return { username: user?.username ?? "", uid: user?.uid ?? "", groups: [...(user?.groups ?? [])], extra };
}

/**
 * Labels for namespaceSelector, as the Kubernetes namespace matcher takes them: the object's own
 * labels for a Namespace being created or updated, else the Namespace object's, else the label
 * every namespace carries (`kubernetes.io/metadata.name`).
 */
function namespaceLabels(s: RequestSummary, object: unknown, namespaceObject: unknown): Record<string, string> {
    if (s.resource === "namespaces" && s.group === "" && (s.operation === "CREATE" || s.operation === "UPDATE")) return labelsOf(object);
    if (namespaceObject !== null) return labelsOf(namespaceObject);
    return { "kubernetes.io/metadata.name": s.namespace };
}
