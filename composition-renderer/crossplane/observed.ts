// Observed composed resources, keyed the way Crossplane finds them: by the
// crossplane.io/composition-resource-name annotation.
import { UserInputError } from "../../cli/errors";
import { structRoundTrip } from "../go/json";
import { JsonObject, isObject } from "../go/values";
import { FnResource } from "../pt/function-types";
import { ANNOTATION_RESOURCE_NAME } from "./labels";
import { describe } from "./object";

export function observedByName(
    resources: JsonObject[],
    connectionDetails: Record<string, Record<string, string>> = {},
): Record<string, FnResource> {
    const out: Record<string, FnResource> = {};
    resources.forEach((r, i) => {
        const ann = isObject(r.metadata) && isObject(r.metadata.annotations) ? r.metadata.annotations : {};
        const name = ann[ANNOTATION_RESOURCE_NAME];
        if (typeof name !== "string" || name === "") {
            throw new UserInputError(
                `observed resources[${i}] (${describe(r)}): encountered composed resource without required "${ANNOTATION_RESOURCE_NAME}" annotation`,
            );
        }
        if (out[name]) {
            throw new UserInputError(`observed resources[${i}] (${describe(r)}): a second observed resource is named "${name}"`);
        }
        out[name] = { resource: structRoundTrip(r) as JsonObject, connectionDetails: connectionDetails[name] ?? {} };
    });
    return out;
}
