/**
 * The golden render: every catalog example through every Composition of its API, over three
 * reconciles (what the first apply reports back feeds the next), and the first reconcile's XR
 * rendered again as an XR. Serialized so that nothing a render distinguishes is lost: key order,
 * int64 (bigint) against float64 (number), -0, undefined members.
 *
 * `test/catalog/fixtures/golden-render.txt` was written before the renderer was optimized; the
 * golden test proves renders stay byte-identical. To accept an intended change to what the catalog
 * renders, regenerate it (`PAVED_UPDATE_GOLDEN=1` on the golden test) and review the diff.
 */
import * as path from "node:path";
import { renderClaim, type ClaimRender } from "../../../catalog/render";
import type { JsonObject } from "../../../composition-renderer";
import { catalog, environment } from "./catalog";
import { observedAfter } from "../../../catalog/converge";

export const goldenFile = path.join(__dirname, "..", "fixtures", "golden-render.txt");

/**
 * A typed, order-preserving rendering of a value: one line per member (indented by depth, keys
 * JSON-quoted), each leaf with its Go type.
 */
export function typedLines(v: unknown, key: string, out: string[] = [], depth = 0): string[] {
    const at = `${" ".repeat(depth)}${key}`;
    if (v === undefined) out.push(`${at} undefined`);
    else if (v === null) out.push(`${at} null`);
    else if (typeof v === "bigint") out.push(`${at} int64 ${v}`);
    else if (typeof v === "number") out.push(`${at} float64 ${Object.is(v, -0) ? "-0" : String(v)}`);
    else if (typeof v === "string") out.push(`${at} ${JSON.stringify(v)}`);
    else if (typeof v === "boolean") out.push(`${at} ${v}`);
    else if (Array.isArray(v)) {
        out.push(`${at} [${v.length}]`);
        for (let i = 0; i < v.length; i++) typedLines(v[i], `-`, out, depth + 1);
    } else if (typeof v === "object") {
        const ctor = (v as object).constructor?.name ?? "null-prototype";
        out.push(`${at} ${ctor === "Object" ? "{}" : ctor}`);
        for (const k of Object.keys(v as object)) typedLines((v as Record<string, unknown>)[k], JSON.stringify(k), out, depth + 1);
    } else out.push(`${at} ${typeof v} ${String(v)}`);
    return out;
}

export interface GoldenCase {
    name: string;
    render: () => ClaimRender;
}

function withComposition(claim: JsonObject, composition: string): JsonObject {
    return { ...claim, spec: { ...(claim.spec as JsonObject), compositionRef: { name: composition } } };
}

/** Every case of the golden render, in a fixed order. */
export function goldenCases(): { name: string; renders: () => { label: string; render: ClaimRender }[] }[] {
    const cases: { name: string; renders: () => { label: string; render: ClaimRender }[] }[] = [];
    for (const api of catalog.apis) {
        for (const example of api.examples) {
            for (const c of api.compositions) {
                cases.push({
                    name: `${example.file} via ${c.name}`,
                    renders: () => {
                        const claim = withComposition(example.object, c.name);
                        const out: { label: string; render: ClaimRender }[] = [];
                        let r = renderClaim(claim, { catalog, environment });
                        out.push({ label: "reconcile 1", render: r });
                        const xrName = String((r.input.metadata as JsonObject).name);
                        for (let i = 2; i <= 3; i++) {
                            r = renderClaim(claim, { catalog, environment, observed: observedAfter(r.output), compositeName: xrName });
                            out.push({ label: `reconcile ${i}`, render: r });
                        }
                        out.push({ label: "XR of reconcile 1", render: renderClaim(out[0].render.input, { catalog, environment }) });
                        return out;
                    },
                });
            }
        }
    }
    return cases;
}

/** The text of one case: what each render admitted, gave the pipeline and produced. */
export function goldenText(c: ReturnType<typeof goldenCases>[number]): string {
    const lines = [`# ${c.name}`];
    for (const { label, render } of c.renders()) {
        lines.push(`## ${label}: ${render.composition.name}`);
        typedLines({ claim: render.claim, input: render.input, output: render.output }, "$", lines);
    }
    return lines.join("\n") + "\n";
}
