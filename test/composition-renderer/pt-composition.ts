// A Composition whose pipeline ends in one patch-and-transform step, for tests
// that build their own resources instead of loading a catalog API.
import { JsonObject } from "../../composition-renderer";

export function ptComposition(resources: JsonObject[], stepsBefore: JsonObject[] = []): JsonObject {
    return {
        apiVersion: "apiextensions.crossplane.io/v1",
        kind: "Composition",
        metadata: { name: "c" },
        spec: {
            compositeTypeRef: { apiVersion: "example.org/v1", kind: "XThing" },
            mode: "Pipeline",
            pipeline: [
                ...stepsBefore,
                {
                    step: "pt",
                    functionRef: { name: "function-patch-and-transform" },
                    input: { apiVersion: "pt.fn.crossplane.io/v1beta1", kind: "Resources", resources },
                },
            ],
        },
    };
}
