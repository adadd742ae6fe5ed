import type { CatalogApi } from "../catalog";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** One parameter of a claim as its XRD declares it under `spec.parameters`. */
export interface XrdParameter {
    /** Dotted path under spec.parameters, e.g. `lifecycle.expireAfterDays`. */
    path: string;
    type: "integer" | "number" | "string" | "boolean" | "object" | "array" | "unknown";
    enum?: (string | number | boolean)[];
    default?: unknown;
    minimum?: number;
    maximum?: number;
    /** Required by its parent object (the parent itself may be optional). */
    required: boolean;
}

/** The schema of the API's referenceable version. */
export function xrdSchema(api: CatalogApi): Obj {
    const versions = Array.isArray((api.xrd.spec as Obj | undefined)?.versions) ? ((api.xrd.spec as Obj).versions as unknown[]) : [];
    const version = versions.find((v) => isObj(v) && v.name === api.version) as Obj | undefined;
    const schema = isObj(version?.schema) ? (version!.schema as Obj).openAPIV3Schema : undefined;
    return isObj(schema) ? schema : {};
}

function num(v: unknown): number | undefined {
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return Number(v);
    return undefined;
}

function plain(v: unknown): unknown {
    if (typeof v === "bigint") return Number(v);
    if (Array.isArray(v)) return v.map(plain);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}

/** Every parameter (leaves and objects) the XRD declares, by dotted path. */
export function xrdParameters(api: CatalogApi): Map<string, XrdParameter> {
    const out = new Map<string, XrdParameter>();
    const spec = (xrdSchema(api).properties as Obj | undefined)?.spec;
    const parameters = isObj(spec) && isObj(spec.properties) ? (spec.properties as Obj).parameters : undefined;
    const walk = (node: unknown, prefix: string) => {
        if (!isObj(node) || !isObj(node.properties)) return;
        const required = Array.isArray(node.required) ? node.required : [];
        for (const [name, child] of Object.entries(node.properties)) {
            if (!isObj(child)) continue;
            const path = prefix ? `${prefix}.${name}` : name;
            const type = typeof child.type === "string" && ["integer", "number", "string", "boolean", "object", "array"].includes(child.type)
                ? (child.type as XrdParameter["type"]) : "unknown";
            out.set(path, {
                path,
                type,
                enum: Array.isArray(child.enum) ? (plain(child.enum) as XrdParameter["enum"]) : undefined,
                default: child.default === undefined ? undefined : plain(child.default),
                minimum: num(child.minimum),
                maximum: num(child.maximum),
                required: required.includes(name),
            });
            if (type === "object") walk(child, path);
        }
    };
    walk(parameters, "");
    return out;
}
