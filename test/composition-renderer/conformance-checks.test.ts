// Upstream ready_test.go, connection_test.go and validate_test.go, case by case.
import { strict as assert } from "node:assert";
import { JsonObject, Value } from "../../composition-renderer";
import { FieldError } from "../../composition-renderer/go/field-error";
import {
    extractConnectionDetails,
    getConnectionSecretRef,
    supportsConnectionDetails,
} from "../../composition-renderer/pt/connection";
import { decodeConnectionDetail, decodePatch, decodeReadinessCheck, decodeTransform, patch } from "../../composition-renderer/pt/decode";
import { isReady } from "../../composition-renderer/pt/ready";
import { validateCombine, validateConnectionDetail, validatePatch, validateReadinessCheck } from "../../composition-renderer/pt/validate";
import { validateTransform } from "../../composition-renderer/pt/validate-transforms";
import { goEqual } from "./compare";
import { Case, Fixture, expectOutcome, loadFixture } from "./fixture";

function checkFieldError(got: FieldError | undefined, c: Case): void {
    const want = c.want.fieldError;
    if (!want) {
        assert.equal(got, undefined, got?.message);
        return;
    }
    assert.ok(got, "expected a field error");
    assert.deepEqual({ type: got.type, field: got.field }, want);
}

function secretRefInput(v: Value) {
    if (v === null) return undefined;
    const o = v as JsonObject;
    return {
        name: (o.name as string) ?? "",
        namespace: (o.namespace as string) ?? "",
        patches: ((o.patches as JsonObject[]) ?? []).map((p) => patch(p as Record<string, unknown>)),
    };
}

const runners: Record<string, (c: Case) => void> = {
    TestIsReady: (c) =>
        expectOutcome(() => isReady(c.object as JsonObject, (c.checks as Value[]).map(decodeReadinessCheck)), c.want, goEqual),
    TestExtractConnectionDetails: (c) =>
        expectOutcome(
            () => extractConnectionDetails(c.object as JsonObject, c.data as Record<string, string>, (c.configs as Value[]).map(decodeConnectionDetail)),
            c.want,
            (got, want) => assert.deepEqual(got, want),
        ),
    TestGetConnectionSecretRef: (c) =>
        expectOutcome(() => getConnectionSecretRef(c.xr as JsonObject, secretRefInput(c.input as Value)), c.want, (got, want) =>
            assert.deepEqual(got, want),
        ),
    TestSupportsConnectionDetails: (c) => assert.equal(supportsConnectionDetails(c.xr as JsonObject), c.want.output),
    TestValidateReadinessCheck: (c) => checkFieldError(validateReadinessCheck(decodeReadinessCheck(c.check as Value)), c),
    TestValidateConnectionDetail: (c) => checkFieldError(validateConnectionDetail(decodeConnectionDetail(c.detail as Value)), c),
    TestValidatePatch: (c) => checkFieldError(validatePatch(decodePatch(c.patch as Value), true), c),
    TestValidateCombine: (c) => checkFieldError(validateCombine(decodePatch({ combine: c.combine as Value }).combine!), c),
    TestValidateTransform: (c) => checkFieldError(validateTransform(decodeTransform(c.transform as Value)), c),
};

for (const file of ["ready.yaml", "connection.yaml", "validate.yaml"]) {
    const fixture: Fixture = loadFixture("function-patch-and-transform", file);
    describe(`conformance: ${fixture.source.file}`, () => {
        for (const [test, cases] of Object.entries(fixture.tests)) {
            describe(test, () => {
                for (const c of cases) it(c.case, () => runners[test](c));
            });
        }
    });
}
