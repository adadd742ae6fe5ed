/**
 * The catalog's Kubernetes objects as the program installs them, as pure functions: every XRD and
 * every Composition from catalog/ (loaded once, through catalog/index.ts), converted to plain JSON
 * (integers as numbers) for Pulumi, with the waits Pulumi needs so a first `pulumi up` succeeds.
 */
import { loadCatalog, type Catalog } from "../../catalog";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Plain JSON: YAML integers (bigint) become numbers; an integer JavaScript cannot hold exactly is a bug in the catalog. */
export function plainJson(value: unknown, where = ""): Json {
    if (typeof value === "bigint") {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new Error(`${where}: integer ${value} does not fit a JSON number exactly`);
        return n;
    }
    if (Array.isArray(value)) return value.map((v, i) => plainJson(v, `${where}[${i}]`));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v, where ? `${where}.${k}` : k)]));
    }
    if (value === undefined) throw new Error(`${where}: undefined is not JSON`);
    return value as Json;
}

/** Pulumi waits until an XRD's API (XR and claim CRDs) is served before it creates what depends on it. */
export const xrdReadyAnnotation = { "pulumi.com/waitFor": JSON.stringify(["condition=Established", "condition=Offered"]) };

export interface CatalogManifest {
    /** Pulumi resource name suffix: the API folder for an XRD, the Composition's name for a Composition. */
    key: string;
    /** The XRD a Composition composes for (its key), so it is created after it. */
    xrdKey?: string;
    manifest: { apiVersion: string; kind: string; metadata: { [key: string]: Json }; spec: Json };
}

function asManifest(object: Record<string, unknown>, where: string, extraAnnotations: Record<string, string> = {}): CatalogManifest["manifest"] {
    const json = plainJson(object, where) as { [key: string]: Json };
    const metadata = { ...(json.metadata as { [key: string]: Json }) };
    if (Object.keys(extraAnnotations).length > 0) metadata.annotations = { ...((metadata.annotations as { [key: string]: Json }) ?? {}), ...extraAnnotations };
    return { apiVersion: String(json.apiVersion), kind: String(json.kind), metadata, spec: json.spec };
}

/** Every XRD, then every Composition of the catalog. */
export function catalogManifests(catalog: Catalog = loadCatalog()): CatalogManifest[] {
    const xrds = catalog.apis.map((api) => ({ key: api.folder, manifest: asManifest(api.xrd, `catalog/${api.xrdFile}`, xrdReadyAnnotation) }));
    const compositions = catalog.apis.flatMap((api) =>
        api.compositions.map((c) => ({ key: c.name, xrdKey: api.folder, manifest: asManifest(c.object, `catalog/${c.file}`) })),
    );
    return [...xrds, ...compositions];
}
