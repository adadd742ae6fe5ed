/**
 * The EnvironmentConfig `platform-aws-defaults` a stack installs, as the program would install it:
 * the real program runs offline for that stack (offline-engine, deterministic fake IDs) and the
 * EnvironmentConfig custom resource the Crossplane add-on registers is read back from the graph.
 * Taking it from the graph (rather than rebuilding it from the stack config) means a render sees
 * exactly the subnets, CIDRs, security group and tags the Crossplane component wires, with no second
 * copy of that mapping to drift.
 */
import { UserInputError } from "../cli/errors";
import { environmentConfigName } from "../components/crossplane/environment-config";
import type { JsonObject } from "../composition-renderer";
import type { ResourceGraph } from "../offline-engine/graph";

export const environmentConfigType = /^kubernetes:apiextensions\.crossplane\.io\/v[0-9a-z]+:EnvironmentConfig$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The EnvironmentConfig `platform-aws-defaults` recorded in a program's graph. */
export function environmentFromGraph(graph: ResourceGraph): JsonObject {
    const found = graph.resources.filter((r) => {
        const meta = isObj(r.inputs.metadata) ? r.inputs.metadata : {};
        return environmentConfigType.test(r.type) && meta.name === environmentConfigName;
    });
    if (found.length === 0) {
        throw new UserInputError(`--stack ${graph.stack}: the program installs no EnvironmentConfig "${environmentConfigName}" for this stack (is Crossplane configured?)`);
    }
    const r = found[0];
    if (r.unknownInputs.length > 0) {
        throw new UserInputError(`--stack ${graph.stack}: EnvironmentConfig "${environmentConfigName}" has values unknown offline: ${r.unknownInputs.join(", ")}`);
    }
    const { apiVersion, kind, metadata, data } = r.inputs as Obj;
    return JSON.parse(JSON.stringify({ apiVersion, kind, metadata, data })) as JsonObject;
}

/** Runs the program offline for `stack` and returns its EnvironmentConfig (a few seconds: the whole program runs). */
export async function environmentForStack(stack: string, programPath: string): Promise<JsonObject> {
    // Loaded on demand: the Pulumi SDK is only needed when a stack is run.
    const { runProgram } = require("../offline-engine/run-program") as typeof import("../offline-engine/run-program");
    return environmentFromGraph(await runProgram({ programPath, stack }));
}
