import { z } from "zod";

/**
 * `paved:admission`: what each environment allows a claim to ask for. Keyed by claim kind (as the
 * catalog's XRDs name it) and by parameter path under `spec.parameters` (dots for nested fields,
 * e.g. `lifecycle.expireAfterDays`). Group, plural, types, enums and defaults come from the XRDs;
 * this section holds only the environment's choices. Kinds, parameters, values and compositions
 * are checked against the catalog when the policies are generated (admission-policies/generate.ts).
 */

const scalar = z.union([z.string(), z.number().int(), z.boolean()]);

export const parameterRuleSchema = z
    .strictObject({
        /** The only values allowed (a subset of the XRD's enum when it has one). */
        allowed: z.array(z.union([z.string(), z.number().int()])).min(1).optional(),
        /** Lower bound for an integer parameter (inclusive). */
        min: z.number().int().optional(),
        /** Upper bound for an integer parameter (inclusive). */
        max: z.number().int().optional(),
        /** The value the parameter must have (after the XRD default), e.g. `multiAZ: {equals: true}`. */
        equals: scalar.optional(),
        /** UPDATE may not lower an integer parameter (storage never shrinks). */
        noDecrease: z.boolean().optional(),
        /** UPDATE may not switch a boolean parameter from true to false (Multi-AZ stays on). */
        noDisable: z.boolean().optional(),
    })
    .superRefine((rule, ctx) => {
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
            ctx.addIssue({ code: "custom", message: `min (${rule.min}) must not exceed max (${rule.max})` });
        }
        if (rule.allowed === undefined && rule.min === undefined && rule.max === undefined && rule.equals === undefined && !rule.noDecrease && !rule.noDisable) {
            ctx.addIssue({ code: "custom", message: "must set at least one of allowed, min, max, equals, noDecrease, noDisable" });
        }
    });

const compositionName = z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, "must be a Composition name (lower-case DNS name)");
const claimKind = /^[A-Z][A-Za-z0-9]{0,62}$/;
const parameterPath = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const claimRulesSchema = z.strictObject({
    /**
     * Compositions a claim may use in this environment (by compositionRef, compositionSelector or
     * the XRD's default). Absent: only the XRD's default composition.
     */
    compositions: z.array(compositionName).min(1).optional(),
    /** Rules per parameter path under spec.parameters. */
    parameters: z
        .record(z.string(), parameterRuleSchema)
        .superRefine((params, ctx) => {
            for (const key of Object.keys(params)) {
                if (!parameterPath.test(key)) ctx.addIssue({ code: "custom", message: `${JSON.stringify(key)} is not a parameter path such as storageGB or lifecycle.expireAfterDays` });
            }
        })
        .default({}),
});

export const admissionSchema = z.strictObject({
    /** Rules per claim kind; a catalog API without an entry gets its XRD's bounds and default composition only. */
    claims: z.record(z.string(), claimRulesSchema).superRefine((claims, ctx) => {
        for (const key of Object.keys(claims)) {
            if (!claimKind.test(key)) ctx.addIssue({ code: "custom", message: `${JSON.stringify(key)} is not a claim kind such as PostgreSQLInstance` });
        }
    }),
});

export type ParameterRule = z.output<typeof parameterRuleSchema>;
export type ClaimRules = z.output<typeof claimRulesSchema>;
export type AdmissionConfig = z.output<typeof admissionSchema>;
