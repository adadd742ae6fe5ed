// Go-style errors: a message built by wrapping ("outer: inner"), and the one
// property callers branch on, fieldpath's "not found".

export class GoError extends Error {
    constructor(
        message: string,
        /** fieldpath.IsNotFound: survives wrapping, as errors.Cause does. */
        readonly notFound = false,
    ) {
        super(message);
        this.name = "GoError";
    }
}

export function goError(message: string): GoError {
    return new GoError(message);
}

export function notFoundError(message: string): GoError {
    return new GoError(message, true);
}

/** errors.Wrap(err, msg). */
export function wrap(err: unknown, msg: string): GoError {
    const e = asGoError(err);
    return new GoError(`${msg}: ${e.message}`, e.notFound);
}

export function asGoError(err: unknown): GoError {
    if (err instanceof GoError) return err;
    if (err instanceof Error) return new GoError(err.message);
    return new GoError(String(err));
}

export function isNotFound(err: unknown): boolean {
    return err instanceof GoError && err.notFound;
}

/** Result of a Go function that returns (value, error). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: GoError };

export function ok<T>(value: T): Result<T> {
    return { ok: true, value };
}

export function fail<T>(error: GoError): Result<T> {
    return { ok: false, error };
}
