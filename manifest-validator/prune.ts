import { objectMetaSchema } from "./object-meta";
import { childPath, indexPath } from "./paths";
import type { JsonSchemaProps } from "./types";
import { isPlainObject, type JsonObject } from "./values";
import { declared } from "./schema-props";

/**
 * Structural pruning, as the API server does it on decode: deletes every field the schema does
 * not declare (unless `x-kubernetes-preserve-unknown-fields`) and returns the pruned paths.
 * `apiVersion`, `kind` and `metadata` stay at the root and in embedded resources; `metadata` is
 * pruned to ObjectMeta. Values whose JSON type contradicts the schema are left for the type check.
 */
export function pruneUnknownFields(root: JsonObject, schema: JsonSchemaProps): string[] {
    const pruned: string[] = [];
    if (schema["x-kubernetes-preserve-unknown-fields"]) skipPrune(root, schema, "", pruned, true);
    else pruneObject(root, schema, "", pruned, true);
    return pruned;
}

const metaFields = new Set(["apiVersion", "kind", "metadata"]);

function prune(x: unknown, s: JsonSchemaProps | undefined, path: string, out: string[]): void {
    if (s?.["x-kubernetes-preserve-unknown-fields"]) {
        skipPrune(x, s, path, out);
        return;
    }
    if (isPlainObject(x)) {
        if (s === undefined) {
            for (const k of Object.keys(x)) {
                out.push(childPath(path, k));
                delete x[k];
            }
        } else if (acceptsObject(s)) {
            pruneObject(x, s, path, out, false);
        }
    } else if (Array.isArray(x)) {
        if (s === undefined) {
            x.forEach((v, i) => prune(v, undefined, indexPath(path, i), out));
        } else if (s.type === "array") {
            x.forEach((v, i) => prune(v, s.items, indexPath(path, i), out));
        }
    }
}

function pruneObject(x: JsonObject, s: JsonSchemaProps, path: string, out: string[], isRoot: boolean): void {
    const embedded = isRoot || s["x-kubernetes-embedded-resource"] === true;
    for (const k of Object.keys(x)) {
        if (embedded && metaFields.has(k)) {
            if (k === "metadata") pruneMetadata(x[k], childPath(path, k), out);
            continue;
        }
        const prop = declared(s, k);
        if (prop) {
            prune(x[k], prop, childPath(path, k), out);
        } else if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
            const ap = s.additionalProperties === true ? { "x-kubernetes-preserve-unknown-fields": true } : s.additionalProperties;
            prune(x[k], ap, childPath(path, k), out);
        } else {
            out.push(childPath(path, k));
            delete x[k];
        }
    }
}

/** Under preserve-unknown-fields: keep unknown keys, but prune inside the declared ones. */
function skipPrune(x: unknown, s: JsonSchemaProps, path: string, out: string[], isRoot = false): void {
    if (isPlainObject(x)) {
        const embedded = isRoot || s["x-kubernetes-embedded-resource"] === true;
        for (const k of Object.keys(x)) {
            if (embedded && metaFields.has(k)) {
                if (k === "metadata") pruneMetadata(x[k], childPath(path, k), out);
                continue;
            }
            const prop = declared(s, k);
            if (prop) prune(x[k], prop, childPath(path, k), out);
            else if (typeof s.additionalProperties === "object") prune(x[k], s.additionalProperties, childPath(path, k), out);
        }
    } else if (Array.isArray(x) && s.items) {
        const items = s.items;
        x.forEach((v, i) => skipPrune(v, items, indexPath(path, i), out));
    }
}

function pruneMetadata(meta: unknown, path: string, out: string[]): void {
    if (isPlainObject(meta)) pruneObject(meta, objectMetaSchema, path, out, false);
}

function acceptsObject(s: JsonSchemaProps): boolean {
    return s.type === "object" || (s.type === undefined && !s["x-kubernetes-int-or-string"]);
}
