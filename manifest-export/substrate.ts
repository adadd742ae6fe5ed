/**
 * The substrate's manifests: every Kubernetes object the program registers (custom resources of
 * the add-ons, namespaces, network policies, RBAC), taken from the offline graph as the inputs
 * Pulumi sends, one file each: `substrate/<namespace or _cluster>/<kind>-<name>.yaml`. Helm
 * releases become index entries.
 */
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { isAdmissionPolicy } from "../admission-policies/export-source";
import { isCatalogObject } from "../catalog/export-source";
import type { RecordedResource } from "../offline-engine/graph";
import { fileSegment, type ExportContext, type ExportedManifest, type ExportedRelease, type ExportSection, type ExportSource } from "./types";

const helmReleaseTypes = new Set(["kubernetes:helm.sh/v3:Release"]);
/** Kubernetes resources that are not one object (they expand at deploy time): never silently dropped. */
const unsupported = /^kubernetes:(helm\.sh\/v4:Chart|yaml(\/v2)?:|kustomize(\/v2)?:)/;

/** `kubernetes:<group>/<version>:<Kind>` of a single object; `core` is the legacy group. */
export function kubernetesObjectType(type: string): { apiVersion: string; kind: string } | undefined {
    const m = /^kubernetes:([^:/]+)\/([^:/]+):([A-Za-z0-9]+)$/.exec(type);
    if (!m || helmReleaseTypes.has(type) || unsupported.test(type)) {
        return undefined;
    }
    const [, group, version, kind] = m;
    return { apiVersion: group === "core" ? version : `${group}/${version}`, kind };
}

export const substrateSource: ExportSource = {
    name: "substrate",
    description: "Kubernetes objects the substrate installs (add-on custom resources, namespaces, network policies, RBAC)",
    collect: collectSubstrate,
};

function collectSubstrate(ctx: ExportContext): ExportSection {
    const manifests: ExportedManifest[] = [];
    const helmReleases: ExportedRelease[] = [];
    for (const r of ctx.graph.resources) {
        if (!r.type.startsWith("kubernetes:")) {
            continue;
        }
        if (helmReleaseTypes.has(r.type)) {
            helmReleases.push(releaseOf(r));
            continue;
        }
        if (unsupported.test(r.type)) {
            throw new Error(`cannot export ${r.urn}: ${r.type} expands at deploy time (use helm.v3.Release or single objects)`);
        }
        const type = kubernetesObjectType(r.type);
        if (!type || isAdmissionPolicy(ctx.graph, r) || isCatalogObject(ctx.graph, r)) {
            // The admission policies are the `admission` source's, the catalog's XRDs and Compositions the `catalog` source's.
            continue;
        }
        manifests.push(manifestOf(r, type));
    }
    disambiguate(manifests);
    return { manifests, helmReleases };
}

function manifestOf(r: RecordedResource, type: { apiVersion: string; kind: string }): ExportedManifest {
    if (r.unknownInputs.length > 0) {
        throw new Error(`cannot export ${r.urn}: inputs unknown offline (${r.unknownInputs.join(", ")})`);
    }
    const object = plain({ ...r.inputs, apiVersion: r.inputs.apiVersion ?? type.apiVersion, kind: r.inputs.kind ?? type.kind }) as Record<string, unknown>;
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    if (typeof metadata.name !== "string" || metadata.name === "") {
        throw new Error(`cannot export ${r.urn}: metadata.name is not set (Pulumi would auto-name it at deploy time)`);
    }
    let redacted: string | undefined;
    if (type.kind === "Secret" && type.apiVersion === "v1") {
        for (const field of ["data", "stringData"]) {
            const values = object[field] as Record<string, unknown> | undefined;
            if (values) {
                object[field] = Object.fromEntries(Object.keys(values).map((k) => [k, "REDACTED"]));
                redacted = "Secret values are not exported";
            }
        }
    }
    const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "_cluster";
    return {
        path: `substrate/${fileSegment(namespace)}/${fileSegment(type.kind)}-${fileSegment(metadata.name)}.yaml`,
        object: ordered(object),
        origin: r.urn,
        ...(redacted ? { redacted } : {}),
    };
}

/** Two kinds of the same name from different API groups: name both files `<kind>.<group>-<name>`. */
function disambiguate(manifests: ExportedManifest[]): void {
    const byPath = new Map<string, ExportedManifest[]>();
    for (const m of manifests) {
        byPath.set(m.path, [...(byPath.get(m.path) ?? []), m]);
    }
    for (const [p, same] of byPath) {
        if (same.length < 2) {
            continue;
        }
        for (const m of same) {
            const group = String(m.object.apiVersion).split("/").slice(0, -1).join("/") || "core";
            const dir = p.slice(0, p.lastIndexOf("/"));
            const meta = m.object.metadata as { name: string };
            m.path = `${dir}/${fileSegment(String(m.object.kind))}.${fileSegment(group)}-${fileSegment(meta.name)}.yaml`;
        }
        const paths = new Set(same.map((m) => m.path));
        if (paths.size < same.length) {
            throw new Error(`cannot export: ${same.map((m) => m.origin).join(" and ")} are the same object`);
        }
    }
}

function releaseOf(r: RecordedResource): ExportedRelease {
    const i = r.inputs as { name?: string; namespace?: string; chart?: string; version?: string; repositoryOpts?: { repo?: string } };
    return {
        name: i.name ?? r.name,
        namespace: i.namespace ?? "default",
        chart: String(i.chart),
        version: String(i.version),
        ...(i.repositoryOpts?.repo ? { repository: i.repositoryOpts.repo } : {}),
        origin: r.urn,
    };
}

/** apiVersion, kind, metadata first, then the rest in the program's order. */
function ordered(object: Record<string, unknown>): Record<string, unknown> {
    const { apiVersion, kind, metadata, ...rest } = object;
    return { apiVersion, kind, metadata, ...rest };
}

/** Graph values as plain YAML-able data (no unknown sentinels, no undefined). */
function plain(v: unknown): unknown {
    if (v === rpc.unknownValue) {
        throw new Error("unknown value");
    }
    if (Array.isArray(v)) {
        return v.map(plain);
    }
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, e]) => e !== undefined).map(([k, e]) => [k, plain(e)]));
    }
    return v;
}
