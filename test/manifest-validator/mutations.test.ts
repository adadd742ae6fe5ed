import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
    mergeRegistries,
    schemaRegistryFromXrd,
    validateManifest,
    type JsonSchemaProps,
    type SchemaRegistry,
} from "../../manifest-validator";
import * as fixtures from "./fixtures";
import { crdRegistry, manifest } from "./helpers";

type Segment = string | number;

/** A place in a manifest: how to reach it, its Kubernetes field path, and its schema. */
interface Site {
    readonly segments: Segment[];
    readonly path: string;
    readonly schema: JsonSchemaProps;
}

function join(path: string, seg: Segment, how: "prop" | "key" | "index"): string {
    if (how === "index") return `${path}[${seg}]`;
    if (how === "key") return `${path}[${seg}]`;
    return path === "" ? String(seg) : `${path}.${seg}`;
}

/** Every schema-typed node of a manifest outside apiVersion/kind/metadata and outside embedded objects. */
function sites(value: unknown, s: JsonSchemaProps, segments: Segment[], path: string, out: Site[]): Site[] {
    if (segments.length > 0) out.push({ segments, path, schema: s });
    if (s["x-kubernetes-embedded-resource"]) return out;
    if (Array.isArray(value) && s.items) {
        value.forEach((x, i) => sites(x, s.items as JsonSchemaProps, [...segments, i], join(path, i, "index"), out));
    } else if (value !== null && typeof value === "object") {
        for (const [k, x] of Object.entries(value)) {
            if (segments.length === 0 && ["apiVersion", "kind", "metadata"].includes(k)) continue;
            const prop = s.properties?.[k];
            if (prop) sites(x, prop, [...segments, k], join(path, k, "prop"), out);
            else if (typeof s.additionalProperties === "object") sites(x, s.additionalProperties, [...segments, k], join(path, k, "key"), out);
        }
    }
    return out;
}

function parentOf(root: unknown, segments: Segment[]): Record<string | number, unknown> {
    let node = root as Record<string | number, unknown>;
    for (const seg of segments.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    return node;
}

function kindOf(v: unknown): string {
    if (Array.isArray(v)) return "array";
    if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) return "integer";
    return v === null ? "null" : typeof v;
}

/** A value of a JSON type the schema type does not accept. */
const wrongValues: Record<string, unknown[]> = {
    string: [7n, true, ["x"], { a: "b" }],
    integer: ["7", 7.5, false, [1n]],
    number: ["7", true, { n: 1n }],
    boolean: ["true", 1n, []],
    array: ["x", 1n, { a: 1n }],
    object: ["x", 1n, ["x"]],
};

describeWithCrds("manifest-validator: random mutations of valid manifests are reported with a path, never thrown", () => {
    let reg: SchemaRegistry;
    const names = Object.keys(fixtures).filter((n) => n !== "xrd") as (keyof typeof fixtures)[];
    before(() => {
        reg = mergeRegistries(crdRegistry(), schemaRegistryFromXrd(manifest(fixtures.xrd)));
    });

    const parsed = new Map<string, Record<string, unknown>>();

    /** A fresh copy of a fixture (checked valid once) and its sites. */
    function setup(name: keyof typeof fixtures) {
        let original = parsed.get(name);
        if (!original) {
            original = manifest(fixtures[name]);
            const errors = validateManifest(reg, original).filter((p) => p.severity === "error");
            assert.deepEqual(errors, [], `fixture ${name} is valid`);
            parsed.set(name, original);
        }
        const m = structuredClone(original);
        const schema = reg.lookup(m.apiVersion as string, m.kind as string)?.schema;
        assert.ok(schema, `no schema for fixture ${name}`);
        return { m, all: sites(m, schema, [], "", []) };
    }

    it("dropping a required field (one without a default) is reported as 'is required' at its path", () => {
        fc.assert(
            fc.property(fc.constantFrom(...names), fc.nat(), (name, pick) => {
                const { m, all } = setup(name);
                const required = all.filter((site) => {
                    const parent = all.find((p) => p.segments.length === site.segments.length - 1 && p.segments.every((s, i) => s === site.segments[i]));
                    const parentSchema = parent?.schema ?? reg.lookup(m.apiVersion as string, m.kind as string)?.schema;
                    const key = site.segments[site.segments.length - 1];
                    return typeof key === "string" && parentSchema?.required?.includes(key) && site.schema.default === undefined;
                });
                fc.pre(required.length > 0);
                const site = required[pick % required.length];
                delete parentOf(m, site.segments)[site.segments[site.segments.length - 1]];
                const problems = validateManifest(reg, m);
                assert.ok(
                    problems.some((p) => p.path === site.path && p.rule === "is required" && p.severity === "error"),
                    `${name}: dropping ${site.path} not reported; got ${JSON.stringify(problems)}`,
                );
            }),
            { numRuns: 150 },
        );
    });

    it("a value of the wrong JSON type is reported as 'must be <type>' at its path", () => {
        fc.assert(
            fc.property(fc.constantFrom(...names), fc.nat(), fc.nat(), (name, pick, which) => {
                const { m, all } = setup(name);
                const typed = all.filter((site) => site.schema.type !== undefined && !site.schema["x-kubernetes-int-or-string"]);
                fc.pre(typed.length > 0);
                const site = typed[pick % typed.length];
                const type = site.schema.type as string;
                const choices = (wrongValues[type] ?? []).filter((v) => !(type === "number" && kindOf(v) === "integer"));
                fc.pre(choices.length > 0);
                parentOf(m, site.segments)[site.segments[site.segments.length - 1]] = choices[which % choices.length];
                const problems = validateManifest(reg, m);
                assert.ok(
                    problems.some((p) => p.path === site.path && p.rule === `must be ${type}` && p.type === "TypeInvalid"),
                    `${name}: ${site.path} := ${String(choices[which % choices.length])} not reported; got ${JSON.stringify(problems)}`,
                );
            }),
            { numRuns: 200 },
        );
    });

    it("any JSON value put anywhere yields problems with a string path and rule, never an exception", () => {
        fc.assert(
            fc.property(fc.constantFrom(...names), fc.nat(), fc.jsonValue({ maxDepth: 3 }), (name, pick, junk) => {
                const { m, all } = setup(name);
                const site = all[pick % all.length];
                parentOf(m, site.segments)[site.segments[site.segments.length - 1]] = junk;
                const problems = validateManifest(reg, m);
                for (const p of problems) {
                    assert.equal(typeof p.path, "string");
                    assert.ok(p.rule.length > 0);
                }
            }),
            { numRuns: 200 },
        );
    });
});
