/** What an export source returns, and the naming rules every source follows. */
import { UserInputError } from "../cli/errors";
import type { ResourceGraph } from "../offline-engine/graph";

export interface ExportContext {
    stack: string;
    /** The program's recorded graph (run once, offline, shared by every source). */
    graph: ResourceGraph;
}

/** One Kubernetes object written as one file. */
export interface ExportedManifest {
    /** Path below the export folder, `/`-separated. */
    path: string;
    object: Record<string, unknown>;
    /** Where it comes from: the resource URN, or a file of the repository. */
    origin: string;
    /** Values the export replaced (e.g. Secret data) and why. */
    redacted?: string;
}

/** A Helm release: not a manifest (the chart renders at deploy time), listed in the index. */
export interface ExportedRelease {
    name: string;
    namespace: string;
    chart: string;
    version: string;
    repository?: string;
    origin: string;
}

export interface ExportSection {
    manifests: ExportedManifest[];
    helmReleases: ExportedRelease[];
}

export interface ExportSource {
    /** Also the top-level folder the source writes into. */
    name: string;
    description: string;
    collect(ctx: ExportContext): ExportSection | Promise<ExportSection>;
}

/** A file name segment from a Kubernetes name: lower case, safe on every file system. */
export function fileSegment(text: string): string {
    const safe = text.toLowerCase().replace(/[^a-z0-9._-]+/g, "_");
    if (safe === "" || safe === "." || safe === "..") {
        throw new UserInputError(`cannot export an object named ${JSON.stringify(text)}`);
    }
    return safe;
}
