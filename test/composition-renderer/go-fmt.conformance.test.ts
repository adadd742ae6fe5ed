// Go's own fmt tables (fixtures/go/fmt_test.yaml) run against the Sprintf emulation.
import { strict as assert } from "node:assert";
import { Value, sprintf } from "../../composition-renderer";
import { loadFixture } from "./fixture";

interface Entry {
    fmt: string;
    args: Value[];
    out: string;
}

const fixture = loadFixture("go", "fmt_test.yaml") as unknown as { source: { file: string }; tests: Record<string, Entry[]> };

describe(`conformance: ${fixture.source.file}`, () => {
    for (const [table, entries] of Object.entries(fixture.tests)) {
        describe(table, () => {
            entries.forEach((e, i) => {
                it(`#${i} Sprintf(${JSON.stringify(e.fmt)})`, () => assert.equal(sprintf(e.fmt, ...e.args), e.out));
            });
        });
    }
});
