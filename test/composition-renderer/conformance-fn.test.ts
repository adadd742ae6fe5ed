// Upstream fn_test.go TestRunFunction, case by case (fixtures/function-patch-and-transform/fn.yaml).
import { JsonObject, runPatchAndTransform } from "../../composition-renderer";
import { structEqual } from "./compare";
import { expectedResponse, normalizeResponse, requestFrom } from "./fn-request";
import { loadFixture } from "./fixture";

const fixture = loadFixture("function-patch-and-transform", "fn.yaml");

describe(`conformance: ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) {
                it(c.case, () => {
                    const rsp = runPatchAndTransform(requestFrom(c.request as JsonObject));
                    structEqual(normalizeResponse(rsp), expectedResponse(c.want.response as JsonObject));
                });
            }
        });
    }
});
