// ResolveMap: a string key picks a JSON value (decoded by encoding/json, so numbers are float64).
import { GoError } from "../go/errors";
import { structRoundTrip } from "../go/json";
import { Value, goTypeName } from "../go/values";
import { MapTransform } from "../pt/input-types";

export function resolveMap(t: MapTransform, input: Value): Value {
    if (typeof input !== "string") {
        throw new GoError(`type ${goTypeName(input)} is not supported for map transform`);
    }
    if (!Object.prototype.hasOwnProperty.call(t.pairs, input)) {
        throw new GoError(`key ${input} is not found in map`);
    }
    const raw = t.pairs[input];
    if (raw === undefined) {
        throw new GoError(`value for key ${input} is not valid JSON: unexpected end of JSON input`);
    }
    return structRoundTrip(raw);
}
