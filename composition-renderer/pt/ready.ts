// ready.go: readiness checks against an observed composed resource.
import { GoError, wrap } from "../go/errors";
import { JsonObject, Value } from "../go/values";
import { NotFound, lookup } from "../fieldpath/get";
import { getCondition } from "./conditions";
import { ReadinessCheck } from "./input-types";
import { validateReadinessCheck } from "./validate";

/** GetString / GetInteger / GetBool's type checks, with their error texts. */
function typed<T>(v: Value, path: string, ok: (v: Value) => v is Value & T, what: string): T {
    if (!ok(v)) throw new GoError(`${path}: not a ${what}`);
    return v;
}
const isString = (v: Value): v is string => typeof v === "string";
const isInt64 = (v: Value): v is bigint => typeof v === "bigint";
const isBool = (v: Value): v is boolean => typeof v === "boolean";

export function runReadinessCheck(c: ReadinessCheck, o: JsonObject): boolean {
    const err = validateReadinessCheck(c);
    if (err) throw wrap(err, "invalid");
    const path = c.fieldPath ?? "";
    switch (c.type) {
        case "None":
            return true;
        case "MatchCondition":
            if (!c.matchCondition) throw new GoError("matchCondition is required for type MatchCondition");
            return getCondition(o, c.matchCondition.type).status === c.matchCondition.status;
    }
    if (!["NonEmpty", "MatchString", "MatchInteger", "MatchFalse", "MatchTrue"].includes(c.type)) return false;
    // A missing field means "not ready"; any other error is returned.
    const v = lookup(o, path);
    if (v instanceof NotFound) return false;
    switch (c.type) {
        case "NonEmpty":
            return true;
        case "MatchString":
            return typed(v, path, isString, "string") === c.matchString;
        case "MatchInteger":
            return typed(v, path, isInt64, "(int64) number") === c.matchInteger;
        case "MatchFalse":
            return !typed(v, path, isBool, "bool");
        case "MatchTrue":
            return typed(v, path, isBool, "bool");
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
