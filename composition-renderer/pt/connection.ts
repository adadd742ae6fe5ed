// connection.go: connection details from an observed composed resource, and
// the composed Secret a v2 XR gets instead.
import { GoError, wrap } from "../go/errors";
import { marshalJSON } from "../go/json";
import { JsonObject, Value, isObject } from "../go/values";
import { NotFound, lookup } from "../fieldpath/get";
import { ConnectionDetail, Patch, WriteConnectionSecretToRef, patchType, fromFieldPathPolicy } from "./input-types";
import { applyCombineFromVariablesPatch, applyFromFieldPathPatch } from "./patches";
import { validateConnectionDetail } from "./validate";

/** Connection details are bytes; here they are held as latin1-free UTF-8 strings. */
export type ConnectionDetails = Record<string, string>;

/** The value at `path` as a connection detail: a string as is, anything else as JSON; undefined when missing. */
function fromFieldPath(o: JsonObject, path: string): string | undefined {
    const v = lookup(o, path);
    if (v instanceof NotFound) return undefined;
    return typeof v === "string" ? v : marshalJSON(v);
}

export function extractConnectionDetails(o: JsonObject, data: ConnectionDetails, cfgs: ConnectionDetail[]): ConnectionDetails {
    const out: ConnectionDetails = {};
    for (const cfg of cfgs) {
        const err = validateConnectionDetail(cfg);
        if (err) throw wrap(err, "invalid");
        if (cfg.type === "FromValue") {
            out[cfg.name] = cfg.value as string;
        } else if (cfg.type === "FromConnectionSecretKey") {
            const v = data[cfg.fromConnectionSecretKey as string];
            if (v !== undefined) out[cfg.name] = v;
        } else if (cfg.type === "FromFieldPath") {
            try {
                const v = fromFieldPath(o, cfg.fromFieldPath as string);
                if (v !== undefined) out[cfg.name] = v;
            } catch {
                // A path that does not exist (yet) adds nothing.
            }
        }
    }
    return out;
}

/** supportsConnectionDetails: only legacy XRs (no spec.crossplane) take details back. */
export function supportsConnectionDetails(xr: JsonObject): boolean {
    try {
        return lookup(xr, "spec.crossplane") instanceof NotFound;
    } catch {
        return true;
    }
}

export interface SecretReference {
    name: string;
    namespace: string;
}

function str(v: Value | undefined): string {
    return typeof v === "string" ? v : "";
}

export function getConnectionSecretRef(xr: JsonObject, input: WriteConnectionSecretToRef | undefined): SecretReference {
    const meta = isObject(xr.metadata) ? xr.metadata : {};
    const spec = isObject(xr.spec) ? xr.spec : {};
    let ref: SecretReference;
    const xrRef = spec.writeConnectionSecretToRef;
    if (xrRef === null && "writeConnectionSecretToRef" in spec) {
        ref = { name: "", namespace: "" };
    } else if (isObject(xrRef)) {
        ref = { name: str(xrRef.name), namespace: str(xrRef.namespace) };
    } else if (input && (input.name !== "" || input.namespace !== "")) {
        ref = { name: input.name, namespace: input.namespace };
    } else {
        ref = { name: `${str(meta.name)}-connection`, namespace: str(meta.namespace) };
    }
    if (input && input.patches.length > 0) {
        try {
            ref = applyConnectionSecretPatches(xr, ref, input.patches);
        } catch (e) {
            throw wrap(wrap(e, "cannot apply connection secret patches"), "cannot generate connection secret reference");
        }
    }
    return ref;
}

function applyConnectionSecretPatches(xr: JsonObject, ref: SecretReference, patches: Patch[]): SecretReference {
    const obj: JsonObject = { apiVersion: "v1", kind: "SecretReference", name: ref.name, namespace: ref.namespace };
    patches.forEach((p, i) => {
        const t = patchType(p);
        if (t === "FromCompositeFieldPath") {
            try {
                applyFromFieldPathPatch(p, xr, obj);
            } catch (e) {
                if (fromFieldPathPolicy(p) === "Optional") return;
                throw wrap(e, `cannot apply patch type ${t} at index ${i}`);
            }
        } else if (t === "CombineFromComposite") {
            try {
                applyCombineFromVariablesPatch(p, xr, obj);
            } catch (e) {
                throw wrap(e, `cannot apply patch type ${t} at index ${i}`);
            }
        } else {
            throw new GoError(`unsupported patch type ${t} at index ${i}`);
        }
    });
    return {
        name: typeof obj.name === "string" ? obj.name : ref.name,
        namespace: typeof obj.namespace === "string" ? obj.namespace : ref.namespace,
    };
}

/** composeConnectionSecret: a v1 Secret holding the details (base64 data). */
export function composeConnectionSecret(xr: JsonObject, details: ConnectionDetails, input: WriteConnectionSecretToRef | undefined): JsonObject {
    const ref = getConnectionSecretRef(xr, input);
    const data: JsonObject = {};
    for (const [k, v] of Object.entries(details)) data[k] = Buffer.from(v, "utf8").toString("base64");
    const metadata: JsonObject = {};
    if (ref.name !== "") metadata.name = ref.name;
    if (ref.namespace !== "") metadata.namespace = ref.namespace;
    return { apiVersion: "v1", kind: "Secret", metadata, data, type: "connection.crossplane.io/v1alpha1" };
}
