// Turning fn_test.go-style fixtures into requests, and responses into the shape
// protocmp compares (empty maps and unspecified readiness are absent).
import { JsonObject } from "../../composition-renderer";
import { FnRequest, FnResponse, FnState } from "../../composition-renderer/pt/function-types";

const KEY = "apiextensions.crossplane.io/environment";

/** contextWithEnvironment(data): the environment as Crossplane sends it. */
export function contextWithEnvironment(env: JsonObject): JsonObject {
    return { [KEY]: { ...env, apiVersion: "internal.crossplane.io/v1alpha1", kind: "Environment" } };
}

export function requestFrom(r: JsonObject): FnRequest {
    const req = { ...r } as FnRequest & { env?: JsonObject };
    if (req.env) {
        req.context = contextWithEnvironment(req.env);
        delete req.env;
    }
    return req;
}

function normalizeState(s: FnState | undefined): JsonObject | undefined {
    if (!s) return undefined;
    const out: JsonObject = {};
    const res = (r: { resource?: JsonObject; connectionDetails?: Record<string, string>; ready?: string }): JsonObject => {
        const o: JsonObject = { resource: r.resource ?? {} };
        if (r.connectionDetails && Object.keys(r.connectionDetails).length > 0) o.connectionDetails = r.connectionDetails;
        if (r.ready && r.ready !== "Unspecified") o.ready = r.ready;
        return o;
    };
    if (s.composite) out.composite = res(s.composite);
    if (s.resources && Object.keys(s.resources).length > 0) {
        out.resources = Object.fromEntries(Object.entries(s.resources).map(([k, v]) => [k, res(v)]));
    }
    return out;
}

export function normalizeResponse(rsp: FnResponse): JsonObject {
    const out: JsonObject = { results: rsp.results.map((r) => ({ severity: r.severity, message: r.message })) };
    const d = normalizeState(rsp.desired);
    if (d) out.desired = d;
    if (rsp.context) out.context = rsp.context;
    if (rsp.requirements) out.requirements = rsp.requirements as unknown as JsonObject;
    return out;
}

/** The expected response of a fixture, in the same normalized shape. */
export function expectedResponse(want: JsonObject): JsonObject {
    const out: JsonObject = { results: (want.results as JsonObject[] | undefined) ?? [] };
    if (want.desired) out.desired = normalizeState(want.desired as FnState) as JsonObject;
    if (want.env) out.context = contextWithEnvironment(want.env as JsonObject);
    if (want.context) out.context = want.context;
    if (want.requirements) out.requirements = want.requirements;
    return out;
}
