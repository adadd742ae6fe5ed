import { serialize, type ASTNode, type Environment, type ParseResult } from "@marcbachmann/cel-js";

/**
 * `x.orValue(d)` / `x.or(o)` on a plain field select: cel-go (Kyverno) returns `x` unchanged when it
 * is not an optional, cel-js reports an error. Almost always a missing `?` (`x.?field.orValue(d)`).
 */
export function lintOptionalReceivers(env: Environment, program: ParseResult): string[] {
    const warnings: string[] = [];
    visit(program.ast, (node) => {
        if (node.op !== "rcall") return;
        const [name, receiver] = node.args;
        if ((name !== "orValue" && name !== "or") || (receiver.op !== "." && receiver.op !== "[]")) return;
        const text = serialize(receiver);
        let type: string | undefined;
        try {
            const checked = env.check(text);
            type = checked.valid ? checked.type : undefined;
        } catch {
            type = undefined;
        }
        if (type?.startsWith("optional")) return;
        warnings.push(`${name}() on ${text}, which is not optional: Kyverno returns it unchanged, this evaluator errors (did you mean '.?'?)`);
    });
    return warnings;
}

function visit(node: ASTNode, fn: (node: ASTNode) => void): void {
    fn(node);
    const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === "object" && value !== null && "op" in value) visit(value as ASTNode, fn);
    };
    walk(node.args);
}
