// The parts of an apiextensions.crossplane.io/v1 XRD that turn a claim into an XR.
import { UserInputError } from "../../cli/errors";
import { JsonObject, isObject } from "../go/values";
import { metaString, str } from "./object";

export interface XrdInfo {
    name: string;
    group: string;
    kind: string;
    claimKind: string;
    referenceableVersion: string;
    servedVersions: string[];
    defaultCompositionRef?: string;
    enforcedCompositionRef?: string;
    defaultCompositionUpdatePolicy: string;
    defaultCompositionRevisionSelector?: JsonObject;
    connectionSecretKeys: string[];
}

function bad(field: string, rule: string): UserInputError {
    return new UserInputError(`CompositeResourceDefinition ${field}: ${rule}`);
}

function refName(v: unknown): string | undefined {
    return isObject(v as never) && typeof (v as JsonObject).name === "string" ? ((v as JsonObject).name as string) : undefined;
}

/** What readXrd found, by XRD object (an XRD does not change once loaded). Frozen. */
const read = new WeakMap<JsonObject, Readonly<XrdInfo>>();

/** The parts of a claim-capable XRD that turn a claim into an XR; throws UserInputError naming the field and rule. */
export function readXrd(xrd: JsonObject): Readonly<XrdInfo> {
    let info = read.get(xrd);
    if (info === undefined) {
        info = parseXrd(xrd);
        Object.freeze(info.servedVersions);
        Object.freeze(info.connectionSecretKeys);
        read.set(xrd, Object.freeze(info));
    }
    return info;
}

function parseXrd(xrd: JsonObject): XrdInfo {
    if (str(xrd.apiVersion) !== "apiextensions.crossplane.io/v1" || str(xrd.kind) !== "CompositeResourceDefinition") {
        throw bad("apiVersion/kind", `must be apiextensions.crossplane.io/v1 CompositeResourceDefinition (claims need v1), got ${str(xrd.apiVersion)} ${str(xrd.kind)}`);
    }
    const spec = isObject(xrd.spec) ? xrd.spec : undefined;
    if (!spec) throw bad("spec", "is required");
    const scope = spec.scope ?? "LegacyCluster";
    if (scope !== "LegacyCluster") throw bad("spec.scope", `must be LegacyCluster for claims, got ${JSON.stringify(scope)}`);
    const group = str(spec.group);
    if (!group) throw bad("spec.group", "is required");
    const kind = isObject(spec.names) ? str(spec.names.kind) : "";
    if (!kind) throw bad("spec.names.kind", "is required");
    const claimKind = isObject(spec.claimNames) ? str(spec.claimNames.kind) : "";
    if (!claimKind) throw bad("spec.claimNames.kind", "is required to accept claims");
    const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
    const referenceable = versions.filter((v) => v.referenceable === true);
    if (referenceable.length !== 1) throw bad("spec.versions", "exactly one version must be referenceable");
    const policy = spec.defaultCompositionUpdatePolicy ?? "Automatic";
    if (policy !== "Automatic" && policy !== "Manual") {
        throw bad("spec.defaultCompositionUpdatePolicy", `must be Automatic or Manual, got ${JSON.stringify(policy)}`);
    }
    return {
        name: metaString(xrd, "name"),
        group,
        kind,
        claimKind,
        referenceableVersion: str(referenceable[0].name),
        servedVersions: versions.filter((v) => v.served === true).map((v) => str(v.name)),
        defaultCompositionRef: refName(spec.defaultCompositionRef),
        enforcedCompositionRef: refName(spec.enforcedCompositionRef),
        defaultCompositionUpdatePolicy: policy,
        defaultCompositionRevisionSelector: isObject(spec.defaultCompositionRevisionSelector) ? spec.defaultCompositionRevisionSelector : undefined,
        connectionSecretKeys: Array.isArray(spec.connectionSecretKeys) ? spec.connectionSecretKeys.filter((k): k is string => typeof k === "string") : [],
    };
}
