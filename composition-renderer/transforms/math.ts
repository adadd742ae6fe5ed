// ResolveMath: Multiply keeps int64 for integers, float64 for floats; clamps
// compare int64(input) and return the clamp as int64 or the input unchanged.
import { GoError } from "../go/errors";
import { GoInt, Value, goTypeName } from "../go/values";
import { MathTransform } from "../pt/input-types";
import { validateMathTransform } from "../pt/validate-transforms";

function nonNumber(input: Value): GoError {
    return new GoError(`input is required to be a number for math transformer, got ${goTypeName(input)}`);
}

/** Go's int64(f) for a float64: truncation (values out of range wrap like amd64's 0x8000000000000000). */
export function truncFloat(f: number): bigint {
    if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) return -(1n << 63n);
    return BigInt(Math.trunc(f));
}

export function resolveMath(t: MathTransform, input: Value): Value {
    const err = validateMathTransform(t);
    if (err) throw err;
    if (typeof input !== "bigint" && typeof input !== "number" && !(input instanceof GoInt)) throw nonNumber(input);
    switch (t.type) {
        case "Multiply": {
            const m = t.multiply as bigint;
            if (typeof input === "number") return input * Number(m);
            const i = typeof input === "bigint" ? input : input.value;
            return BigInt.asIntN(64, i * m);
        }
        case "ClampMin":
        case "ClampMax": {
            const n = typeof input === "number" ? truncFloat(input) : typeof input === "bigint" ? input : input.value;
            if (t.type === "ClampMin" && n < (t.clampMin as bigint)) return t.clampMin as bigint;
            if (t.type === "ClampMax" && n > (t.clampMax as bigint)) return t.clampMax as bigint;
            return input;
        }
        default:
            throw new GoError(`type ${t.type} is not supported for math transform type`);
    }
}
