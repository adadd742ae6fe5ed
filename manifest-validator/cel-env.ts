import { registerKubernetesLibrary, type CelEnvironment } from "./cel-library";

/** What cel-js gives for a parsed expression. */
interface CelProgram {
    (context: Record<string, unknown>): unknown;
    ast: unknown;
    check(): { valid: boolean; error?: { message: string } };
}

interface CelJsEnvironment extends CelEnvironment {
    registerVariable(name: string, type: string): unknown;
    parse(expression: string): CelProgram;
}

interface CelJsModule {
    Environment: new (options: Record<string, unknown>) => CelJsEnvironment;
    Optional: { none(): unknown };
}

// cel-js is an ES module; Node (>= 20.19) loads it with require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const celjs = require("@marcbachmann/cel-js") as CelJsModule;

/** A rule compiled once: either a program, or why it cannot be evaluated here. */
export type CompiledRule =
    | { readonly ok: true; readonly program: CelProgram; readonly usesOldSelf: boolean }
    | { readonly ok: false; readonly reason: string };

let environment: CelJsEnvironment | undefined;

/** The Kubernetes-like CEL environment: `self`, `oldSelf`, optional types, the k8s library additions. */
function env(): CelJsEnvironment {
    if (!environment) {
        const e = new celjs.Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false });
        e.registerVariable("self", "dyn");
        e.registerVariable("oldSelf", "dyn");
        registerKubernetesLibrary(e);
        environment = e;
    }
    return environment;
}

const cache = new Map<string, CompiledRule>();

function firstLine(message: string): string {
    return message.split("\n")[0];
}

function refersTo(ast: unknown, name: string): boolean {
    if (ast === null || typeof ast !== "object") return false;
    if (Array.isArray(ast)) return ast.some((x) => refersTo(x, name));
    const node = ast as { op?: unknown; args?: unknown };
    if (node.op === "id") return node.args === name;
    return refersTo(node.args, name);
}

/** Parses and type-checks an expression once; a parse or check failure gives the reason. */
export function compileRule(expression: string): CompiledRule {
    const hit = cache.get(expression);
    if (hit) return hit;
    let result: CompiledRule;
    try {
        const program = env().parse(expression);
        const check = program.check();
        result = check.valid
            ? { ok: true, program, usesOldSelf: refersTo(program.ast, "oldSelf") }
            : { ok: false, reason: firstLine(check.error?.message ?? "type check failed") };
    } catch (e) {
        result = { ok: false, reason: firstLine((e as Error).message) };
    }
    cache.set(expression, result);
    return result;
}

/** `optional.none()`, the value of `oldSelf` on create for rules with `optionalOldSelf: true`. */
export function optionalNone(): unknown {
    return celjs.Optional.none();
}
