/**
 * `paved export` source `catalog/`: the composition catalog the program installs, laid out as a
 * Crossplane Configuration package: `catalog/crossplane.yaml` (a meta.pkg.crossplane.io/v1
 * Configuration that depends on the pinned provider and function packages its Compositions use) and
 * one folder per API holding its XRD and Compositions, as the program sends them (the children of
 * the PlatformCatalog component), under the same file names as in catalog/. The substrate source
 * leaves these objects to this one.
 */
import { charts, crossplanePackages, providerPackage } from "../components/versions";
import { fileSegment, type ExportContext, type ExportedManifest, type ExportSection, type ExportSource } from "../manifest-export/types";
import type { RecordedResource, ResourceGraph } from "../offline-engine/graph";
import { loadCatalog, type Catalog } from "./index";

export const PLATFORM_CATALOG_COMPONENT = "paved:catalog:PlatformCatalog";
export const configurationName = "paved-catalog";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Is the resource one of the catalog's XRDs or Compositions (a child of the PlatformCatalog component)? */
export function isCatalogObject(graph: ResourceGraph, r: RecordedResource): boolean {
    if (!r.parent) return false;
    return graph.resources.some((p) => p.urn === r.parent && p.type === PLATFORM_CATALOG_COMPONENT);
}

/** `registry/org/name:tag` -> package and version. */
function splitPackage(ref: string): { pkg: string; version: string } {
    const colon = ref.lastIndexOf(":");
    if (colon < ref.lastIndexOf("/")) throw new Error(`package ${ref} has no tag`);
    return { pkg: ref.slice(0, colon), version: ref.slice(colon + 1) };
}

/**
 * The Configuration's metadata: Crossplane at least the pinned chart's version; one dependency per
 * provider-upjet-aws family member whose API group a Composition composes, and per function a
 * pipeline names; every one at the version components/versions.ts pins.
 */
export function configurationManifest(catalog: Catalog = loadCatalog()): Obj {
    const groups = new Set<string>();
    const functions = new Set<string>();
    for (const api of catalog.apis) {
        for (const c of api.compositions) {
            const spec: Obj = isObj(c.object.spec) ? (c.object.spec as Obj) : {};
            const pipeline: Obj[] = Array.isArray(spec.pipeline) ? (spec.pipeline as unknown[]).filter(isObj) : [];
            for (const step of pipeline) {
                if (isObj(step.functionRef)) functions.add(String(step.functionRef.name));
                const input = isObj(step.input) ? step.input : {};
                for (const r of Array.isArray(input.resources) ? input.resources.filter(isObj) : []) {
                    const apiVersion = isObj(r.base) ? String(r.base.apiVersion ?? "") : "";
                    if (apiVersion.includes(".aws.upbound.io/")) groups.add(apiVersion.split(".")[0]);
                }
            }
        }
    }
    const providers = [...groups].sort().map((service) => {
        if (!(crossplanePackages.providers as readonly string[]).includes(service)) {
            throw new Error(`the catalog composes ${service}.aws.upbound.io, but components/versions.ts pins no provider-aws-${service}`);
        }
        const { pkg, version } = splitPackage(providerPackage(service as (typeof crossplanePackages.providers)[number]));
        return { provider: pkg, version };
    });
    const fns = [...functions].sort().map((name) => {
        const pinned = Object.values(crossplanePackages.functions).find((f) => f.name === name);
        if (!pinned) throw new Error(`a Composition runs function ${name}, which components/versions.ts does not pin`);
        const { pkg, version } = splitPackage(pinned.package);
        return { function: pkg, version };
    });
    return {
        apiVersion: "meta.pkg.crossplane.io/v1",
        kind: "Configuration",
        metadata: {
            name: configurationName,
            annotations: {
                "meta.crossplane.io/maintainer": "platform team",
                "meta.crossplane.io/description": `The paved composition catalog: ${catalog.apis.map((a) => a.claimKind).join(", ")}. Compliance settings are fixed in the Compositions; claims choose sizes only.`,
            },
        },
        spec: {
            crossplane: { version: `>=v${charts.crossplane.version}` },
            dependsOn: [...providers, ...fns],
        },
    };
}

/** The catalog file (relative to catalog/) an installed XRD or Composition comes from. */
function fileOf(catalog: Catalog, object: Obj): string {
    const name = isObj(object.metadata) ? String(object.metadata.name ?? "") : "";
    if (object.kind === "CompositeResourceDefinition") {
        const api = catalog.apis.find((a) => a.name === name);
        if (api) return api.xrdFile;
    } else if (object.kind === "Composition") {
        const found = catalog.composition(name);
        if (found) return found.composition.file;
    }
    throw new Error(`the catalog component installs ${String(object.kind)} ${name}, which is not in catalog/`);
}

function collect(ctx: ExportContext): ExportSection {
    const catalog = loadCatalog();
    const objects = ctx.graph.resources.filter((r) => isCatalogObject(ctx.graph, r));
    if (objects.length === 0) return { manifests: [], helmReleases: [] };
    const manifests: ExportedManifest[] = [
        { path: "catalog/crossplane.yaml", object: configurationManifest(catalog), origin: "catalog/ (the APIs) and components/versions.ts (the pinned packages)" },
    ];
    for (const r of objects) {
        if (r.unknownInputs.length > 0) throw new Error(`cannot export ${r.urn}: inputs unknown offline (${r.unknownInputs.join(", ")})`);
        const { apiVersion, kind, metadata, spec } = JSON.parse(JSON.stringify(r.inputs)) as Obj;
        const object = { apiVersion, kind, metadata, spec };
        const file = fileOf(catalog, object);
        manifests.push({ path: `catalog/${file.split("/").map(fileSegment).join("/")}`, object, origin: `${r.urn} (catalog/${file})` });
    }
    return { manifests, helmReleases: [] };
}

export const catalogSource: ExportSource = {
    name: "catalog",
    description:
        "The composition catalog as a Crossplane Configuration package: crossplane.yaml (depends on the pinned providers and functions) and one folder per API with its XRD and Compositions, as the program installs them",
    collect,
};
