// Resolving a function's resource requirements against the objects the caller supplied.
import { structRoundTrip } from "../go/json";
import { JsonObject, deepEqual } from "../go/values";
import { ResourceSelector } from "../pt/function-types";
import { labels, metaString, str } from "./object";

/** ExistingRequiredResourcesFetcher.Fetch, over an in-memory list. Items come back as Structs. */
export function fetchRequired(sel: ResourceSelector, available: JsonObject[]): JsonObject[] {
    const ofKind = available.filter((o) => str(o.apiVersion) === sel.apiVersion && str(o.kind) === sel.kind);
    let out: JsonObject[];
    if (sel.matchName !== undefined) {
        const hit = ofKind.find((o) => metaString(o, "name") === sel.matchName);
        out = hit ? [hit] : [];
    } else {
        const want = sel.matchLabels ?? {};
        out = ofKind
            .filter((o) => {
                const l = labels(o);
                return Object.entries(want).every(([k, v]) => l[k] === v);
            })
            .sort((a, b) => {
                const ka = `${metaString(a, "namespace")}/${metaString(a, "name")}`;
                const kb = `${metaString(b, "namespace")}/${metaString(b, "name")}`;
                return ka < kb ? -1 : ka > kb ? 1 : 0;
            });
    }
    return out.map((o) => structRoundTrip(o) as JsonObject);
}

export function sameRequirements(a: Record<string, ResourceSelector> | undefined, b: Record<string, ResourceSelector> | undefined): boolean {
    return deepEqual((a ?? null) as never, (b ?? null) as never);
}
