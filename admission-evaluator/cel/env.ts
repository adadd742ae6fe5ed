import { Environment } from "@marcbachmann/cel-js";
import { registerLists } from "./lists";
import { registerQuantity } from "./quantity";
import { registerStrings } from "./strings";

/**
 * The CEL environment of a ValidatingPolicy, as Kyverno declares it (pkg/cel/policies/vpol/compiler
 * `createBaseVpolEnv`): `object`/`oldObject` dyn, `request` typed like kubernetes.AdmissionRequest
 * (plus object/oldObject), `namespaceObject` and `variables` per policy.
 */

const GVK = { group: "string", version: "string", kind: "string" };
const GVR = { group: "string", version: "string", resource: "string" };

/** Field types of `request`; a typo such as `request.operaton` fails the type check. */
export const REQUEST_SCHEMA = {
    uid: "string",
    kind: GVK,
    resource: GVR,
    subResource: "string",
    requestKind: GVK,
    requestResource: GVR,
    requestSubResource: "string",
    name: "string",
    namespace: "string",
    operation: "string",
    userInfo: { username: "string", uid: "string", groups: "list<string>", extra: "map<string, list<string>>" },
    dryRun: "bool",
    options: "dyn",
    object: "dyn",
    oldObject: "dyn",
};

export const VARIABLES_TYPE = "kyverno.variables";

let base: Environment | undefined;

function baseEnvironment(): Environment {
    if (base) return base;
    const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: true })
        .registerVariable("object", "dyn")
        .registerVariable("oldObject", "dyn")
        // Kyverno types it as kubernetes.Namespace; dyn here so that null (cluster-scoped) is a value.
        .registerVariable("namespaceObject", "dyn")
        .registerVariable({ name: "request", schema: REQUEST_SCHEMA });
    registerStrings(env);
    registerLists(env);
    registerQuantity(env);
    base = env;
    return env;
}

/** An environment whose `variables` has exactly the given fields (name → CEL type). */
export function policyEnvironment(variableTypes: ReadonlyMap<string, string>): Environment {
    const env = baseEnvironment().clone();
    const fields: Record<string, string> = {};
    for (const [name, type] of variableTypes) fields[name] = type;
    env.registerType(VARIABLES_TYPE, { fields });
    env.registerVariable("variables", VARIABLES_TYPE);
    return env;
}

/**
 * A declarable field type for a checked expression's type: placeholders and bare generics
 * (`A`, `list`, `map<K, V>`, `null`) become dyn, which accepts any value.
 */
export function declarableType(type: string | undefined): string {
    if (!type || type === "null" || type === "list" || type === "map") return "dyn";
    const cleaned = type.replace(/\b[A-Z]\b/g, "dyn");
    try {
        baseEnvironment().clone().registerVariable("probe", cleaned);
        return cleaned;
    } catch {
        return "dyn";
    }
}
