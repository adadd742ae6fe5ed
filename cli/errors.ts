/** Bad input from a user (config, claim, flag, YAML). The CLI prints `message` alone and exits with `exitCode`. */
export class UserInputError extends Error {
    constructor(
        message: string,
        public readonly exitCode: number = 2,
    ) {
        super(message);
        this.name = "UserInputError";
    }
}

/** Several problems found at once, reported as one message: one `path: rule` line each. */
export function problemsError(title: string, problems: string[], exitCode = 2): UserInputError {
    return new UserInputError([title, ...problems.map((p) => `  - ${p}`)].join("\n"), exitCode);
}
