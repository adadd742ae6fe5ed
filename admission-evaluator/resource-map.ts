/** Kind ↔ group/version/plural mapping (what the API server's discovery gives a real cluster). */

export interface ResourceInfo {
    group: string;
    kind: string;
    /** The plural resource name that `matchConstraints.resourceRules[].resources` lists. */
    plural: string;
    namespaced: boolean;
    /** Served versions; empty means any. */
    versions: string[];
}

export interface ResolvedResource {
    info: ResourceInfo;
    /** True when the kind was unknown and the plural is Kyverno's offline guess. */
    guessed: boolean;
}

export class ResourceMap {
    private readonly byKind = new Map<string, ResourceInfo>();

    constructor(entries: Iterable<ResourceInfo> = []) {
        for (const entry of entries) this.add(entry);
    }

    /** Adds or replaces the entry for `group`/`kind`, merging served versions. */
    add(entry: ResourceInfo): this {
        const key = keyOf(entry.group, entry.kind);
        const previous = this.byKind.get(key);
        const versions = [...new Set([...(previous?.versions ?? []), ...entry.versions])];
        this.byKind.set(key, { ...entry, versions });
        return this;
    }

    get(group: string, kind: string): ResourceInfo | undefined {
        return this.byKind.get(keyOf(group, kind));
    }

    /** The entry for a kind, or Kyverno's guess (`UnsafeGuessKindToResource`) when unknown. */
    resolve(group: string, kind: string): ResolvedResource {
        const info = this.get(group, kind);
        if (info) return { info, guessed: false };
        return { info: { group, kind, plural: guessPlural(kind), namespaced: true, versions: [] }, guessed: true };
    }

    /** Every known plural of a group (for spotting typos in resourceRules). */
    pluralsOf(group: string): string[] {
        return [...this.byKind.values()].filter((e) => e.group === group).map((e) => e.plural);
    }

    hasGroup(group: string): boolean {
        return [...this.byKind.values()].some((e) => e.group === group);
    }

    entries(): ResourceInfo[] {
        return [...this.byKind.values()];
    }

    /** A copy holding this map's entries and then `other`'s (which win). */
    merge(other: ResourceMap): ResourceMap {
        return new ResourceMap([...this.entries(), ...other.entries()]);
    }
}

function keyOf(group: string, kind: string): string {
    return `${group}/${kind}`;
}

/**
 * The plural Kyverno's CLI guesses for a kind it cannot map (k8s.io/apimachinery
 * `meta.UnsafeGuessKindToResource`): lower case, then "s"→"ses", "y"→"ies", else "+s".
 */
export function guessPlural(kind: string): string {
    const lower = kind.toLowerCase();
    if (lower === "") return "";
    if (lower.endsWith("endpoints")) return lower;
    if (lower.endsWith("s")) return `${lower}es`;
    if (lower.endsWith("y")) return `${lower.slice(0, -1)}ies`;
    return `${lower}s`;
}
