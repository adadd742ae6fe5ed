import type { ResourceValidation } from "@pulumi/policy";

/**
 * `validateResourceOfType` for type tokens without an SDK class (Kubernetes custom resources):
 * one validation per token, each tagged with `__pulumiType` so the policy server (and the offline
 * engine) skips other types without calling it, and `notApplicable` for any other type otherwise.
 */
export function validateResourceOfTypes(types: string[], validate: ResourceValidation): ResourceValidation[] {
    return types.map((type) => {
        const fn: ResourceValidation & { __pulumiType?: string } = (args, report) =>
            args.type === type ? validate(args, report) : args.notApplicable(`Policy only applies to resources of type '${type}'`);
        fn.__pulumiType = type;
        return fn;
    });
}
