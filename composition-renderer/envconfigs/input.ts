// environmentconfigs.fn.crossplane.io/v1beta1 Input, strictly decoded.
import { Schema, decode } from "../go/strict-decode";
import { JsonObject, Value } from "../go/values";

export interface LabelMatcher {
    type: string;
    key: string;
    valueFromFieldPath?: string;
    fromFieldPathPolicy?: string;
    value?: string;
}

export interface EnvironmentSource {
    type: string;
    ref?: { name: string };
    selector?: {
        mode?: string;
        maxMatch?: bigint;
        minMatch?: bigint;
        sortByFieldPath?: string;
        matchLabels: LabelMatcher[];
    };
    toFieldPath?: string;
}

export interface EnvInput {
    defaultData?: Record<string, Value | undefined>;
    environmentConfigs?: EnvironmentSource[];
    policy?: { resolution?: string };
}

const SCHEMA: Schema = {
    fields: {
        apiVersion: "string",
        kind: "string",
        metadata: "object",
        spec: {
            fields: {
                defaultData: { map: "raw" },
                environmentConfigs: {
                    array: {
                        fields: {
                            type: "string",
                            ref: { fields: { name: "string" } },
                            selector: {
                                fields: {
                                    mode: "string",
                                    maxMatch: "uint64",
                                    minMatch: "uint64",
                                    sortByFieldPath: "string",
                                    matchLabels: {
                                        array: {
                                            fields: {
                                                type: "string",
                                                key: "string",
                                                valueFromFieldPath: "string",
                                                fromFieldPathPolicy: "string",
                                                value: "string",
                                            },
                                        },
                                    },
                                },
                            },
                            toFieldPath: "string",
                        },
                    },
                },
                policy: { fields: { resolution: "string" } },
            },
        },
    },
};

export function decodeEnvInput(input: JsonObject): EnvInput {
    const r = decode(input, SCHEMA) as { spec?: EnvInput };
    const spec = r.spec ?? {};
    return {
        ...spec,
        environmentConfigs: spec.environmentConfigs?.map((s) => ({
            ...s,
            type: s.type ?? "",
            selector: s.selector ? { ...s.selector, matchLabels: (s.selector.matchLabels ?? []).map((m) => ({ ...m, type: m.type ?? "", key: m.key ?? "" })) } : undefined,
        })),
    };
}
