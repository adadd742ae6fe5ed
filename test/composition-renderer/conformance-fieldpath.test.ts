// crossplane-runtime pkg/fieldpath table tests (fixtures/crossplane-runtime/fieldpath.yaml).
import { strict as assert } from "node:assert";
import { JsonObject, Value } from "../../composition-renderer";
import { GoError, isNotFound, wrap } from "../../composition-renderer/go/errors";
import { getBool, getInteger, getString, getValue } from "../../composition-renderer/fieldpath/get";
import { MergeOptions, mergeValue } from "../../composition-renderer/fieldpath/merge";
import { Segment, field, fieldOrIndex, parse, segmentsString } from "../../composition-renderer/fieldpath/parse";
import { setValue } from "../../composition-renderer/fieldpath/set";
import { expandWildcards } from "../../composition-renderer/fieldpath/wildcards";
import { goEqual } from "./compare";
import { Case, expectOutcome, loadFixture } from "./fixture";

const fixture = loadFixture("crossplane-runtime", "fieldpath.yaml");

function segments(spec: [string, string][]): Segment[] {
    return spec.map(([kind, s]) => (kind === "field" ? field(s) : fieldOrIndex(s)));
}

/** The value check, plus IsNotFound on errors that must carry it. */
function run<T>(c: Case, fn: () => T, compare: (got: T, want: Value) => void = (g, w) => goEqual(g as Value, w)): void {
    expectOutcome(fn, c.want, compare);
    if (c.want.err !== undefined) {
        try {
            fn();
        } catch (e) {
            assert.equal(isNotFound(e), c.want.notFound === true, "IsNotFound");
        }
    }
}

const plain = (g: unknown, w: Value): void => assert.deepEqual(g, w);

const runners: Record<string, (c: Case) => void> = {
    TestSegments: (c) => assert.equal(segmentsString(segments(c.segments as [string, string][])), c.want.output),
    TestFieldOrIndex: (c) => {
        const want = c.want.output as JsonObject;
        assert.deepEqual(fieldOrIndex(c.s as string), want.type === "index" ? { type: "index", index: Number(want.index) } : want);
    },
    TestParse: (c) => run(c, () => parse(c.path as string), (g, w) => assert.deepEqual(g, segments(w as unknown as [string, string][]))),
    TestIsNotFound: (c) => {
        const e = c.err as { message: string; notFound?: boolean; wrap?: string };
        let err = new GoError(e.message, e.notFound === true);
        if (e.wrap) err = wrap(err, e.wrap);
        assert.equal(isNotFound(err), c.want.output);
    },
    TestGetValue: (c) => run(c, () => getValue(c.data as JsonObject, c.path as string)),
    TestGetString: (c) => run(c, () => getString(c.data as JsonObject, c.path as string)),
    TestGetBool: (c) => run(c, () => getBool(c.data as JsonObject, c.path as string)),
    TestGetInteger: (c) => run(c, () => getInteger(c.data as JsonObject, c.path as string)),
    TestSetValue: (c) => {
        const obj = c.data as JsonObject;
        expectOutcome(() => setValue(obj, c.path as string, c.value as Value), c.want, () => undefined);
        goEqual(obj, c.want.object as Value);
    },
    TestExpandWildcards: (c) =>
        run(c, () => expandWildcards(c.data as JsonObject, c.path as string), (g, w) => plain([...g].sort(), [...(w as string[])].sort())),
    TestMergeValue: (c) => {
        const obj = c.object as JsonObject;
        mergeValue(obj, c.path as string, c.value as Value, c.mo as MergeOptions | null);
        goEqual(obj, c.want.object as Value);
    },
};

describe(`conformance: crossplane-runtime ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) it(c.case, () => runners[test](c));
        });
    }
});
