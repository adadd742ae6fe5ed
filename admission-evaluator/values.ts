/** Conversions at the boundary between plain JSON/YAML values and CEL values. */

/**
 * A copy of a JSON-like value as Kubernetes would hand it to CEL: integral numbers become
 * `bigint` (CEL int), other numbers stay `number` (CEL double), keys are own properties even
 * when named like `__proto__`. Values that JSON cannot hold become null.
 * An object with a `constructor` key becomes a Map: cel-js types plain objects by their constructor.
 */
export function toCelValue(value: unknown): unknown {
    switch (typeof value) {
        case "string":
        case "boolean":
        case "bigint":
            return value;
        case "number":
            return Number.isSafeInteger(value) ? BigInt(value) : Number.isFinite(value) ? value : null;
        case "object":
            if (value === null) return null;
            if (Array.isArray(value)) return value.map(toCelValue);
            if (value instanceof Date) return value;
            return mapObject(value as Record<string, unknown>);
        default:
            return null;
    }
}

function mapObject(source: Record<string, unknown>): Record<string, unknown> | Map<string, unknown> {
    if (Object.prototype.hasOwnProperty.call(source, "constructor")) {
        return new Map(Object.keys(source).map((key) => [key, toCelValue(source[key])]));
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
        // Plain assignment is an own, enumerable, writable property too, and much cheaper; only
        // `__proto__` would set the prototype instead.
        if (key === "__proto__") Object.defineProperty(out, key, { value: toCelValue(source[key]), enumerable: true, writable: true, configurable: true });
        else out[key] = toCelValue(source[key]);
    }
    return out;
}

/** A plain object (a Map read as one) or undefined: for reading Kubernetes metadata safely. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
    if (value instanceof Map) return Object.fromEntries(value) as Record<string, unknown>;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A string field of a plain object, or "". */
export function stringField(value: unknown, key: string): string {
    const field = asRecord(value)?.[key];
    return typeof field === "string" ? field : "";
}

/** The labels of a Kubernetes object as a string map (non-string values are ignored). */
export function labelsOf(object: unknown): Record<string, string> {
    const labels = asRecord(asRecord(asRecord(object)?.metadata)?.labels);
    const out: Record<string, string> = {};
    if (!labels) return out;
    for (const [key, value] of Object.entries(labels)) {
        if (typeof value === "string") out[key] = value;
    }
    return out;
}

/** A short, single-line rendering of any value (bigint-safe), for messages. */
export function describe(value: unknown): string {
    try {
        const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
        return text === undefined ? String(value) : text;
    } catch {
        return String(value);
    }
}
