import type { JsonSchemaProps } from "./types";

/** The schema of a declared property: own properties only (a key like `__proto__` is not declared). */
export function declared(s: JsonSchemaProps | undefined, key: string): JsonSchemaProps | undefined {
    const props = s?.properties;
    return props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
}
