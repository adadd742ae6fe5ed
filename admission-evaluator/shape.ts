/** Small readers for hand-validated YAML: each records "path: rule" problems instead of throwing. */

export class ShapeReader {
    readonly problems: string[] = [];

    problem(path: string, rule: string): void {
        this.problems.push(`${path}: ${rule}`);
    }

    /** An object (or undefined when absent and optional); unknown keys are problems. */
    object(value: unknown, path: string, allowed: readonly string[], required = false): Record<string, unknown> | undefined {
        if (value === undefined || value === null) {
            if (required) this.problem(path, "is required");
            return undefined;
        }
        if (typeof value !== "object" || Array.isArray(value)) {
            this.problem(path, "must be an object");
            return undefined;
        }
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) {
            if (!allowed.includes(key)) this.problem(`${path}.${key}`, `unknown field (allowed: ${allowed.join(", ")})`);
        }
        return record;
    }

    /** A list (empty when absent). */
    list(value: unknown, path: string, required = false): unknown[] {
        if (value === undefined || value === null) {
            if (required) this.problem(path, "is required");
            return [];
        }
        if (!Array.isArray(value)) {
            this.problem(path, "must be a list");
            return [];
        }
        return value;
    }

    string(value: unknown, path: string, required = false): string | undefined {
        if (value === undefined || value === null) {
            if (required) this.problem(path, "is required");
            return undefined;
        }
        if (typeof value !== "string") {
            this.problem(path, "must be a string");
            return undefined;
        }
        if (required && value.trim() === "") this.problem(path, "must not be empty");
        return value;
    }

    boolean(value: unknown, path: string): boolean | undefined {
        if (value === undefined || value === null) return undefined;
        if (typeof value !== "boolean") this.problem(path, "must be true or false");
        return typeof value === "boolean" ? value : undefined;
    }

    /** A list of strings; `nonEmpty` rejects an absent or empty list. */
    strings(value: unknown, path: string, nonEmpty = false, why = ""): string[] {
        const items = this.list(value, path);
        if (nonEmpty && items.length === 0) this.problem(path, `must list at least one value${why}`);
        const out: string[] = [];
        items.forEach((item, i) => {
            if (typeof item === "string") out.push(item);
            else this.problem(`${path}[${i}]`, "must be a string");
        });
        return out;
    }

    oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], fallback: T): T {
        if (value === undefined || value === null) return fallback;
        if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
        this.problem(path, `must be one of ${allowed.join(", ")} (got ${JSON.stringify(String(value))})`);
        return fallback;
    }

    /** A map of string to string (labels). */
    stringMap(value: unknown, path: string): Record<string, string> {
        const record = this.object(value, path, Object.keys(asObject(value)));
        const out: Record<string, string> = {};
        for (const [key, item] of Object.entries(record ?? {})) {
            if (typeof item === "string") out[key] = item;
            else this.problem(`${path}.${key}`, "must be a string");
        }
        return out;
    }
}

function asObject(value: unknown): object {
    return typeof value === "object" && value !== null ? value : {};
}
