import { UserInputError } from "../cli/errors";
import type { GroupVersionKind, KindSchema } from "./types";

/** `group/version/Kind`, or `version/Kind` for the core group. */
export function gvkKey(g: GroupVersionKind): string {
    return g.group === "" ? `${g.version}/${g.kind}` : `${g.group}/${g.version}/${g.kind}`;
}

/** Splits `apiVersion` into group and version (`v1` → core group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Schemas of served kind versions, keyed by group/version/kind; `source` names where they came from. */
export class SchemaRegistry {
    private readonly byKey = new Map<string, KindSchema>();

    constructor(
        readonly source: string,
        entries: Iterable<KindSchema> = [],
    ) {
        for (const e of entries) this.add(e);
    }

    /** Adds one kind version; the same group/version/kind from two sources is a user error. */
    add(entry: KindSchema): void {
        const key = gvkKey(entry);
        const prior = this.byKey.get(key);
        if (prior && prior.source !== entry.source) {
            throw new UserInputError(`${key} is defined twice: in ${prior.source} and in ${entry.source}`);
        }
        this.byKey.set(key, entry);
    }

    lookup(apiVersion: string, kind: string): KindSchema | undefined {
        return this.byKey.get(gvkKey({ ...splitApiVersion(apiVersion), kind }));
    }

    /** Served versions of a group and kind, for "did you mean" hints. */
    versionsOf(group: string, kind: string): string[] {
        return this.entries()
            .filter((e) => e.group === group && e.kind === kind)
            .map((e) => e.version);
    }

    entries(): KindSchema[] {
        return [...this.byKey.values()];
    }

    get size(): number {
        return this.byKey.size;
    }
}

/** One registry holding the kinds of all given ones (e.g. provider CRDs plus XRD-derived claims). */
export function mergeRegistries(...registries: SchemaRegistry[]): SchemaRegistry {
    const merged = new SchemaRegistry(registries.map((r) => r.source).join(" + "));
    for (const r of registries) for (const e of r.entries()) merged.add(e);
    return merged;
}
