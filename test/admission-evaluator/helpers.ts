import * as path from "path";
import {
    admit, buildResourceMap, compilePolicies, parseKubernetesYaml, readKubernetesYaml, type AdmissionInput, type CompiledPolicySet,
    type PolicyResult, type ResourceMap,
} from "../../admission-evaluator";

export const FIXTURES = path.join(__dirname, "fixtures");

/** Resource map of the fixture claims (PostgreSQLInstance, S3Bucket) on top of the core kinds. */
export function fixtureResourceMap(): ResourceMap {
    return buildResourceMap(readKubernetesYaml(path.join(FIXTURES, "platform-xrds.yaml")));
}

/** Compiles the policies of a fixture folder's policy file. */
export function compileFixture(folder: string, file = `${folder}.yaml`): CompiledPolicySet {
    return compilePolicies(readKubernetesYaml(path.join(FIXTURES, folder, file)), { resourceMap: fixtureResourceMap() });
}

/** A ValidatingPolicy with the given spec fields over core ConfigMaps (CREATE, UPDATE). */
export function policy(spec: Record<string, unknown>, name = "test-policy"): Record<string, unknown> {
    return {
        apiVersion: "policies.kyverno.io/v1",
        kind: "ValidatingPolicy",
        metadata: { name },
        spec: {
            matchConstraints: {
                resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE", "DELETE"], resources: ["configmaps"] }],
            },
            ...spec,
        },
    };
}

export function compileOne(spec: Record<string, unknown>): CompiledPolicySet {
    return compilePolicies([policy(spec)]);
}

export function configMap(name = "cm", labels: Record<string, string> = {}, data: Record<string, unknown> = {}, namespace = "team-a"): Record<string, unknown> {
    return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, labels }, data };
}

/** The single policy result of a one-policy set. */
export function judge(compiled: CompiledPolicySet, input: AdmissionInput): PolicyResult {
    const result = admit(compiled, input);
    if (result.results.length !== 1) throw new Error(`expected one policy result, got ${result.results.length}`);
    return result.results[0];
}

export function yaml(text: string): unknown {
    const [doc] = parseKubernetesYaml(text);
    return doc;
}

/** The message of the UserInputError `fn` throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
    try {
        fn();
    } catch (error) {
        if (error instanceof Error && error.name === "UserInputError") return error.message;
        throw error;
    }
    throw new Error("expected a UserInputError, nothing was thrown");
}
