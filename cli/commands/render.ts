import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { admissionDenials } from "../../admission-policies";
import { environmentForStack } from "../../catalog/environment";
import { loadCatalog } from "../../catalog";
import { admitToSchema, catalogRegistry, observedFor, renderClaim, type ClaimRender } from "../../catalog/render";
import { claimToComposite, renderComposition, type JsonObject, type RenderOutput } from "../../composition-renderer";
import { manifestId, parseManifests, schemaRegistryFromXrd } from "../../manifest-validator";
import { oneOf, parseFlags } from "../args";
import { UserInputError } from "../errors";
import { repositoryRoot } from "../packs";

export const renderUsage = [
    "paved render CLAIM.yaml... [--stack S | --environment FILE] [--observed DIR] [--format yaml|json]",
    "  paved render XR.yaml --composition FILE [--xrd FILE] [--environment FILE] [--observed DIR] [--format yaml|json]",
].join("\n");
const formats = ["yaml", "json"] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** One rendered input: where it came from and what the pipeline produced. */
interface Rendered {
    source: string;
    id: string;
    output: RenderOutput;
}

/**
 * Renders claims (or XRs) offline through the catalog's Compositions, or any XR through a given
 * Composition. Claims are validated and defaulted against their XRD first. Prints the desired XR and
 * composed resources (YAML stream or a JSON List) once everything rendered; function warnings go to
 * stderr. Exit 0 rendered, 1 a claim rejected (schema, or the stack's admission policies: --stack, default dev),
 * 2 bad usage or unreadable input.
 */
export async function runRender(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(
        argv,
        {
            stack: { type: "string" },
            environment: { type: "string" },
            observed: { type: "string" },
            format: { type: "string" },
            composition: { type: "string" },
            xrd: { type: "string" },
        },
        true,
    );
    const format = oneOf("--format", values.format, formats, "yaml");
    if (positionals.length === 0) throw new UserInputError(`needs at least one file to render\nusage: ${renderUsage}`);
    if (values.stack !== undefined && values.environment !== undefined) throw new UserInputError("--stack and --environment: give one of them, not both");
    if (values.xrd !== undefined && values.composition === undefined) throw new UserInputError("--xrd: only with --composition (catalog claims use the catalog's XRDs)");

    const inputs = positionals.flatMap((file) => readObjects(file, "render"));
    const observedDocs = values.observed !== undefined ? readObservedDir(values.observed) : [];

    const rendered = values.composition !== undefined
        ? renderWithComposition(inputs, { composition: values.composition, xrd: values.xrd, environment: await environmentDocs(values), observedDocs })
        : renderCatalog(inputs, { environment: (await environmentDocs(values, "dev"))[0], observedDocs, admissionStack: values.stack ?? "dev" });

    for (const r of rendered) {
        for (const result of r.output.results) {
            process.stderr.write(`paved render: ${r.source}: ${r.id}: ${result.severity} (${result.step}): ${result.message}\n`);
        }
    }
    const objects = rendered.flatMap((r) => [r.output.composite, ...r.output.resources.map((c) => c.resource)]);
    process.stdout.write(format === "json" ? JSON.stringify({ apiVersion: "v1", kind: "List", items: objects.map(plain) }, null, 2) + "\n" : toYamlStream(objects));
    return 0;
}

/** Every object of every document in a YAML file; unreadable files and bad YAML are usage errors (exit 2). */
function readObjects(file: string, what: string): { source: string; object: JsonObject }[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UserInputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const docs = parseManifests(text, file);
    if (docs.length === 0) throw new UserInputError(`${file}: holds no object to ${what}`);
    return docs.map((d, i) => {
        if (!isObj(d)) throw new UserInputError(`${file}: document ${i + 1} is not an object`);
        return { source: file, object: d as JsonObject };
    });
}

function readObservedDir(dir: string): JsonObject[] {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserInputError(`--observed: ${dir} is not a directory`);
    const files: string[] = [];
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(d, e.name);
            if (e.isDirectory()) walk(full);
            else if (/\.(ya?ml|json)$/.test(e.name)) files.push(full);
        }
    };
    walk(dir);
    return files.flatMap((f) => readObjects(f, "observe").map((o) => o.object));
}

/** EnvironmentConfigs from --environment FILE, else the one the program installs for --stack (or `fallbackStack`). */
async function environmentDocs(values: { stack?: string; environment?: string }, fallbackStack?: string): Promise<JsonObject[]> {
    if (values.environment !== undefined) {
        const docs = readObjects(values.environment, "use as environment").map((o) => o.object);
        for (const d of docs) {
            if (d.kind !== "EnvironmentConfig") throw new UserInputError(`--environment ${values.environment}: ${manifestId(d)} is not an EnvironmentConfig`);
        }
        return docs;
    }
    const stack = values.stack ?? fallbackStack;
    return stack === undefined ? [] : [await environmentForStack(stack, repositoryRoot)];
}

function renderCatalog(inputs: { source: string; object: JsonObject }[], opts: { environment: JsonObject; observedDocs: JsonObject[]; admissionStack: string }): Rendered[] {
    const catalog = loadCatalog();
    // Validate every input before rendering any: a rejected claim prints nothing (exit 1).
    const rejected: string[] = [];
    for (const { source, object } of inputs) {
        try {
            const api = catalog.apiFor(String(object.apiVersion ?? ""), String(object.kind ?? ""));
            if (!api) continue;
            const defaulted = admitToSchema(catalogRegistry(catalog), object, source);
            // Then the stack's admission policies, on the defaulted claim as the API server hands it to Kyverno.
            const denials = object.kind === api.claimKind ? admissionDenials(opts.admissionStack, defaulted) : [];
            if (denials.length > 0) rejected.push([`${source}: ${manifestId(object)} is denied by the admission policies of stack ${opts.admissionStack}:`, ...denials.map((d) => `  - ${d}`)].join("\n"));
        } catch (e) {
            if (e instanceof UserInputError && e.exitCode === 1) rejected.push(e.message);
            else throw e;
        }
    }
    if (rejected.length > 0) throw new UserInputError(rejected.join("\n"), 1);
    return inputs.map(({ source, object }) => {
        const api = catalog.apiFor(String(object.apiVersion ?? ""), String(object.kind ?? ""));
        const found = api ? observedFor(opts.observedDocs, api, object) : {};
        const r: ClaimRender = renderClaim(object, { catalog, environment: opts.environment, observed: found.observed, compositeName: found.compositeName }, source);
        return { source, id: manifestId(object), output: r.output };
    });
}

function renderWithComposition(
    inputs: { source: string; object: JsonObject }[],
    opts: { composition: string; xrd?: string; environment: JsonObject[]; observedDocs: JsonObject[] },
): Rendered[] {
    const compositions = readObjects(opts.composition, "use as Composition");
    if (compositions.length !== 1 || compositions[0].object.kind !== "Composition") {
        throw new UserInputError(`--composition ${opts.composition}: must hold exactly one Composition`);
    }
    const composition = compositions[0].object;
    let xrd: JsonObject | undefined;
    if (opts.xrd !== undefined) {
        const xrds = readObjects(opts.xrd, "use as XRD");
        if (xrds.length !== 1 || xrds[0].object.kind !== "CompositeResourceDefinition") throw new UserInputError(`--xrd ${opts.xrd}: must hold exactly one CompositeResourceDefinition`);
        xrd = xrds[0].object;
    }
    const registry = xrd ? schemaRegistryFromXrd(xrd, opts.xrd) : undefined;
    const claimKind = xrd && isObj(xrd.spec) && isObj(xrd.spec.claimNames) ? xrd.spec.claimNames.kind : undefined;
    const admitted = inputs.map(({ source, object }) => ({ source, object: registry ? admitToSchema(registry, object, source) : object }));
    const ref = isObj(composition.spec) && isObj(composition.spec.compositeTypeRef) ? composition.spec.compositeTypeRef : {};
    const shape = { group: String(ref.apiVersion ?? "").split("/")[0], xrKind: String(ref.kind ?? ""), claimKind: String(claimKind ?? "") };
    return admitted.map(({ source, object }) => {
        const isClaim = claimKind !== undefined && object.kind === claimKind;
        if (!isObj(object.spec)) throw new UserInputError(`${source}: ${manifestId(object)}: spec: must be an object`);
        const found = observedFor(opts.observedDocs, shape, object);
        const composite = isClaim ? claimToComposite(object, xrd!, { composition, name: found.compositeName }) : object;
        const output = renderComposition({ composite, composition, environmentConfigs: opts.environment, observed: found.observed, xrd });
        return { source, id: manifestId(object), output };
    });
}

/** Plain JSON values: integers (bigint) as numbers when exact, else as strings. */
function plain(v: unknown): unknown {
    if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (Array.isArray(v)) return v.map(plain);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}

function toYamlStream(objects: JsonObject[]): string {
    return objects.map((o) => `---\n${YAML.stringify(o, { lineWidth: 0 })}`).join("");
}
