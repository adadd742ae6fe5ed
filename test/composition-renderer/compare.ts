// Comparing rendered values the way the Go tests do.
import { strict as assert } from "node:assert";
import { GoInt, Value } from "../../composition-renderer";
import { structRoundTrip } from "../../composition-renderer/go/json";
import { deepEqual } from "../../composition-renderer/go/values";

function show(v: unknown): string {
    return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}(int64)` : x instanceof GoInt ? `${x.value}(int)` : x), 1);
}

/** cmp.Diff on Go values: int64, int and float64 differ. */
export function goEqual(got: Value, want: Value): void {
    assert.ok(deepEqual(got, want), `-want +got\nwant: ${show(want)}\ngot:  ${show(got)}`);
}

/** protocmp on Structs: numbers are doubles, so only their value counts. */
export function structEqual(got: unknown, want: unknown): void {
    const g = structRoundTrip(got as Value);
    const w = structRoundTrip(want as Value);
    assert.ok(deepEqual(g, w), `-want +got\nwant: ${show(w)}\ngot:  ${show(g)}`);
}
