// The RunFunctionRequest/Response of the function protocol, as plain objects.
// Resources hold the protobuf Struct view: every number is a float64.
import { JsonObject } from "../go/values";

export type Ready = "Unspecified" | "True" | "False";

export interface FnResource {
    resource?: JsonObject;
    connectionDetails?: Record<string, string>;
    ready?: Ready;
}

export interface FnState {
    composite?: FnResource;
    resources?: Record<string, FnResource>;
}

export type Severity = "Fatal" | "Warning" | "Normal";

export interface FnResult {
    severity: Severity;
    message: string;
    target?: "Composite" | "CompositeAndClaim";
}

export interface ResourceSelector {
    apiVersion: string;
    kind: string;
    matchName?: string;
    matchLabels?: Record<string, string>;
}

export interface FnRequest {
    input?: JsonObject;
    observed?: FnState;
    desired?: FnState;
    context?: JsonObject;
    requiredResources?: Record<string, JsonObject[]>;
}

export interface FnResponse {
    desired?: FnState;
    results: FnResult[];
    context?: JsonObject;
    requirements?: { resources: Record<string, ResourceSelector> };
}

export const KEY_ENVIRONMENT = "apiextensions.crossplane.io/environment";

/** response.To(req): desired and context carried over. */
export function responseTo(req: FnRequest): FnResponse {
    const rsp: FnResponse = { results: [] };
    if (req.desired) rsp.desired = req.desired;
    if (req.context) rsp.context = req.context;
    return rsp;
}

export function fatal(rsp: FnResponse, message: string): FnResponse {
    rsp.results.push({ severity: "Fatal", message, target: "Composite" });
    return rsp;
}
