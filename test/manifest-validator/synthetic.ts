import { SchemaRegistry, type JsonSchemaProps, type KindSchema } from "../../manifest-validator";

/** A registry with one kind, `test.paved.dev/v1 Widget`, whose `spec` has the given schema. */
export function widgetRegistry(
    spec: JsonSchemaProps,
    extra: Partial<KindSchema> & { rootRules?: JsonSchemaProps["x-kubernetes-validations"] } = {},
): SchemaRegistry {
    const schema: JsonSchemaProps = {
        type: "object",
        properties: {
            apiVersion: { type: "string" },
            kind: { type: "string" },
            metadata: { type: "object" },
            spec,
        },
        ...(extra.rootRules ? { "x-kubernetes-validations": extra.rootRules } : {}),
    };
    const entry: KindSchema = {
        group: "test.paved.dev",
        version: "v1",
        kind: "Widget",
        plural: "widgets",
        scope: "Namespaced",
        source: "synthetic",
        schema,
        ...extra,
    };
    return new SchemaRegistry("synthetic", [entry]);
}

/** A Widget with the given spec. */
export function widget(spec: unknown, name = "w1"): Record<string, unknown> {
    return { apiVersion: "test.paved.dev/v1", kind: "Widget", metadata: { name }, spec };
}
