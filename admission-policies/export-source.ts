/**
 * `paved export` source `admission/`: the Kyverno policies the program installs for the stack (the
 * children of the AdmissionPolicies component, as Pulumi sends them), one file each:
 * `admission/<kind>-<name>.yaml`. The substrate source leaves them to this one.
 */
import type { RecordedResource, ResourceGraph } from "../offline-engine/graph";
import { fileSegment, type ExportContext, type ExportedManifest, type ExportSection, type ExportSource } from "../manifest-export/types";

export const ADMISSION_POLICIES_COMPONENT = "paved:admission:AdmissionPolicies";

/** Is the resource one of the admission policies (a child of the AdmissionPolicies component)? */
export function isAdmissionPolicy(graph: ResourceGraph, r: RecordedResource): boolean {
    if (!r.parent) return false;
    return graph.resources.some((p) => p.urn === r.parent && p.type === ADMISSION_POLICIES_COMPONENT);
}

function collect(ctx: ExportContext): ExportSection {
    const manifests: ExportedManifest[] = [];
    for (const r of ctx.graph.resources.filter((x) => isAdmissionPolicy(ctx.graph, x))) {
        if (r.unknownInputs.length > 0) throw new Error(`cannot export ${r.urn}: inputs unknown offline (${r.unknownInputs.join(", ")})`);
        const { apiVersion, kind, metadata, spec } = JSON.parse(JSON.stringify(r.inputs)) as Record<string, unknown>;
        const name = String((metadata as { name?: unknown } | undefined)?.name ?? r.name);
        manifests.push({
            path: `admission/${fileSegment(String(kind))}-${fileSegment(name)}.yaml`,
            object: { apiVersion, kind, metadata, spec },
            origin: `${r.urn} (admission-policies/${ctx.stack}/${name}/${name}.yaml)`,
        });
    }
    return { manifests, helmReleases: [] };
}

export const admissionSource: ExportSource = {
    name: "admission",
    description: "Kyverno admission policies: a ValidatingPolicy per claim kind and for claim labels, the GeneratingPolicy fencing tenant namespaces (generated from paved:admission and the catalog; suites in admission-policies/<stack>/)",
    collect,
};
