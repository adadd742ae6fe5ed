// ServerSideCompositeSyncer.Sync, claim -> XR half: the XR patch the claim
// controller applies (names, labels, annotations, filtered spec, claimRef).
import { GoError } from "../go/errors";
import { JsonObject, deepClone, isObject } from "../go/values";
import { LABEL_CLAIM_NAME, LABEL_CLAIM_NAMESPACE } from "./labels";
import { metaString, str, stringMap } from "./object";

const EXTERNAL_NAME = "crossplane.io/external-name";

// CompositeResourceClaimSpecProps + CompositeResourceSpecProps(LegacyCluster) keys.
const WELL_KNOWN = [
    "compositionRef",
    "compositionSelector",
    "compositionRevisionRef",
    "compositionRevisionSelector",
    "compositionUpdatePolicy",
    "compositeDeletePolicy",
    "resourceRef",
    "writeConnectionSecretToRef",
    "resourceRefs",
    "claimRef",
];
const PROPAGATE = ["compositionRef", "compositionSelector", "compositionUpdatePolicy", "compositionRevisionSelector"];

export interface SyncOptions {
    /** The XR as it exists, if it does. */
    existing?: JsonObject;
    hasEnforcedComposition: boolean;
    /** names.NameGenerator: a name for generateName `prefix`. */
    generateName: (prefix: string) => string;
}

/** withoutReservedK8sEntries: drop *.kubernetes.io and *.k8s.io keys. */
export function withoutReserved(m: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) {
        const prefix = k.split("/")[0];
        if (prefix.endsWith("kubernetes.io") || prefix.endsWith("k8s.io")) continue;
        out[k] = v;
    }
    return out;
}

function fieldsToStrip(opts: SyncOptions): string[] {
    const propagate = PROPAGATE.filter((f) => !(f === "compositionRef" && opts.hasEnforcedComposition));
    const existingSpec = isObject(opts.existing?.spec) ? opts.existing.spec : {};
    if (existingSpec.compositionUpdatePolicy === "Manual") propagate.push("compositionRevisionRef");
    return WELL_KNOWN.filter((f) => !propagate.includes(f));
}

/** The XR patch for `cm` (apiVersion and kind are the caller's). Throws GoError. */
export function syncClaimToComposite(cm: JsonObject, opts: SyncOptions): JsonObject {
    const metadata: JsonObject = {};
    const cmSpec = isObject(cm.spec) ? cm.spec : undefined;
    const ref = cmSpec && isObject(cmSpec.resourceRef) ? str(cmSpec.resourceRef.name) : "";
    if (ref) metadata.name = ref;
    else {
        metadata.generateName = `${metaString(cm, "name")}-`;
        metadata.name = opts.generateName(metadata.generateName);
    }
    const cmMeta = isObject(cm.metadata) ? cm.metadata : {};
    const annotations = withoutReserved(stringMap(cmMeta.annotations));
    const en = opts.existing && isObject(opts.existing.metadata) ? stringMap(opts.existing.metadata.annotations)[EXTERNAL_NAME] : undefined;
    if (en) annotations[EXTERNAL_NAME] = en;
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    metadata.labels = {
        ...withoutReserved(stringMap(cmMeta.labels)),
        [LABEL_CLAIM_NAME]: metaString(cm, "name"),
        [LABEL_CLAIM_NAMESPACE]: metaString(cm, "namespace"),
    };
    if (!cmSpec) throw new GoError("claim spec was not an object");
    const strip = fieldsToStrip(opts);
    const spec: JsonObject = {};
    for (const [k, v] of Object.entries(cmSpec)) if (!strip.includes(k)) spec[k] = deepClone(v);
    spec.claimRef = {
        apiVersion: str(cm.apiVersion),
        kind: str(cm.kind),
        name: metaString(cm, "name"),
        namespace: metaString(cm, "namespace"),
    };
    return { metadata, spec };
}
