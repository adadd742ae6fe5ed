/**
 * `paved export`: every Kubernetes manifest the program installs, as YAML files in a predictable
 * layout, plus an index. Manifests come from **export sources**; each source owns one top-level
 * folder (`substrate/`, and later `catalog/` for the Crossplane Configuration package and
 * `admission/` for the admission policies) and returns its files, so adding one is adding a source.
 */
import * as path from "node:path";
import { stringify } from "yaml";
import { runProgram } from "../offline-engine/run-program";
import { admissionSource } from "../admission-policies/export-source";
import { catalogSource } from "../catalog/export-source";
import { substrateSource } from "./substrate";
import type { ExportContext, ExportSource } from "./types";

export * from "./types";
export { substrateSource } from "./substrate";

/** What `paved export` writes, in order. The catalog package and the admission policies join here. */
export const exportSources: ExportSource[] = [substrateSource, catalogSource, admissionSource];

export const indexFile = "index.yaml";

export interface ExportResult {
    /** Path (below the export folder) → file content, the index included. */
    files: Record<string, string>;
    manifests: number;
    helmReleases: number;
}

export interface ExportOptions {
    programPath: string;
    stack: string;
    sources?: ExportSource[];
}

/** Runs the program offline once and renders every source's manifests and the index. */
export async function exportManifests(options: ExportOptions): Promise<ExportResult> {
    const graph = await runProgram({ programPath: options.programPath, stack: options.stack });
    return renderExport({ stack: options.stack, graph }, options.sources ?? exportSources);
}

export async function renderExport(ctx: ExportContext, sources: ExportSource[]): Promise<ExportResult> {
    const files: Record<string, string> = {};
    const index: Record<string, unknown>[] = [];
    let manifests = 0;
    let releases = 0;
    for (const source of sources) {
        const section = await source.collect(ctx);
        for (const m of section.manifests) {
            if (!m.path.startsWith(`${source.name}/`) || m.path.includes("..") || path.posix.isAbsolute(m.path)) {
                throw new Error(`export source ${source.name} wrote ${m.path} outside its folder`);
            }
            if (files[m.path] !== undefined || m.path === indexFile) {
                throw new Error(`export source ${source.name} wrote ${m.path} twice`);
            }
            files[m.path] = toYaml(m.object);
        }
        manifests += section.manifests.length;
        releases += section.helmReleases.length;
        const sorted = [...section.manifests].sort((a, b) => a.path.localeCompare(b.path));
        index.push({
            name: source.name,
            description: source.description,
            manifests: sorted.map((m) => {
                const meta = (m.object.metadata ?? {}) as { name?: string; namespace?: string };
                return {
                    path: m.path,
                    apiVersion: m.object.apiVersion,
                    kind: m.object.kind,
                    name: meta.name,
                    ...(meta.namespace ? { namespace: meta.namespace } : {}),
                    origin: m.origin,
                    ...(m.redacted ? { redacted: m.redacted } : {}),
                };
            }),
            helmReleases: [...section.helmReleases].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`)),
        });
    }
    files[indexFile] = toYaml({
        stack: ctx.stack,
        generatedBy: "paved export",
        note: "Rendered offline: IDs and ARNs the cloud returns (VPC, subnets, security groups, keys, endpoints) are the offline engine's placeholders for this stack; the real deploy fills them in. Helm releases are listed, not rendered.",
        sources: index,
    });
    return { files, manifests, helmReleases: releases };
}

function toYaml(value: unknown): string {
    return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
