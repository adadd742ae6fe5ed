// ResolveConvert: the conversion table of transforms.go, keyed by Go's %T of the input.
import { GoError } from "../go/errors";
import { parseJSON } from "../go/json";
import { quantityToFloat } from "../go/quantity";
import { formatFloat, parseBool, parseFloat64, parseInt64 } from "../go/strconv";
import { Value, goTypeName, isObject } from "../go/values";
import { ConvertTransform } from "../pt/input-types";
import { convertFormat, isValidIOType, validateConvertTransform } from "../pt/validate-transforms";
import { truncFloat } from "./math";

type Conversion = (input: Value) => Value;

function invalidInput(input: Value): GoError {
    return new GoError(`invalid input type ${goTypeName(input)}`);
}

function want<T>(input: Value, check: (v: Value) => v is Value & T): T {
    if (!check(input)) throw invalidInput(input);
    return input as T;
}

const isString = (v: Value): v is string => typeof v === "string";
const isInt64 = (v: Value): v is bigint => typeof v === "bigint";
const isBool = (v: Value): v is boolean => typeof v === "boolean";
const isFloat = (v: Value): v is number => typeof v === "number";

/** The JSON text decoded by encoding/json (numbers become float64). */
function jsonInto(s: string, kind: "object" | "array"): Value {
    let v: Value;
    try {
        v = parseJSON(s, "float64");
    } catch (e) {
        throw e instanceof GoError ? e : new GoError(String(e));
    }
    if (v === null) return null;
    if (kind === "object" && !isObject(v)) throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
    if (kind === "array" && !Array.isArray(v)) throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`);
    return v;
}

function jsonKind(v: Value): string {
    if (typeof v === "string") return "string";
    if (typeof v === "boolean") return "bool";
    if (Array.isArray(v)) return "array";
    if (isObject(v)) return "object";
    return "number";
}

const TABLE: Record<string, Conversion> = {
    "string>int64>none": (i) => parseInt64(want(i, isString)),
    "string>bool>none": (i) => parseBool(want(i, isString)),
    "string>float64>none": (i) => parseFloat64(want(i, isString)),
    "string>float64>quantity": (i) => quantityToFloat(want(i, isString)),
    "int64>string>none": (i) => want(i, isInt64).toString(),
    "int64>bool>none": (i) => want(i, isInt64) === 1n,
    "int64>float64>none": (i) => Number(want(i, isInt64)),
    "bool>string>none": (i) => String(want(i, isBool)),
    "bool>int64>none": (i) => (want(i, isBool) ? 1n : 0n),
    "bool>float64>none": (i) => (want(i, isBool) ? 1 : 0),
    "float64>string>none": (i) => formatFloat(want(i, isFloat), "f", -1),
    "float64>int64>none": (i) => truncFloat(want(i, isFloat)),
    "float64>bool>none": (i) => want(i, isFloat) === 1,
    "string>object>json": (i) => jsonInto(want(i, isString), "object"),
    "string>array>json": (i) => jsonInto(want(i, isString), "array"),
};

/** GetConversionFunc(t, from). */
export function getConversionFunc(t: ConvertTransform, from: string): Conversion {
    const originalFrom = from;
    const to = t.toType === "int" ? "int64" : t.toType;
    if (from === "int") from = "int64";
    if (to === from) return (i) => i;
    const f = TABLE[`${from}>${to}>${convertFormat(t)}`];
    if (!f) {
        throw new GoError(`conversion from ${originalFrom} to ${to} is not supported with format ${convertFormat(t)}`);
    }
    return f;
}

export function resolveConvert(t: ConvertTransform, input: Value): Value {
    const err = validateConvertTransform(t);
    if (err) throw err;
    const from = goTypeName(input);
    if (!isValidIOType(from)) throw invalidInput(input);
    return getConversionFunc(t, from)(input);
}
