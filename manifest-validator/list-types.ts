import { indexPath } from "./paths";
import type { JsonSchemaProps, Problem } from "./types";
import { deepEqual, isPlainObject, show } from "./values";

/** `x-kubernetes-list-type: set | map` uniqueness (ValidateListSetsAndMaps). */
export function checkListType(list: unknown[], s: JsonSchemaProps, path: string): Problem[] {
    const type = s["x-kubernetes-list-type"];
    if (type === "set") return duplicates(list, (x) => x, path, (j) => `duplicate of [${j}]`);
    if (type === "map") {
        const keys = s["x-kubernetes-list-map-keys"] ?? [];
        const keyOf = (x: unknown): unknown => {
            if (!isPlainObject(x)) return x;
            const key: Record<string, unknown> = {};
            for (const k of keys) key[k] = x[k];
            return key;
        };
        return duplicates(list, keyOf, path, (j, key) => `duplicate key ${show(key)} of [${j}]`);
    }
    return [];
}

function duplicates(
    list: unknown[],
    keyOf: (x: unknown) => unknown,
    path: string,
    rule: (j: number, key: unknown) => string,
): Problem[] {
    const out: Problem[] = [];
    const keys = list.map(keyOf);
    keys.forEach((key, i) => {
        const j = keys.findIndex((other) => deepEqual(other, key));
        if (j < i) out.push({ path: indexPath(path, i), rule: rule(j, key), type: "Duplicate", severity: "error" });
    });
    return out;
}
