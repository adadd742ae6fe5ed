import Ajv from "ajv";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { UserInputError } from "../cli/errors";

/** A `--policy-pack-config` file: `{ "all": level, "<policy>": level | { enforcementLevel?, ...properties } }`. */
export type PackConfigFile = Record<string, unknown>;

export interface ResolvedPolicyConfig {
    enforcementLevel?: EnforcementLevel;
    /** What `args.getConfig()` returns: the configured properties with schema defaults applied. */
    properties: Record<string, unknown>;
}

const levels: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });

/**
 * Resolves a pack config the way the Pulumi CLI does before it configures the policy server:
 * `all` applies to every policy, a policy's own entry overrides it, properties are checked against
 * the policy's `configSchema` and its defaults filled in. Any problem is a usage error naming the key.
 */
export function resolvePackConfig(pack: { name: string; policies: Policies }, file: PackConfigFile): Map<string, ResolvedPolicyConfig> {
    const problems: string[] = [];
    const names = new Set(pack.policies.map((p) => p.name));
    for (const key of Object.keys(file)) {
        if (key !== "all" && !names.has(key)) {
            problems.push(`${key}: no policy of that name in pack ${pack.name}`);
        }
    }
    const all = normalize("all", file.all, problems);
    const resolved = new Map<string, ResolvedPolicyConfig>();
    for (const policy of pack.policies) {
        const own = normalize(policy.name, file[policy.name], problems);
        const enforcementLevel = own.enforcementLevel ?? all.enforcementLevel;
        const properties = { ...own.properties };
        if (policy.configSchema) {
            const validate = ajv.compile({ type: "object", ...policy.configSchema });
            if (!validate(properties)) {
                for (const err of validate.errors ?? []) {
                    problems.push(`${policy.name}${err.instancePath.replace(/\//g, ".")}: ${err.message}`);
                }
            }
        }
        resolved.set(policy.name, { ...(enforcementLevel ? { enforcementLevel } : {}), properties });
    }
    if (problems.length > 0) {
        throw new UserInputError([`invalid policy pack config for ${pack.name}:`, ...problems.map((p) => `  - ${p}`)].join("\n"));
    }
    return resolved;
}

function normalize(key: string, entry: unknown, problems: string[]): ResolvedPolicyConfig {
    if (entry === undefined) {
        return { properties: {} };
    }
    if (typeof entry === "string") {
        if (!levels.includes(entry as EnforcementLevel)) {
            problems.push(`${key}: "${entry}" is not an enforcement level (${levels.join(", ")})`);
            return { properties: {} };
        }
        return { enforcementLevel: entry as EnforcementLevel, properties: {} };
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        problems.push(`${key}: must be an enforcement level or an object`);
        return { properties: {} };
    }
    const { enforcementLevel, ...properties } = entry as Record<string, unknown>;
    if (enforcementLevel !== undefined && !levels.includes(enforcementLevel as EnforcementLevel)) {
        problems.push(`${key}.enforcementLevel: "${String(enforcementLevel)}" is not an enforcement level (${levels.join(", ")})`);
        return { properties };
    }
    return { ...(enforcementLevel ? { enforcementLevel: enforcementLevel as EnforcementLevel } : {}), properties };
}
