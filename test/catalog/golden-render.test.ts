// The catalog renders exactly what it rendered when the golden file was taken (before the renderer
// was optimized): every example, every Composition of its API, three reconciles and the XR path,
// compared leaf by leaf with types (int64 against float64) and key order.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { goldenCases, goldenFile, goldenText } from "./helpers/golden";

describe("catalog: golden render", () => {
    const cases = goldenCases();
    const texts = new Map<string, string>();

    if (process.env.PAVED_UPDATE_GOLDEN === "1") {
        after(() => fs.writeFileSync(goldenFile, [...texts.values()].join("")));
    }

    const golden = fs.existsSync(goldenFile) ? fs.readFileSync(goldenFile, "utf8") : "";
    const expected = new Map<string, string>();
    for (const part of golden.split(/^(?=# )/m).filter((p) => p !== "")) expected.set(part.slice(2, part.indexOf("\n")), part);

    it("covers every example of every API with every Composition of its API", () => {
        assert.ok(cases.length >= 10, `${cases.length} cases`);
        if (process.env.PAVED_UPDATE_GOLDEN !== "1") assert.deepEqual([...expected.keys()], cases.map((c) => c.name));
    });

    for (const c of cases) {
        it(`${c.name}: byte-identical to the golden render`, () => {
            const text = goldenText(c);
            texts.set(c.name, text);
            if (process.env.PAVED_UPDATE_GOLDEN === "1") return;
            const want = expected.get(c.name);
            assert.ok(want !== undefined, `${c.name}: not in ${goldenFile} (PAVED_UPDATE_GOLDEN=1 to add it, then review the diff)`);
            if (text !== want) {
                const a = text.split("\n");
                const b = want.split("\n");
                const i = a.findIndex((line, n) => line !== b[n]);
                assert.fail(`${c.name}: first difference at line ${i + 1}:\n  got:  ${a[i]}\n  want: ${b[i]}`);
            }
        });
    }
});
