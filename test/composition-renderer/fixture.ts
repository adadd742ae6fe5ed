// Loading the conformance fixtures: YAML with int64 as bigint, float64 as
// number and `!int 5` for a Go int.
import * as fs from "node:fs";
import * as path from "node:path";
import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { GoInt, Value } from "../../composition-renderer";
import { FieldError } from "../../composition-renderer/go/field-error";

export interface Case {
    case: string;
    want: Want;
    [key: string]: unknown;
}

export interface Want {
    output?: Value;
    outputHex?: string;
    err?: string;
    fieldError?: { type: string; field: string } | null;
    anyError?: boolean;
    [key: string]: unknown;
}

export interface Fixture {
    source: { repository: string; commit: string; file: string };
    tests: Record<string, Case[]>;
}

const goInt = {
    tag: "!int",
    identify: (v: unknown) => v instanceof GoInt,
    resolve: (s: string) => new GoInt(BigInt(s)),
};

export function parseYaml(text: string): unknown {
    return parse(text, { intAsBigInt: true, customTags: [goInt] });
}

export function loadFixture(...parts: string[]): Fixture {
    const file = path.join(__dirname, "fixtures", ...parts);
    return parseYaml(fs.readFileSync(file, "utf8")) as Fixture;
}

/** Run `fn` and compare its outcome with `want` (one of output / err / fieldError / anyError). */
export function expectOutcome<T>(fn: () => T, want: Want, compare: (got: T, want: Value) => void): void {
    let got: T | undefined;
    let error: unknown;
    try {
        got = fn();
    } catch (e) {
        error = e;
    }
    const wantsError = want.err !== undefined || want.fieldError || want.anyError;
    if (!wantsError) {
        if (error) throw error;
        if ("output" in want) compare(got as T, want.output as Value);
        return;
    }
    assert.ok(error, `expected an error, got ${String(got)}`);
    assert.ok(error instanceof Error, "expected an Error");
    if (want.err !== undefined) assert.equal(error.message, want.err);
    if (want.fieldError) {
        assert.ok(error instanceof FieldError, `expected a field error, got: ${error.message}`);
        assert.equal(error.type, want.fieldError.type);
        assert.equal(error.field, want.fieldError.field);
    }
}
