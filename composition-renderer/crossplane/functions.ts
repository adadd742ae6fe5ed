// The functions the offline pipeline can run, found by their Function package name.
import { UserInputError } from "../../cli/errors";
import { runEnvironmentConfigs } from "../envconfigs/function";
import { FnRequest, FnResponse } from "../pt/function-types";
import { runPatchAndTransform } from "../pt/function";

export type KnownFunction = "function-patch-and-transform" | "function-environment-configs";

const RUNNERS: Record<KnownFunction, (req: FnRequest) => FnResponse> = {
    "function-patch-and-transform": runPatchAndTransform,
    "function-environment-configs": runEnvironmentConfigs,
};

/**
 * A functionRef name is matched by its package name, alone or with an
 * organisation prefix ("crossplane-contrib-function-patch-and-transform").
 * `aliases` maps any other Function object name to a known function.
 */
export function functionFor(
    functionName: string,
    step: string,
    index: number,
    aliases: Record<string, KnownFunction> = {},
): (req: FnRequest) => FnResponse {
    const known = aliases[functionName] ?? (Object.keys(RUNNERS) as KnownFunction[]).find(
        (k) => functionName === k || functionName.endsWith(`-${k}`),
    );
    if (!known) {
        throw new UserInputError(
            `Composition spec.pipeline[${index}].functionRef.name: step "${step}" uses function "${functionName}", ` +
                `which the offline renderer does not run (it runs ${Object.keys(RUNNERS).join(" and ")})`,
        );
    }
    return RUNNERS[known];
}
