// What the XR reconciler sets on an XR before composing: the composition
// reference, the connection secret reference (legacy XRs) and the name label.
import { UserInputError } from "../../cli/errors";
import { JsonObject, deepClone, isObject } from "../go/values";
import { CompositionInfo } from "./composition";
import { LABEL_COMPOSITE } from "./labels";
import { fakeUID } from "./names";
import { addToMap, describe, labels, metaString, metadata, spec, str } from "./object";

export function isLegacy(xr: JsonObject): boolean {
    return !(isObject(xr.spec) && "crossplane" in xr.spec);
}

export function configureComposite(input: JsonObject, comp: CompositionInfo): JsonObject {
    const xr = deepClone(input);
    if (!str(xr.apiVersion) || !str(xr.kind)) throw new UserInputError("composite resource: apiVersion and kind are required");
    const name = metaString(xr, "name");
    if (!name) throw new UserInputError(`composite resource ${describe(xr)}: metadata.name is required`);
    if (str(xr.apiVersion) !== comp.compositeApiVersion || str(xr.kind) !== comp.compositeKind) {
        throw new UserInputError(
            `Composition "${comp.name}" spec.compositeTypeRef: composes ${comp.compositeApiVersion} ${comp.compositeKind}, ` +
                `not ${str(xr.apiVersion)} ${str(xr.kind)} (referenced composition is not compatible with this composite resource)`,
        );
    }
    const m = metadata(xr);
    if (!str(m.uid)) m.uid = fakeUID(`${str(xr.apiVersion)}/${str(xr.kind)}/${metaString(xr, "namespace")}/${name}`);
    const s = spec(xr);
    if (!isLegacy(xr) && !isObject(s.crossplane)) s.crossplane = {};
    const holder = isLegacy(xr) ? s : (s.crossplane as JsonObject);
    const ref = isObject(holder.compositionRef) ? str(holder.compositionRef.name) : "";
    if (ref && comp.name && ref !== comp.name) {
        throw new UserInputError(
            `composite resource ${describe(xr)} spec${isLegacy(xr) ? "" : ".crossplane"}.compositionRef.name: asks for Composition "${ref}", but "${comp.name}" was given`,
        );
    }
    if (!ref && comp.name) holder.compositionRef = { name: comp.name };
    if (isLegacy(xr) && holder.writeConnectionSecretToRef === undefined && comp.writeConnectionSecretsToNamespace) {
        holder.writeConnectionSecretToRef = { name: str(m.uid), namespace: comp.writeConnectionSecretsToNamespace };
    }
    if (!labels(xr)[LABEL_COMPOSITE]) addToMap(xr, "labels", { [LABEL_COMPOSITE]: name });
    return xr;
}
