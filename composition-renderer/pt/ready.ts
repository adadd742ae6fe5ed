// ready.go: readiness checks against an observed composed resource.
import { GoError, isNotFound, wrap } from "../go/errors";
import { JsonObject } from "../go/values";
import { getBool, getInteger, getString, getValue } from "../fieldpath/get";
import { getCondition } from "./conditions";
import { ReadinessCheck } from "./input-types";
import { validateReadinessCheck } from "./validate";

/** Run `get`; a missing field means "not ready", any other error is returned. */
function ifFound(get: () => boolean): boolean {
    try {
        return get();
    } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
    }
}

export function runReadinessCheck(c: ReadinessCheck, o: JsonObject): boolean {
    const err = validateReadinessCheck(c);
    if (err) throw wrap(err, "invalid");
    const path = c.fieldPath ?? "";
    switch (c.type) {
        case "None":
            return true;
        case "NonEmpty":
            return ifFound(() => (getValue(o, path), true));
        case "MatchString":
            return ifFound(() => getString(o, path) === c.matchString);
        case "MatchInteger":
            return ifFound(() => getInteger(o, path) === c.matchInteger);
        case "MatchCondition":
            if (!c.matchCondition) throw new GoError("matchCondition is required for type MatchCondition");
            return getCondition(o, c.matchCondition.type).status === c.matchCondition.status;
        case "MatchFalse":
            return ifFound(() => !getBool(o, path));
        case "MatchTrue":
            return ifFound(() => getBool(o, path));
    }
    return false;
}

/** IsReady: no checks means the Ready condition must be True. */
export function isReady(o: JsonObject, checks: ReadinessCheck[]): boolean {
    if (checks.length === 0) return getCondition(o, "Ready").status === "True";
    for (let i = 0; i < checks.length; i++) {
        let ready: boolean;
        try {
            ready = runReadinessCheck(checks[i], o);
        } catch (e) {
            throw wrap(e, `cannot run readiness check at index ${i}`);
        }
        if (!ready) return false;
    }
    return true;
}
