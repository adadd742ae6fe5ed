// How values are typed inside the function, step by step, as upstream types them.
import { strict as assert } from "node:assert";
import { JsonObject, runPatchAndTransform } from "../../composition-renderer";
import { contextWithEnvironment } from "./fn-request";

function annotation(envPatches: JsonObject[]): unknown {
    const rsp = runPatchAndTransform({
        input: {
            environment: { patches: envPatches },
            resources: [
                {
                    name: "cm",
                    base: { apiVersion: "v1", kind: "ConfigMap" },
                    patches: [
                        {
                            type: "FromEnvironmentFieldPath",
                            fromFieldPath: "count",
                            toFieldPath: "metadata.annotations[count]",
                            transforms: [{ type: "string", string: { type: "Format", fmt: "%d" } }],
                        },
                    ],
                },
            ],
        },
        observed: { composite: { resource: { apiVersion: "example.org/v1", kind: "XR", spec: { x: "y" } } } },
        context: contextWithEnvironment({ count: 3n }),
    });
    const cm = rsp.desired?.resources?.cm?.resource as JsonObject;
    return (cm.metadata as JsonObject).annotations;
}

describe("patch-and-transform value typing", () => {
    it("an environment number arrives as a float64", () => {
        assert.deepEqual(annotation([]), { count: "%!d(float64=3)" });
    });

    it("after any environment patch the environment went through the Kubernetes decoder: whole numbers are int64", () => {
        const envPatch = { type: "FromCompositeFieldPath", fromFieldPath: "spec.x", toFieldPath: "copied" };
        assert.deepEqual(annotation([envPatch]), { count: "3" });
    });
});
