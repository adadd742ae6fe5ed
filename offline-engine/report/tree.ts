import type { RecordedResource } from "../graph";

export interface TreeLine {
    prefix: string;
    resource: RecordedResource;
}

/** Resources in parent/child order with box-drawing prefixes, as `pulumi preview` prints them. */
export function treeLines(resources: RecordedResource[]): TreeLine[] {
    const known = new Set(resources.map((r) => r.urn));
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of resources) {
        const parent = r.parent && known.has(r.parent) ? r.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const lines: TreeLine[] = [];
    const walk = (parent: string | undefined, indent: string, depth: number) => {
        const kids = children.get(parent) ?? [];
        kids.forEach((r, i) => {
            const last = i === kids.length - 1;
            lines.push({ prefix: depth === 0 ? "" : indent + (last ? "└─ " : "├─ "), resource: r });
            walk(r.urn, depth === 0 ? "" : indent + (last ? "   " : "│  "), depth + 1);
        });
    };
    walk(undefined, "", 0);
    return lines;
}
