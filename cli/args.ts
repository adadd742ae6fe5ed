import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserInputError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `util.parseArgs` with one clear usage error per problem (exit 2) instead of a thrown TypeError. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals: boolean) {
    try {
        return parseArgs({ args: argv, options, allowPositionals, strict: true });
    } catch (e) {
        const err = e as { code?: string; message: string };
        const flag = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1];
        switch (err.code) {
            case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
                throw new UserInputError(`unknown option ${flag ?? ""} (known: ${Object.keys(options).map((o) => `--${o}`).join(", ")})`);
            case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
                throw new UserInputError(`${flag ?? "an option"} needs a value`);
            case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
                throw new UserInputError(`unexpected argument ${/'([^']+)'/.exec(err.message)?.[1] ?? ""}`);
            default:
                throw new UserInputError(err.message);
        }
    }
}

/** Checks a flag's value against a closed set. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined) {
        return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UserInputError(`${flag}: "${value}" is not one of ${allowed.join(", ")}`);
    }
    return value as T;
}
