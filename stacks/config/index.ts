import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { overlaps, parseCidr, type Ipv4Cidr } from "../../components/network/cidr";
import { admissionConfigProblems } from "../../admission-policies/config-check";
import { addonProblems } from "./addon-rules";
import { stackConfigSchema, type StackConfigValues } from "./schema";

export * from "./schema";

/** The validated stack config the program runs on. */
export interface PlatformConfig extends StackConfigValues {
    /** The stack's `aws:region`. */
    readonly region: string;
}

/**
 * Bad stack config: every problem at once, one `key.path: rule` line each. A `RunError`, so the
 * Pulumi CLI prints the message without a stack trace; `paved` exits 2 on it.
 */
export class StackConfigError extends pulumi.RunError {
    constructor(public readonly problems: string[]) {
        super(["invalid stack config:", ...problems.map((p) => `  - ${p}`)].join("\n"));
        this.name = "StackConfigError";
    }
}

const namespace = "paved";
const stringKeys = new Set(["environment", "owner", "costCenter", "app"]);
const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** Reads and validates the running stack's config. Throws StackConfigError before any resource exists. */
export function readStackConfig(): PlatformConfig {
    return parseStackConfig(pulumi.runtime.allConfig());
}

/** Validates a flat Pulumi config map (`{"paved:network": "<json>", "aws:region": "eu-west-1"}`). */
export function parseStackConfig(flat: Record<string, string>): PlatformConfig {
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(flat)) {
        const [ns, key] = splitKey(fullKey);
        if (ns === namespace) {
            values[key] = stringKeys.has(key) ? raw : decode(raw);
        }
    }
    const region = flat["aws:region"];
    if (region === undefined) {
        problems.push("aws:region: is required");
    } else if (!regionPattern.test(region)) {
        problems.push(`aws:region: "${region}" is not an AWS region name such as eu-west-1`);
    }
    const parsed = stackConfigSchema.safeParse(values);
    if (!parsed.success) {
        problems.push(...parsed.error.issues.flatMap(describeIssue));
    }
    problems.push(...crossFieldProblems(values));
    problems.push(...addonProblems(values));
    problems.push(...admissionConfigProblems(values));
    if (problems.length > 0 || !parsed.success) {
        throw new StackConfigError(problems);
    }
    return { ...parsed.data, region: region! };
}

function splitKey(fullKey: string): [string, string] {
    const i = fullKey.indexOf(":");
    return i < 0 ? ["", fullKey] : [fullKey.slice(0, i), fullKey.slice(i + 1)];
}

/** Pulumi hands objects, numbers and booleans to programs as JSON text. */
function decode(raw: string): unknown {
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

function keyPath(path: PropertyKey[]): string {
    let out = namespace + ":";
    path.forEach((segment, i) => {
        out += typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`;
    });
    return out;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
    switch (issue.code) {
        case "unrecognized_keys":
            return issue.keys.map((k) => `${keyPath([...issue.path, k])}: unknown key`);
        case "invalid_type":
            return [`${keyPath(issue.path)}: ${issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`}`];
        case "invalid_value":
            return [`${keyPath(issue.path)}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`];
        case "too_small":
            return [`${keyPath(issue.path)}: ${issue.origin === "array" ? `must list at least ${issue.minimum}` : `must be at least ${issue.minimum}`}`];
        case "too_big":
            return [`${keyPath(issue.path)}: ${issue.origin === "array" ? `must list at most ${issue.maximum}` : `must be at most ${issue.maximum}`}`];
        default:
            return [`${keyPath(issue.path)}: ${issue.message}`];
    }
}

function article(expected: string): string {
    const noun = expected === "int" ? "integer" : expected;
    return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** Rules across fields. Each runs only on the fields that are individually valid. */
function crossFieldProblems(values: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const network = asRecord(values.network);
    const cluster = asRecord(values.cluster);
    const endpoint = asRecord(cluster.endpoint);

    const vpc = cidrOf(network.cidr);
    const others: [string, Ipv4Cidr | undefined][] = [
        ["paved:cluster.serviceCidr", cidrOf(cluster.serviceCidr ?? "172.20.0.0/16")],
        ...asArray(network.reservedCidrs).map((c, i): [string, Ipv4Cidr | undefined] => [`paved:network.reservedCidrs[${i}]`, cidrOf(c)]),
    ];
    for (const [where, other] of others) {
        if (vpc && other && overlaps(vpc, other)) {
            problems.push(`paved:network.cidr: overlaps ${where} (${String(network.cidr)})`);
        }
    }

    const allowList = asArray(endpoint.publicAccessCidrs);
    if (endpoint.publicAccess === true && allowList.length === 0) {
        problems.push("paved:cluster.endpoint.publicAccessCidrs: must list at least one CIDR when publicAccess is true (a public endpoint needs an allow-list)");
    }
    if (endpoint.publicAccess !== true && allowList.length > 0) {
        problems.push("paved:cluster.endpoint.publicAccess: must be true when publicAccessCidrs is set (or remove the allow-list)");
    }
    allowList.forEach((c, i) => {
        const parsed = cidrOf(c);
        if (parsed && parsed.prefix === 0) {
            problems.push(`paved:cluster.endpoint.publicAccessCidrs[${i}]: must not allow every address (0.0.0.0/0)`);
        }
    });

    const nodes = asRecord(cluster.systemNodeGroup);
    const [min, desired, max] = [nodes.minSize, nodes.desiredSize, nodes.maxSize];
    if (isInt(min) && isInt(desired) && isInt(max) && !(min <= desired && desired <= max)) {
        problems.push(`paved:cluster.systemNodeGroup: must satisfy minSize <= desiredSize <= maxSize (got ${min} <= ${desired} <= ${max})`);
    }

    // Production databases survive an AZ outage and a mistaken delete; other environments choose.
    const temporalDatabase = asRecord(asRecord(values.temporal).database);
    if (values.environment === "prod") {
        for (const key of ["multiAz", "deletionProtection"]) {
            if (temporalDatabase[key] === false) {
                problems.push(`paved:temporal.database.${key}: must be true when environment is prod`);
            }
        }
    }
    return problems;
}

function asRecord(v: unknown): Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asArray(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

function cidrOf(v: unknown): Ipv4Cidr | undefined {
    if (typeof v !== "string") {
        return undefined;
    }
    const parsed = parseCidr(v);
    return typeof parsed === "string" ? undefined : parsed;
}

function isInt(v: unknown): v is number {
    return Number.isInteger(v);
}
