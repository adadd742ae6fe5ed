// Conditioned.GetCondition: a condition by type from status.conditions, or Unknown.
import { JsonObject, isObject } from "../go/values";

export interface Condition {
    type: string;
    status: string;
    reason?: string;
    message?: string;
}

export function getCondition(o: JsonObject, type: string): Condition {
    const status = o.status;
    const list = isObject(status) ? status.conditions : undefined;
    if (Array.isArray(list)) {
        for (const c of list) {
            if (isObject(c) && c.type === type && typeof c.status === "string") {
                return { type, status: c.status };
            }
        }
    }
    return { type, status: "Unknown" };
}
