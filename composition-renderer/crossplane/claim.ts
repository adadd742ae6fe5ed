// A claim becomes its XR the way the claim controller's server-side syncer
// builds it on the first reconcile, plus what the API server and the XR
// reconciler add before composing (defaults, composition selection, labels).
import { UserInputError } from "../../cli/errors";
import { JsonObject, deepClone, isObject } from "../go/values";
import { CompositionInfo, readComposition } from "./composition";
import { syncClaimToComposite } from "./claim-sync";
import { LABEL_COMPOSITE } from "./labels";
import { fakeUID, nameSuffix } from "./names";
import { metaString, str } from "./object";
import { readXrd } from "./xrd";
import { configureComposite } from "./xr-configure";

export interface ClaimToCompositeOptions {
    /** The generated XR name (default `<claim name>-<5 chars>`, deterministic); a claim's spec.resourceRef wins. */
    name?: string;
    /** The XR uid; default derived from the XR's identity. */
    uid?: string;
    /** With a Composition, also apply what the XR reconciler sets from it (writeConnectionSecretToRef). */
    composition?: JsonObject;
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
    const cm: JsonObject = { ...claim, metadata: { ...(claim.metadata as JsonObject), namespace: claimNs } };
    const patch = syncClaimToComposite(cm, {
        hasEnforcedComposition: info.enforcedCompositionRef !== undefined,
        generateName: (prefix) => options.name || `${prefix}${nameSuffix(`${claimNs}/${claimName}`)}`,
    });
    const spec = patch.spec as JsonObject;
    const metadata = patch.metadata as JsonObject;
    const name = metadata.name as string;

    // API server defaulting from the XR CRD, then the XR reconciler's selectors.
    if (spec.compositionUpdatePolicy === undefined) spec.compositionUpdatePolicy = info.defaultCompositionUpdatePolicy;
    if (info.enforcedCompositionRef) spec.compositionRef = { name: info.enforcedCompositionRef };
    else if (spec.compositionRef === undefined && spec.compositionSelector === undefined && info.defaultCompositionRef) {
        spec.compositionRef = { name: info.defaultCompositionRef };
    }
    if (spec.compositionRevisionSelector === undefined && info.defaultCompositionRevisionSelector) {
        spec.compositionRevisionSelector = deepClone(info.defaultCompositionRevisionSelector);
    }

    const apiVersion = `${info.group}/${info.referenceableVersion}`;
    metadata.labels = { ...(metadata.labels as JsonObject), [LABEL_COMPOSITE]: name };
    metadata.uid = options.uid || fakeUID(`${apiVersion}/${info.kind}//${name}`);
    let xr: JsonObject = { apiVersion, kind: info.kind, metadata, spec };
    if (options.composition) {
        const comp: CompositionInfo = readComposition(options.composition);
        xr = configureComposite(xr, comp);
    }
    return xr;
}
