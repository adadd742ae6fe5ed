import { UserInputError } from "../cli/errors";
import type { JsonSchemaProps, KindSchema } from "./types";
import { isPlainObject, type JsonObject } from "./values";

function field(o: unknown, name: string, where: string): unknown {
    const v = isPlainObject(o) ? o[name] : undefined;
    if (v === undefined) throw new UserInputError(`${where}.${name}: is required`);
    return v;
}

function str(o: unknown, name: string, where: string): string {
    const v = field(o, name, where);
    if (typeof v !== "string" || v === "") throw new UserInputError(`${where}.${name}: must be a non-empty string`);
    return v;
}

export function isCrd(doc: unknown): doc is JsonObject {
    return isPlainObject(doc) && doc.apiVersion === "apiextensions.k8s.io/v1" && doc.kind === "CustomResourceDefinition";
}

/** The served versions of an `apiextensions.k8s.io/v1` CustomResourceDefinition. */
export function kindSchemasFromCrd(crd: JsonObject, source: string): KindSchema[] {
    const name = isPlainObject(crd.metadata) && typeof crd.metadata.name === "string" ? crd.metadata.name : "?";
    const where = `${source}: CustomResourceDefinition ${name}: spec`;
    const spec = field(crd, "spec", `${source}: CustomResourceDefinition ${name}`);
    const group = str(spec, "group", where);
    const names = field(spec, "names", where);
    const kind = str(names, "kind", `${where}.names`);
    const plural = str(names, "plural", `${where}.names`);
    const scope = str(spec, "scope", where);
    if (scope !== "Namespaced" && scope !== "Cluster") throw new UserInputError(`${where}.scope: must be one of ["Namespaced", "Cluster"]`);
    const versions = field(spec, "versions", where);
    if (!Array.isArray(versions)) throw new UserInputError(`${where}.versions: must be a list`);
    const out: KindSchema[] = [];
    versions.forEach((v: unknown, i) => {
        const vWhere = `${where}.versions[${i}]`;
        if (field(v, "served", vWhere) !== true) return;
        const version = str(v, "name", vWhere);
        const schema = field(field(v, "schema", vWhere), "openAPIV3Schema", `${vWhere}.schema`);
        if (!isPlainObject(schema)) throw new UserInputError(`${vWhere}.schema.openAPIV3Schema: must be an object`);
        const vo = v as JsonObject;
        out.push({
            group,
            version,
            kind,
            plural,
            scope,
            schema: schema as JsonSchemaProps,
            source,
            deprecated: vo.deprecated === true,
            deprecationWarning: typeof vo.deprecationWarning === "string" ? vo.deprecationWarning : undefined,
            statusSubresource: isPlainObject(vo.subresources) && vo.subresources.status !== undefined,
        });
    });
    return out;
}
