/** Writing CEL from TypeScript values: string, list and map literals, variable names. */

export function celString(s: string): string {
    return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

export function celScalar(v: string | number | boolean): string {
    return typeof v === "string" ? celString(v) : String(v);
}

export function celList(values: readonly (string | number | boolean)[]): string {
    return `[${values.map(celScalar).join(", ")}]`;
}

/** A map of string to map of string to string (homogeneous, as Kubernetes' CEL requires). */
export function celStringMapOfMaps(map: Record<string, Record<string, string>>): string {
    const inner = (m: Record<string, string>) => `{${Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${celString(k)}: ${celString(v)}`).join(", ")}}`;
    return `{${Object.entries(map).map(([k, v]) => `${celString(k)}: ${inner(v)}`).join(", ")}}`;
}

/**
 * Any JSON value as a CEL literal Kyverno accepts: maps and lists whose values differ in type are
 * wrapped in dyn() (Kyverno enforces homogeneous aggregate literals), as in Kyverno's generate examples.
 */
export function celLiteral(value: unknown): string {
    if (value === null) return "null";
    if (typeof value === "string") return celString(value);
    if (typeof value === "boolean") return String(value);
    if (typeof value === "number" || typeof value === "bigint") return String(value);
    if (Array.isArray(value)) return `[${value.map((v) => `dyn(${celLiteral(v)})`).join(", ")}]`;
    if (typeof value === "object") {
        return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${celString(k)}: dyn(${celLiteral(v)})`).join(", ")}}`;
    }
    throw new Error(`no CEL literal for ${typeof value}`);
}

/** A CEL identifier for a parameter path (`lifecycle.expireAfterDays` → `lifecycle_expireAfterDays`). */
export function identifier(prefix: string, path: string): string {
    return `${prefix}${path.split(".").map((s, i) => (i === 0 ? s.charAt(0).toUpperCase() + s.slice(1) : `_${s}`)).join("")}`;
}
