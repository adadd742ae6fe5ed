/**
 * The composition catalog, loaded in one place: every platform API's XRD, its Compositions and its
 * example claims, typed. Tests, the `paved` CLI, the Pulumi program (components/catalog) and the
 * admission policies read the catalog through this module; group, kind and plural names come from
 * the XRDs and are never written down a second time.
 *
 * Layout: `catalog/<api>/definition.yaml` (one XRD), `catalog/<api>/composition*.yaml` (one
 * Composition each), `catalog/<api>/examples/*.yaml` (claims, one per file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserInputError } from "../cli/errors";
import type { JsonObject } from "../composition-renderer";
import { parseManifests } from "../manifest-validator";

export const catalogDir = __dirname;

export interface CatalogComposition {
    name: string;
    /** Path relative to the catalog folder, e.g. `postgresql/composition-standard.yaml`. */
    file: string;
    labels: Record<string, string>;
    object: JsonObject;
}

export interface CatalogExample {
    /** Path relative to the catalog folder. */
    file: string;
    object: JsonObject;
}

export interface CatalogApi {
    /** The folder name, e.g. `postgresql`. */
    folder: string;
    /** Path of the XRD relative to the catalog folder. */
    xrdFile: string;
    xrd: JsonObject;
    /** The XRD's metadata.name, `<plural>.<group>`. */
    name: string;
    group: string;
    /** The referenceable version, e.g. `v1alpha1`. */
    version: string;
    /** `<group>/<version>`. */
    apiVersion: string;
    xrKind: string;
    xrPlural: string;
    claimKind: string;
    claimPlural: string;
    defaultComposition?: string;
    connectionSecretKeys: string[];
    compositions: CatalogComposition[];
    examples: CatalogExample[];
}

export interface Catalog {
    dir: string;
    apis: CatalogApi[];
    /** The API whose claim or XR kind (and group) this is. */
    apiFor(apiVersion: string, kind: string): CatalogApi | undefined;
    /** A Composition by name, with its API. */
    composition(name: string): { api: CatalogApi; composition: CatalogComposition } | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function bad(file: string, field: string, rule: string): UserInputError {
    return new UserInputError(`catalog/${file}: ${field}: ${rule}`);
}

function readSingle(dir: string, file: string): JsonObject {
    const docs = parseManifests(fs.readFileSync(path.join(dir, file), "utf8"), `catalog/${file}`);
    if (docs.length !== 1 || !isObj(docs[0])) throw bad(file, "document", "must hold exactly one object");
    return docs[0] as JsonObject;
}

function readApi(dir: string, folder: string): CatalogApi {
    const xrdFile = `${folder}/definition.yaml`;
    const xrd = readSingle(dir, xrdFile);
    if (xrd.apiVersion !== "apiextensions.crossplane.io/v1" || xrd.kind !== "CompositeResourceDefinition") {
        throw bad(xrdFile, "apiVersion/kind", "must be apiextensions.crossplane.io/v1 CompositeResourceDefinition");
    }
    const spec: Obj = isObj(xrd.spec) ? (xrd.spec as Obj) : {};
    const names = isObj(spec.names) ? spec.names : {};
    const claimNames = isObj(spec.claimNames) ? spec.claimNames : {};
    const versions: Obj[] = Array.isArray(spec.versions) ? (spec.versions as unknown[]).filter(isObj) : [];
    const referenceable = versions.filter((v) => v.referenceable === true);
    if (referenceable.length !== 1) throw bad(xrdFile, "spec.versions", "exactly one version must be referenceable");
    const group = str(spec.group);
    const version = str(referenceable[0].name);
    const api: CatalogApi = {
        folder,
        xrdFile,
        xrd,
        name: str(isObj(xrd.metadata) ? xrd.metadata.name : ""),
        group,
        version,
        apiVersion: `${group}/${version}`,
        xrKind: str(names.kind),
        xrPlural: str(names.plural),
        claimKind: str(claimNames.kind),
        claimPlural: str(claimNames.plural),
        defaultComposition: isObj(spec.defaultCompositionRef) ? str(spec.defaultCompositionRef.name) || undefined : undefined,
        connectionSecretKeys: Array.isArray(spec.connectionSecretKeys) ? spec.connectionSecretKeys.map(str) : [],
        compositions: [],
        examples: [],
    };
    for (const [field, value] of Object.entries({ "spec.group": group, "spec.names.kind": api.xrKind, "spec.names.plural": api.xrPlural, "spec.claimNames.kind": api.claimKind, "spec.claimNames.plural": api.claimPlural })) {
        if (!value) throw bad(xrdFile, field, "is required");
    }
    if (api.name !== `${api.xrPlural}.${group}`) throw bad(xrdFile, "metadata.name", `must be ${api.xrPlural}.${group}`);

    const files = fs.readdirSync(path.join(dir, folder)).filter((f) => /^composition.*\.ya?ml$/.test(f)).sort();
    for (const f of files) {
        const file = `${folder}/${f}`;
        const object = readSingle(dir, file);
        const meta = isObj(object.metadata) ? object.metadata : {};
        const ref = isObj(object.spec) && isObj(object.spec.compositeTypeRef) ? object.spec.compositeTypeRef : {};
        if (object.kind !== "Composition") throw bad(file, "kind", "must be Composition");
        if (ref.apiVersion !== api.apiVersion || ref.kind !== api.xrKind) {
            throw bad(file, "spec.compositeTypeRef", `must be ${api.apiVersion} ${api.xrKind} (the XRD in ${xrdFile})`);
        }
        const labels = isObj(meta.labels) ? Object.fromEntries(Object.entries(meta.labels).map(([k, v]) => [k, str(v)])) : {};
        api.compositions.push({ name: str(meta.name), file, labels, object });
    }
    if (api.compositions.length === 0) throw bad(folder, "compositions", "an API needs at least one composition*.yaml");
    if (api.defaultComposition && !api.compositions.some((c) => c.name === api.defaultComposition)) {
        throw bad(xrdFile, "spec.defaultCompositionRef.name", `"${api.defaultComposition}" is not a Composition in catalog/${folder}`);
    }

    const examplesDir = path.join(dir, folder, "examples");
    if (fs.existsSync(examplesDir)) {
        for (const f of fs.readdirSync(examplesDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
            const file = `${folder}/examples/${f}`;
            api.examples.push({ file, object: readSingle(dir, file) });
        }
    }
    return api;
}

const cache = new Map<string, Catalog>();

/** Every API under `dir` (default: this folder), read once per process. */
export function loadCatalog(dir: string = catalogDir): Catalog {
    const key = path.resolve(dir);
    const cached = cache.get(key);
    if (cached) return cached;
    const folders = fs
        .readdirSync(key, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(key, e.name, "definition.yaml")))
        .map((e) => e.name)
        .sort();
    const apis = folders.map((f) => readApi(key, f));
    const seen = new Map<string, string>();
    for (const api of apis) {
        for (const c of api.compositions) {
            const prior = seen.get(c.name);
            if (prior) throw bad(c.file, "metadata.name", `Composition "${c.name}" is also defined in catalog/${prior}`);
            seen.set(c.name, c.file);
        }
    }
    const catalog = makeCatalog(key, apis);
    cache.set(key, catalog);
    return catalog;
}

/** A Catalog over the given APIs (loadCatalog uses it; tests build variants of the catalog with it). */
export function makeCatalog(dir: string, apis: CatalogApi[]): Catalog {
    return {
        dir,
        apis,
        apiFor: (apiVersion, kind) => {
            const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
            return apis.find((a) => a.group === group && (a.claimKind === kind || a.xrKind === kind));
        },
        composition: (name) => {
            for (const api of apis) {
                const composition = api.compositions.find((c) => c.name === name);
                if (composition) return { api, composition };
            }
            return undefined;
        },
    };
}
