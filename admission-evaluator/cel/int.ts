import { EvaluationError } from "@marcbachmann/cel-js";

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** CEL int is int64: overflow is an error, never a silent wrap. */
export function checkInt(value: bigint): bigint {
    if (value < MIN || value > MAX) throw new EvaluationError(`integer overflow: ${value}`);
    return value;
}
