// A claim becomes its XR the way the claim controller's server-side syncer
// builds it on the first reconcile, plus what the API server and the XR
// reconciler add before composing (defaults, composition selection, labels).
import { UserInputError } from "../../cli/errors";
import { JsonObject, deepClone, isObject } from "../go/values";
import { CompositionInfo, readComposition } from "./composition";
import { LABEL_CLAIM_NAME, LABEL_CLAIM_NAMESPACE, LABEL_COMPOSITE } from "./labels";
import { fakeUID, nameSuffix } from "./names";
import { metaString, str, stringMap } from "./object";
import { readXrd } from "./xrd";
import { configureComposite } from "./xr-configure";

export interface ClaimToCompositeOptions {
    /** The XR name; default `<claim name>-<5 chars>` (deterministic) or the claim's spec.resourceRef.name. */
    name?: string;
    /** The XR uid; default derived from the XR's identity. */
    uid?: string;
    /** With a Composition, also apply what the XR reconciler sets from it (writeConnectionSecretToRef). */
    composition?: JsonObject;
}

// CompositeResourceClaimSpecProps + CompositeResourceSpecProps(LegacyCluster), minus PropagateSpecProps.
const STRIPPED = [
    "compositionRevisionRef",
    "compositeDeletePolicy",
    "resourceRef",
    "writeConnectionSecretToRef",
    "resourceRefs",
    "claimRef",
];

/** withoutReservedK8sEntries: drop *.kubernetes.io and *.k8s.io keys. */
function withoutReserved(m: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) {
        const prefix = k.split("/")[0];
        if (prefix.endsWith("kubernetes.io") || prefix.endsWith("k8s.io")) continue;
        out[k] = v;
    }
    return out;
}

function checkClaim(claim: JsonObject, group: string, versions: string[], claimKind: string): void {
    const apiVersion = str(claim.apiVersion);
    const [g, v] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
    if (g !== group || !versions.includes(v)) {
        throw new UserInputError(
            `claim apiVersion: must be ${versions.map((x) => `${group}/${x}`).join(" or ")} (the XRD's served versions), got "${apiVersion}"`,
        );
    }
    if (str(claim.kind) !== claimKind) {
        throw new UserInputError(`claim kind: must be ${claimKind} (the XRD's claimNames.kind), got "${str(claim.kind)}"`);
    }
    if (!metaString(claim, "name")) throw new UserInputError("claim metadata.name: is required");
    if (!isObject(claim.spec)) throw new UserInputError(`claim ${claimKind} "${metaString(claim, "name")}" spec: must be an object`);
}

export function claimToComposite(claim: JsonObject, xrd: JsonObject, options: ClaimToCompositeOptions = {}): JsonObject {
    const info = readXrd(xrd);
    checkClaim(claim, info.group, info.servedVersions, info.claimKind);
    const claimName = metaString(claim, "name");
    const claimNs = metaString(claim, "namespace") || "default";
    const cmSpec = claim.spec as JsonObject;

    const resourceRef = isObject(cmSpec.resourceRef) ? str(cmSpec.resourceRef.name) : "";
    const name = options.name || resourceRef || `${claimName}-${nameSuffix(`${claimNs}/${claimName}`)}`;

    const spec: JsonObject = {};
    for (const [k, v] of Object.entries(cmSpec)) {
        if (STRIPPED.includes(k)) continue;
        if (k === "compositionRef" && info.enforcedCompositionRef) continue;
        spec[k] = deepClone(v);
    }
    spec.claimRef = { apiVersion: str(claim.apiVersion), kind: info.claimKind, name: claimName, namespace: claimNs };

    // API server defaulting from the XR CRD, then the XR reconciler's selectors.
    if (spec.compositionUpdatePolicy === undefined) spec.compositionUpdatePolicy = info.defaultCompositionUpdatePolicy;
    if (info.enforcedCompositionRef) spec.compositionRef = { name: info.enforcedCompositionRef };
    else if (spec.compositionRef === undefined && spec.compositionSelector === undefined && info.defaultCompositionRef) {
        spec.compositionRef = { name: info.defaultCompositionRef };
    }
    if (spec.compositionRevisionSelector === undefined && info.defaultCompositionRevisionSelector) {
        spec.compositionRevisionSelector = deepClone(info.defaultCompositionRevisionSelector);
    }

    const cm = isObject(claim.metadata) ? claim.metadata : {};
    const annotations = withoutReserved(stringMap(cm.annotations));
    const labels = {
        ...withoutReserved(stringMap(cm.labels)),
        [LABEL_CLAIM_NAME]: claimName,
        [LABEL_CLAIM_NAMESPACE]: claimNs,
        [LABEL_COMPOSITE]: name,
    };
    const apiVersion = `${info.group}/${info.referenceableVersion}`;
    const metadata: JsonObject = { name, labels };
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    metadata.uid = options.uid || fakeUID(`${apiVersion}/${info.kind}//${name}`);
    let xr: JsonObject = { apiVersion, kind: info.kind, metadata, spec };
    if (options.composition) {
        const comp: CompositionInfo = readComposition(options.composition);
        xr = configureComposite(xr, comp);
    }
    return xr;
}
