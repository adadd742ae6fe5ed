import type { Environment, ParseResult } from "@marcbachmann/cel-js";

/** The output type a field requires, as Kyverno's compiler enforces it (exact, dyn is not enough). */
export type Expected = "bool" | "string" | "string-or-null" | "any";

export interface Checked {
    program?: ParseResult;
    /** The inferred CEL type. */
    type?: string;
    /** "type error: ..." with the caret display, when the expression is rejected. */
    error?: string;
}

/** Parses and type-checks one expression; never throws. */
export function checkExpression(env: Environment, expression: string, expected: Expected): Checked {
    let type: string | undefined;
    try {
        const result = env.check(expression);
        if (!result.valid) return { error: describeError(result.error) };
        type = result.type;
    } catch (error) {
        return { error: describeError(error) };
    }
    if (!accepts(expected, type)) {
        return { error: `output must be of type ${expected === "string-or-null" ? "string or null" : expected}, but is ${type ?? "unknown"}` };
    }
    try {
        return { program: env.parse(expression), type };
    } catch (error) {
        return { error: describeError(error) };
    }
}

function accepts(expected: Expected, type: string | undefined): boolean {
    switch (expected) {
        case "any":
            return true;
        case "string-or-null":
            return type === "string" || type === "null";
        default:
            return type === expected;
    }
}

function describeError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const [first, ...rest] = message.split("\n");
    const display = rest.filter((line) => line.trim() !== "").map((line) => `      ${line}`);
    return [first, ...display].join("\n");
}
