// Upstream transforms_test.go, case by case (fixtures/function-patch-and-transform/transforms.yaml).
import { strict as assert } from "node:assert";
import { Value } from "../../composition-renderer";
import { decodeTransform } from "../../composition-renderer/pt/decode";
import { convertFormat } from "../../composition-renderer/pt/validate-transforms";
import { getConversionFunc, resolveConvert } from "../../composition-renderer/transforms/convert";
import { resolveMap } from "../../composition-renderer/transforms/map";
import { resolveMatch } from "../../composition-renderer/transforms/match";
import { resolveMath } from "../../composition-renderer/transforms/math";
import { StringTransformError, resolveString } from "../../composition-renderer/transforms/string";
import { goEqual } from "./compare";
import { Case, expectOutcome, loadFixture } from "./fixture";

const fixture = loadFixture("function-patch-and-transform", "transforms.yaml");

function transform(type: string, c: Case) {
    return decodeTransform({ type, [type]: c[type] as Value });
}

const runners: Record<string, (c: Case) => void> = {
    TestMapResolve: (c) => expectOutcome(() => resolveMap(transform("map", c).map!, c.input as Value), c.want, goEqual),
    TestMatchResolve: (c) => expectOutcome(() => resolveMatch(transform("match", c).match!, c.input as Value), c.want, goEqual),
    TestMathResolve: (c) => expectOutcome(() => resolveMath(transform("math", c).math!, c.input as Value), c.want, goEqual),
    TestStringResolve: (c) => {
        const t = transform("string", c).string!;
        if (c.want.outputHex !== undefined) {
            assert.throws(
                () => resolveString(t, c.input as Value),
                (e: unknown) => {
                    assert.ok(e instanceof StringTransformError);
                    assert.equal(e.message, c.want.err);
                    assert.equal(Buffer.from(e.output, "latin1").toString("hex"), c.want.outputHex);
                    return true;
                },
            );
            return;
        }
        expectOutcome(() => resolveString(t, c.input as Value), c.want, goEqual);
    },
    TestConvertResolve: (c) => expectOutcome(() => resolveConvert(transform("convert", c).convert!, c.input as Value), c.want, goEqual),
    TestConvertTransformGetConversionFunc: (c) => {
        const t = transform("convert", c).convert!;
        assert.ok(convertFormat(t));
        expectOutcome(() => getConversionFunc(t, c.from as string), c.want, () => undefined);
    },
};

describe(`conformance: ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) it(c.case, () => runners[test](c));
        });
    }
});
