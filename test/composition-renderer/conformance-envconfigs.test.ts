// Upstream function-environment-configs fn_test.go (fixtures/function-environment-configs/fn.yaml).
import { JsonObject, runEnvironmentConfigs } from "../../composition-renderer";
import { sortByFieldPath } from "../../composition-renderer/envconfigs/function";
import { goEqual, structEqual } from "./compare";
import { expectedResponse, normalizeResponse, requestFrom } from "./fn-request";
import { Case, expectOutcome, loadFixture } from "./fixture";

const fixture = loadFixture("function-environment-configs", "fn.yaml");

/** The Go test blanks result messages before comparing. */
function withoutMessages(r: JsonObject): JsonObject {
    return { ...r, results: ((r.results as JsonObject[]) ?? []).map((x) => ({ severity: x.severity })) };
}

const runners: Record<string, (c: Case) => void> = {
    TestRunFunction: (c) => {
        const rsp = runEnvironmentConfigs(requestFrom(c.request as JsonObject));
        structEqual(withoutMessages(normalizeResponse(rsp)), withoutMessages(expectedResponse(c.want.response as JsonObject)));
    },
    TestSortRequiredByFieldPath: (c) =>
        expectOutcome(() => sortByFieldPath(c.resources as JsonObject[], c.path as string), c.want, goEqual),
};

describe(`conformance: ${fixture.source.repository} ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) it(c.case, () => runners[test](c));
        });
    }
});
