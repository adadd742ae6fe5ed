import type { Activation } from "./activation";
import type { CompiledValidation } from "./compile";

/**
 * The message of a failed validation, as documented for ValidatingPolicy and
 * ValidatingAdmissionPolicy: `messageExpression` wins; when it errors, is not a string, or is
 * empty, blank or multi-line, `message` is used; with neither, Kyverno's default.
 */
export function failureMessage(validation: CompiledValidation, index: number, activation: Activation): string {
    if (validation.messageProgram) {
        try {
            const out: unknown = validation.messageProgram(activation);
            if (typeof out === "string" && out.trim() !== "" && !/[\r\n]/.test(out)) return out;
        } catch {
            // fall back to the static message
        }
    }
    const message = validation.definition.message;
    if (message !== undefined && message.trim() !== "") return message;
    return `CEL expression validation failed at index ${index}`;
}

/** One line naming the failing field, the error and the expression. */
export function evaluationError(path: string, error: unknown, expression: string): string {
    const text = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return `${path}: evaluation error: ${text} (in: ${expression.replace(/\s+/g, " ").trim()})`;
}
