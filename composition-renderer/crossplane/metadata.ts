// RenderComposedResourceMetadata and name generation: what Crossplane adds to
// every composed resource before applying it.
import { UserInputError } from "../../cli/errors";
import { JsonObject, isObject } from "../go/values";
import { ANNOTATION_RESOURCE_NAME, LABEL_CLAIM_NAME, LABEL_CLAIM_NAMESPACE, LABEL_COMPOSITE } from "./labels";
import { nameSuffix } from "./names";
import { addToMap, labels, metaString, metadata, str } from "./object";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RBAC_KINDS = new Set(["rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole"]);

export function renderComposedMetadata(cd: JsonObject, xr: JsonObject, resourceName: string): void {
    const xrLabels = labels(xr);
    const prefix = xrLabels[LABEL_COMPOSITE] ?? "";
    if (prefix === "") {
        throw new UserInputError(
            `metadata.labels: cannot find top-level composite resource name label "${LABEL_COMPOSITE}" in composite resource metadata`,
        );
    }
    const m = metadata(cd);
    if (str(m.name) === "" && str(m.generateName) === "") m.generateName = `${prefix}-`;
    const ns = metaString(xr, "namespace");
    if (ns !== "") m.namespace = ns;
    if (resourceName !== "") addToMap(cd, "annotations", { [ANNOTATION_RESOURCE_NAME]: resourceName });
    const add: Record<string, string> = { [LABEL_COMPOSITE]: prefix };
    if (xrLabels[LABEL_CLAIM_NAME] && xrLabels[LABEL_CLAIM_NAMESPACE]) {
        add[LABEL_CLAIM_NAME] = xrLabels[LABEL_CLAIM_NAME];
        add[LABEL_CLAIM_NAMESPACE] = xrLabels[LABEL_CLAIM_NAMESPACE];
    }
    addToMap(cd, "labels", add);
    addControllerReference(cd, xr, resourceName);
}

function addControllerReference(cd: JsonObject, xr: JsonObject, resourceName: string): void {
    const ref: JsonObject = {
        apiVersion: str(xr.apiVersion),
        kind: str(xr.kind),
        name: metaString(xr, "name"),
        uid: metaString(xr, "uid"),
        controller: true,
        blockOwnerDeletion: true,
    };
    const m = metadata(cd);
    const refs = Array.isArray(m.ownerReferences) ? m.ownerReferences.filter(isObject) : [];
    const controller = refs.find((r) => r.controller === true);
    if (controller && controller.uid !== ref.uid) {
        throw new UserInputError(
            `resources "${resourceName}": ${metaString(cd, "name")} is already controlled by ${str(controller.kind)} ${str(controller.name)} (UID ${str(controller.uid)})`,
        );
    }
    const i = refs.findIndex((r) => r.uid === ref.uid);
    if (i >= 0) refs[i] = ref;
    else refs.push(ref);
    m.ownerReferences = refs;
}

/** GenerateName, deterministically: generateName plus a suffix seeded by the XR and template. */
export function generateName(cd: JsonObject, seed: string): void {
    const m = metadata(cd);
    if (str(m.name) !== "") return;
    m.name = `${str(m.generateName)}${nameSuffix(seed)}`;
}

export function validateName(cd: JsonObject, resourceName: string): void {
    const apiVersion = str(cd.apiVersion);
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    let name = metaString(cd, "name");
    if (RBAC_KINDS.has(`${group}/${str(cd.kind)}`)) name = name.replace(/:/g, "");
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
        throw new UserInputError(
            `cannot apply composed resource "${resourceName}" because it has an invalid name "${metaString(cd, "name")}". Must be a valid RFC 1123 subdomain name.`,
        );
    }
}
