// The Synced and Ready conditions the XR reconciler sets after composing.
import { JsonObject } from "../go/values";

/** resource.StableNAndSomeMore(3, names). */
export function stableNAndSomeMore(names: string[], n = 3): string {
    const s = [...names].sort();
    if (s.length > n) return `${s.slice(0, n).join(", ")}, and ${s.length - n} more`;
    if (s.length === n) return `${s.slice(0, n - 1).join(", ")}, and ${s[n - 1]}`;
    return s.join(", ");
}

export function compositeConditions(unready: string[], explicitReady: boolean | undefined): JsonObject[] {
    const synced: JsonObject = { type: "Synced", status: "True", reason: "ReconcileSuccess" };
    let ready: JsonObject = { type: "Ready", status: "True", reason: "Available" };
    if (unready.length > 0) {
        ready = { type: "Ready", status: "False", reason: "Creating", message: `Unready resources: ${stableNAndSomeMore(unready)}` };
    }
    if (explicitReady !== undefined) {
        ready = explicitReady
            ? { type: "Ready", status: "True", reason: "Available" }
            : { type: "Ready", status: "False", reason: "Creating" };
    }
    return [synced, ready];
}
