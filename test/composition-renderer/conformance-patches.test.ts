// Upstream patches_test.go, case by case (fixtures/function-patch-and-transform/patches.yaml).
import { strict as assert } from "node:assert";
import { JsonObject, Value } from "../../composition-renderer";
import { decodePatch, decodeTemplate, decodeTransform } from "../../composition-renderer/pt/decode";
import { applyCombineFromVariablesPatch, applyFromFieldPathPatch, composedTemplates } from "../../composition-renderer/pt/patches";
import { resolveTransforms } from "../../composition-renderer/transforms/resolve";
import { goEqual } from "./compare";
import { Case, expectOutcome, loadFixture } from "./fixture";

const fixture = loadFixture("function-patch-and-transform", "patches.yaml");

/** Apply, then compare the target object too (the Go tests check it even on error). */
function applyPatch(c: Case, apply: typeof applyFromFieldPathPatch): void {
    const to = (c.to ?? {}) as JsonObject;
    expectOutcome(() => apply(decodePatch(c.patch as Value), c.from as JsonObject, to), c.want, () => undefined);
    if (c.want.to !== undefined) goEqual(to, c.want.to as Value);
}

const runners: Record<string, (c: Case) => void> = {
    TestApplyFromFieldPathPatch: (c) => applyPatch(c, applyFromFieldPathPatch),
    TestApplyCombineFromVariablesPatch: (c) => applyPatch(c, applyCombineFromVariablesPatch),
    TestComposedTemplates: (c) => {
        const pss = ((c.patchSets ?? []) as JsonObject[]).map((ps) => ({
            name: ps.name as string,
            patches: (ps.patches as Value[]).map(decodePatch),
        }));
        const cts = (c.resources as JsonObject[]).map((r) => decodeTemplate(r));
        expectOutcome(
            () => composedTemplates(pss, cts),
            { ...c.want, output: c.want.templates as Value },
            (got, want) => assert.deepEqual(got, (want as JsonObject[]).map((r) => decodeTemplate(r))),
        );
    },
    TestResolveTransforms: (c) =>
        expectOutcome(() => resolveTransforms((c.transforms as Value[]).map(decodeTransform), c.input as Value), c.want, goEqual),
};

describe(`conformance: ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) it(c.case, () => runners[test](c));
        });
    }
});
