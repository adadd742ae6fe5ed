import type { JsonSchemaProps } from "./types";
import { deepCopy, hasOwn, isPlainObject, setOwn } from "./values";
import { declared } from "./schema-props";

/** The schema of a map entry or object field, as the API server resolves it for nulls and defaults. */
function fieldSchema(s: JsonSchemaProps | undefined, key: string): JsonSchemaProps | undefined {
    if (!s) return undefined;
    const prop = declared(s, key);
    if (prop) return prop;
    return typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
}

function isNonNullableNull(v: unknown, s: JsonSchemaProps | undefined): boolean {
    return v === null && s !== undefined && s.nullable !== true;
}

/**
 * Drops `null` object fields whose schema is neither nullable nor defaulted, as the API server
 * does before defaulting (PruneNonNullableNullsWithoutDefaults). Array elements are kept.
 */
export function pruneNonNullableNulls(x: unknown, s: JsonSchemaProps | undefined): void {
    if (isPlainObject(x)) {
        for (const k of Object.keys(x)) {
            const ks = fieldSchema(s, k);
            if (isNonNullableNull(x[k], ks) && ks?.default === undefined) delete x[k];
            else pruneNonNullableNulls(x[k], ks);
        }
    } else if (Array.isArray(x)) {
        for (const v of x) pruneNonNullableNulls(v, s?.items);
    }
}

/** Structural defaulting: absent fields (and non-nullable nulls) take a copy of their `default`. */
export function applyDefaults(x: unknown, s: JsonSchemaProps | undefined): void {
    if (!s) return;
    if (isPlainObject(x)) {
        for (const [k, prop] of Object.entries(s.properties ?? {})) {
            if (prop.default === undefined) continue;
            if (!hasOwn(x, k) || isNonNullableNull(x[k], prop)) setOwn(x, k, deepCopy(prop.default));
        }
        for (const k of Object.keys(x)) {
            const prop = declared(s, k);
            if (prop) {
                applyDefaults(x[k], prop);
            } else if (typeof s.additionalProperties === "object") {
                const ap = s.additionalProperties;
                if (isNonNullableNull(x[k], ap) && ap.default !== undefined) setOwn(x, k, deepCopy(ap.default));
                applyDefaults(x[k], ap);
            }
        }
    } else if (Array.isArray(x) && s.items) {
        const items = s.items;
        x.forEach((v, i) => {
            if (isNonNullableNull(v, items) && items.default !== undefined) x[i] = deepCopy(items.default);
            applyDefaults(x[i], items);
        });
    }
}
