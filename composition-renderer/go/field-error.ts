// k8s.io/apimachinery validation/field.Error: "<field>: <Type>[: <value>][: <detail>]".
import { GoError } from "./errors";
import { sprintf } from "./fmt";
import { marshalJSON } from "./json";
import { quote } from "./strconv";
import { Value } from "./values";

export type FieldErrorType = "FieldValueRequired" | "FieldValueInvalid";

const TYPE_TEXT: Record<FieldErrorType, string> = {
    FieldValueRequired: "Required value",
    FieldValueInvalid: "Invalid value",
};

export class FieldError extends GoError {
    constructor(
        readonly type: FieldErrorType,
        readonly field: string,
        readonly detail: string,
        /** Invalid only. `named` marks a Go named string type, printed as JSON. */
        readonly badValue?: { value: Value; named: boolean },
    ) {
        super(`${field}: ${body(type, detail, badValue)}`);
        this.name = "FieldError";
    }

    /** WrapFieldError: prefix the field path, as field.Path.Child does. */
    under(prefix: string): FieldError {
        return new FieldError(this.type, `${prefix}.${this.field}`, this.detail, this.badValue);
    }
}

function body(type: FieldErrorType, detail: string, bad?: { value: Value; named: boolean }): string {
    let s = TYPE_TEXT[type];
    if (type === "FieldValueInvalid" && bad) {
        const v = bad.value;
        if (typeof v === "string" && !bad.named) s += `: ${quote(v)}`;
        else if (typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") s += `: ${sprintf("%v", v)}`;
        else s += `: ${marshalJSON(v)}`;
    }
    return detail ? `${s}: ${detail}` : s;
}

export function required(field: string, detail: string): FieldError {
    return new FieldError("FieldValueRequired", field, detail);
}

export function invalid(field: string, value: Value, detail: string, named = true): FieldError {
    return new FieldError("FieldValueInvalid", field, detail, { value, named });
}
