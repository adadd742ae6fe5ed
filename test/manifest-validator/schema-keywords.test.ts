import * as assert from "node:assert/strict";
import { validateManifest } from "../../manifest-validator";
import { assertErrors, assertValid, manifest } from "./helpers";
import { widget, widgetRegistry } from "./synthetic";

describe("manifest-validator: structural schema keywords", () => {
    it("integer accepts bigint and whole numbers, rejects 50.5; number accepts both", () => {
        const reg = widgetRegistry({ type: "object", properties: { n: { type: "integer" }, d: { type: "number" } } });
        assertValid(reg, widget({ n: 50n, d: 50n }));
        assertValid(reg, widget({ n: 50, d: 50.5 }));
        assertErrors(reg, widget({ n: 50.5 }), ["spec.n: must be integer"]);
        assertErrors(reg, manifest("apiVersion: test.paved.dev/v1\nkind: Widget\nmetadata: {name: a}\nspec: {n: 50.5}"), [
            "spec.n: must be integer",
        ]);
        assertErrors(reg, widget({ n: "50", d: true }), ["spec.n: must be integer", "spec.d: must be number"]);
    });

    it("type errors for string, boolean, array and object", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: { s: { type: "string" }, b: { type: "boolean" }, a: { type: "array", items: { type: "string" } }, o: { type: "object" } },
        });
        assertErrors(reg, widget({ s: 1n, b: "true", a: "x", o: [] }), [
            "spec.s: must be string",
            "spec.b: must be boolean",
            "spec.a: must be array",
            "spec.o: must be object",
        ]);
        assertErrors(reg, widget({ a: ["x", 2n] }), ["spec.a[1]: must be string"]);
    });

    it("required, enum, pattern and lengths", () => {
        const reg = widgetRegistry({
            type: "object",
            required: ["mode"],
            properties: {
                mode: { type: "string", enum: ["Orphan", "Delete"] },
                id: { type: "string", pattern: "^ami-[0-9a-z]+$", minLength: 5, maxLength: 12 },
            },
        });
        assertErrors(reg, widget({}), ["spec.mode: is required"]);
        assertErrors(reg, widget({ mode: "Keep" }), ['spec.mode: must be one of ["Orphan", "Delete"]']);
        assertErrors(reg, widget({ mode: "Delete", id: "ami-" }), ["spec.id: must match pattern '^ami-[0-9a-z]+$'", "spec.id: must be at least 5 characters"]);
        assertErrors(reg, widget({ mode: "Delete", id: "ami-0123456789" }), ["spec.id: must be at most 12 characters"]);
    });

    it("numeric bounds, exclusive bounds and multipleOf", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                gb: { type: "integer", minimum: 20, maximum: 16384 },
                ex: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
                step: { type: "integer", multipleOf: 5 },
            },
        });
        assertValid(reg, widget({ gb: 20n, ex: 0.5, step: 10n }));
        assertErrors(reg, widget({ gb: 19n, ex: 0, step: 7n }), ["spec.gb: must be >= 20", "spec.ex: must be > 0", "spec.step: must be a multiple of 5"]);
        assertErrors(reg, widget({ gb: 20000n, ex: 1 }), ["spec.gb: must be <= 16384", "spec.ex: must be < 1"]);
    });

    it("items and properties counts", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                l: { type: "array", minItems: 1, maxItems: 2, items: { type: "string" } },
                m: { type: "object", minProperties: 1, maxProperties: 1, additionalProperties: { type: "string" } },
            },
        });
        assertErrors(reg, widget({ l: [], m: {} }), ["spec.l: must have at least 1 item", "spec.m: must have at least 1 property"]);
        assertErrors(reg, widget({ l: ["a", "b", "c"], m: { a: "1", b: "2" } }), [
            "spec.l: must have at most 2 items",
            "spec.m: must have at most 1 property",
        ]);
    });

    it("formats: date-time and byte are errors, int32 overflow is only a warning", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                at: { type: "string", format: "date-time" },
                blob: { type: "string", format: "byte" },
                port: { type: "integer", format: "int32" },
                other: { type: "string", format: "made-up" },
            },
        });
        assertValid(reg, widget({ at: "2026-01-02T03:04:05Z", blob: "aGVsbG8=", port: 5432n, other: "anything" }));
        assertErrors(reg, widget({ at: "yesterday", blob: "not base64!" }), ["spec.at: must be a valid date-time", "spec.blob: must be base64 (format byte)"]);
        const problems = assertValid(reg, widget({ port: 2n ** 31n }));
        assert.deepEqual(
            problems.map((p) => [p.path, p.severity]),
            [["spec.port", "warning"]],
        );
    });

    it("additionalProperties validates every map value under a [key] path", () => {
        const reg = widgetRegistry({ type: "object", properties: { tags: { type: "object", additionalProperties: { type: "string" } } } });
        assertValid(reg, widget({ tags: { Owner: "claims", "cost-center": "42" } }));
        assertErrors(reg, widget({ tags: { Owner: 42n } }), ["spec.tags[Owner]: must be string"]);
    });

    it("x-kubernetes-int-or-string accepts integers and strings only", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: { n: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] } },
        });
        assertValid(reg, widget({ n: 10n }));
        assertValid(reg, widget({ n: "10%" }));
        assertErrors(reg, widget({ n: true }), ["spec.n: must be integer or string"]);
        assertErrors(reg, widget({ n: 1.5 }), ["spec.n: must be integer or string"]);
    });

    it("nullable keeps null; a non-nullable null is dropped (then required fires), or defaulted", () => {
        const reg = widgetRegistry({
            type: "object",
            required: ["must"],
            properties: {
                opt: { type: "string", nullable: true },
                must: { type: "string" },
                dflt: { type: "string", default: "x" },
                loose: { type: "string" },
            },
        });
        assertValid(reg, widget({ opt: null, must: "a", dflt: null, loose: null }));
        assertErrors(reg, widget({ must: null }), ["spec.must: is required"]);
        assertErrors(reg, widget({ must: "a", l: [null] }), ["spec.l: unknown field"]);
    });

    it("a null list element of a non-nullable item type is a type error", () => {
        const reg = widgetRegistry({ type: "object", properties: { l: { type: "array", items: { type: "string" } } } });
        assertErrors(reg, widget({ l: ["a", null] }), ["spec.l[1]: must be string"]);
    });

    it("anyOf, oneOf, allOf and not", () => {
        const reg = widgetRegistry({
            type: "object",
            properties: {
                a: { type: "object", properties: { x: { type: "string" }, y: { type: "string" } }, anyOf: [{ required: ["x"] }, { required: ["y"] }] },
                o: { type: "object", properties: { x: { type: "string" }, y: { type: "string" } }, oneOf: [{ required: ["x"] }, { required: ["y"] }] },
                n: { type: "string", not: { enum: ["forbidden"] } },
                all: { type: "string", allOf: [{ minLength: 2 }, { pattern: "^a" }] },
            },
        });
        assertValid(reg, widget({ a: { y: "1" }, o: { x: "1" }, n: "ok", all: "ab" }));
        assertErrors(reg, widget({ a: {}, o: { x: "1", y: "2" }, n: "forbidden", all: "b" }), [
            "spec.a: must match at least one schema in anyOf (spec.a.x: is required)",
            "spec.o: must match exactly one schema in oneOf (matches 2)",
            "spec.n: must not match the schema in not",
            "spec.all: must be at least 2 characters",
            "spec.all: must match pattern '^a'",
        ]);
    });

    it("a non-object manifest, a missing apiVersion or kind, an unknown kind", () => {
        const reg = widgetRegistry({ type: "object" });
        assertErrors(reg, "text", ["must be an object (a Kubernetes manifest)"]);
        assertErrors(reg, { kind: "Widget", metadata: { name: "a" } }, ["apiVersion: is required"]);
        assertErrors(reg, { apiVersion: "test.paved.dev/v1", metadata: { name: "a" } }, ["kind: is required"]);
        assertErrors(reg, { apiVersion: "test.paved.dev/v2", kind: "Widget", metadata: { name: "a" } }, [
            "no schema for test.paved.dev/v2/Widget in synthetic (served versions of Widget: v1)",
        ]);
        assertErrors(reg, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } }, ["no schema for v1/ConfigMap in synthetic"]);
    });

    it("a deprecated version is a warning carrying the CRD's deprecationWarning", () => {
        const reg = widgetRegistry({ type: "object" }, { deprecated: true, deprecationWarning: "use v2" });
        const problems = assertValid(reg, widget({}));
        assert.deepEqual(problems, [{ path: "apiVersion", rule: "use v2", type: "Deprecated", severity: "warning" }]);
    });

    it("never mutates its input", () => {
        const reg = widgetRegistry({ type: "object", properties: { d: { type: "string", default: "x" } } });
        const w = widget({ unknown: 1n });
        const before = JSON.stringify(w, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
        validateManifest(reg, w);
        assert.equal(JSON.stringify(w, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)), before);
    });
});
