import {
    unknownCheckingProxy,
    UnknownValueError,
    type EnforcementLevel,
    type Policies,
    type PolicyResource,
    type ResourceValidationArgs,
    type ResourceValidationPolicy,
    type StackValidationPolicy,
} from "@pulumi/policy";
import type { ResourceGraph, RecordedResource } from "./graph";
import { resolvePackConfig, type PackConfigFile, type ResolvedPolicyConfig } from "./pack-config";

/** A policy pack as the engine needs it: what `new PolicyPack(name, {policies, enforcementLevel})` receives, plus its version. */
export interface PolicyPackDefinition {
    name: string;
    version: string;
    enforcementLevel?: EnforcementLevel;
    policies: Policies;
}

export interface PackRun {
    pack: PolicyPackDefinition;
    /** The `--policy-pack-config` file content for this pack, if any. */
    config?: PackConfigFile;
}

/** One diagnostic, as the policy server reports it. */
export interface PolicyResult {
    kind: "violation" | "remediation" | "unknown-during-preview" | "policy-error";
    pack: string;
    policy: string;
    /** Reported level: `remediate` violations are reported as mandatory; unknown values as advisory. */
    level: "advisory" | "mandatory";
    severity?: string;
    description: string;
    message: string;
    urn?: string;
    type?: string;
    name?: string;
}

/** Whether a policy looked at a resource and what it found (for evidence: "each resource checked"). */
export interface PolicyEvaluation {
    pack: string;
    policy: string;
    urn: string;
    outcome: "pass" | "violation" | "unknown";
}

export interface PolicyRunReport {
    results: PolicyResult[];
    evaluations: PolicyEvaluation[];
    /** Inputs after remediations, by URN, for resources a remediation changed. */
    remediatedInputs: Map<string, Record<string, unknown>>;
}

/** Thrown by `args.notApplicable()`. Not an Error: policies call it often and it needs no stack trace. */
class NotApplicable {
    constructor(readonly reason?: string) {}
}
const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

type Validation = ((args: ResourceValidationArgs, report: (message?: string, urn?: string) => void) => void | Promise<void>) & { __pulumiType?: string };

interface PreparedResourcePolicy {
    policy: ResourceValidationPolicy;
    level: EnforcementLevel;
    config: ResolvedPolicyConfig;
    validations: Validation[];
}

/**
 * Runs policy packs over a recorded graph the way the policy server does during `pulumi preview`:
 * enforcement level from pack config, then the policy, then the pack (default advisory); `disabled`
 * skipped; `remediate` policies transform inputs first and their violations are reported as
 * mandatory; `notApplicable` honoured; props behind `unknownCheckingProxy`, an unknown value making
 * the policy advisory ("can't run during preview"); stack policies see parent and dependency links.
 */
export async function runPolicyPacks(graph: ResourceGraph, runs: PackRun[], options: { stackTags?: ReadonlyMap<string, string> } = {}): Promise<PolicyRunReport> {
    const report: PolicyRunReport = { results: [], evaluations: [], remediatedInputs: new Map() };
    const stackTags = options.stackTags ?? new Map<string, string>();
    const providerOf = providerLookup(graph);
    for (const run of runs) {
        const { pack } = run;
        const packLevel = pack.enforcementLevel ?? "advisory";
        const configs = resolvePackConfig(pack, run.config ?? {});
        const resourcePolicies: PreparedResourcePolicy[] = [];
        const stackPolicies: { policy: StackValidationPolicy; level: EnforcementLevel; config: ResolvedPolicyConfig }[] = [];
        for (const policy of pack.policies) {
            const config = configs.get(policy.name)!;
            const level = config.enforcementLevel ?? policy.enforcementLevel ?? packLevel;
            if (level === "disabled") {
                continue;
            }
            if ("validateStack" in policy && typeof policy.validateStack === "function") {
                stackPolicies.push({ policy, level, config });
            } else {
                const v = (policy as ResourceValidationPolicy).validateResource;
                resourcePolicies.push({ policy: policy as ResourceValidationPolicy, level, config, validations: (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Validation[] });
            }
        }

        const validators = resourcePolicies.map((prepared) => new ResourcePolicyRun(prepared, pack, report));
        const remediating = resourcePolicies.filter((p) => p.level === "remediate" && p.policy.remediateResource);
        for (const resource of graph.resources) {
            const provider = providerOf(resource);
            const inputs = remediating.length > 0 ? await remediate(resource, remediating, pack, provider, stackTags, report) : resource.inputs;
            const base = baseArgs(resource, inputs, provider, stackTags);
            for (const validator of validators) {
                await validator.validate(resource, base);
            }
        }
        const linked = stackPolicies.length > 0 ? linkResources(graph, providerOf) : [];
        for (const { policy, level, config } of stackPolicies) {
            await validateStack(graph, linked, policy, level, config, pack, stackTags, report);
        }
    }
    return report;
}

async function remediate(
    resource: RecordedResource,
    policies: PreparedResourcePolicy[],
    pack: PolicyPackDefinition,
    provider: ResourceValidationArgs["provider"],
    stackTags: ReadonlyMap<string, string>,
    report: PolicyRunReport,
): Promise<Record<string, unknown>> {
    let props = resource.inputs;
    for (const { policy, level, config } of policies) {
        const fn = policy.remediateResource as (Validation & ((args: ResourceValidationArgs) => unknown)) | undefined;
        if (level !== "remediate" || !fn || (fn.__pulumiType && fn.__pulumiType !== resource.type)) {
            continue;
        }
        try {
            const result = await fn({ ...baseArgs(resource, props, provider, stackTags), getConfig: configGetter(config) });
            if (result && typeof result === "object") {
                props = JSON.parse(JSON.stringify(result));
                report.remediatedInputs.set(resource.urn, props);
                report.results.push(resultOf("remediation", pack, policy, "mandatory", resource, `inputs remediated by ${policy.name}`));
            }
        } catch (e) {
            if (e instanceof NotApplicable) {
                continue;
            }
            report.results.push(errorResult(e, pack, policy, resource, "remediation"));
        }
    }
    return props;
}

/** One resource policy of one pack run: validates resource after resource, reusing its reporter. */
class ResourcePolicyRun {
    private readonly level: "advisory" | "mandatory";
    private readonly getConfig: ResourceValidationArgs["getConfig"];
    private resource!: RecordedResource;
    private violated = false;
    /** The `reportViolation` callback handed to the policy's validations. */
    private readonly reportViolation = (message?: string, urn?: string): void => {
        this.violated = true;
        this.report.results.push(resultOf("violation", this.pack, this.prepared.policy, this.level, this.resource, message ?? "", urn));
    };

    constructor(
        private readonly prepared: PreparedResourcePolicy,
        private readonly pack: PolicyPackDefinition,
        private readonly report: PolicyRunReport,
    ) {
        this.level = prepared.level === "advisory" ? "advisory" : "mandatory";
        this.getConfig = configGetter(prepared.config);
    }

    async validate(resource: RecordedResource, base: Omit<ResourceValidationArgs, "getConfig">): Promise<void> {
        const { policy } = this.prepared;
        this.resource = resource;
        this.violated = false;
        let applied = false;
        let unknown = false;
        for (const validation of this.prepared.validations) {
            if (validation.__pulumiType && validation.__pulumiType !== resource.type) {
                continue;
            }
            try {
                applied = true;
                const pending = validation({ ...base, getConfig: this.getConfig } as ResourceValidationArgs, this.reportViolation);
                if (pending && typeof (pending as Promise<void>).then === "function") {
                    await pending;
                }
            } catch (e) {
                if (e instanceof NotApplicable) {
                    applied = false;
                } else if (e instanceof UnknownValueError) {
                    unknown = true;
                    this.report.results.push(resultOf("unknown-during-preview", this.pack, policy, "advisory", resource, cantRun(this.pack, policy.name, e as Error)));
                } else {
                    this.violated = true;
                    this.report.results.push(errorResult(e, this.pack, policy, resource, "validation"));
                }
            }
        }
        if (applied || this.violated || unknown) {
            this.report.evaluations.push({ pack: this.pack.name, policy: policy.name, urn: resource.urn, outcome: this.violated ? "violation" : unknown ? "unknown" : "pass" });
        }
    }
}

/** The stack's resources as stack policies see them: props behind the unknown proxy, parents and dependencies linked. */
function linkResources(graph: ResourceGraph, providerOf: (r: RecordedResource) => ResourceValidationArgs["provider"]): PolicyResource[] {
    const linked = new Map<string, PolicyResource>();
    for (const r of graph.resources) {
        const props = unknownCheckingProxy(r.inputs);
        const isType = (cls: any) => typeMatches(r.type, cls);
        linked.set(r.urn, {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props,
            opts: optionsOf(r),
            provider: providerOf(r),
            dependencies: [],
            propertyDependencies: {},
            isType,
            asType: (cls: any) => (isType(cls) ? props : undefined),
        } as PolicyResource);
    }
    for (const r of graph.resources) {
        const pr = linked.get(r.urn)! as { parent?: PolicyResource; dependencies: PolicyResource[]; propertyDependencies: Record<string, PolicyResource[]> };
        pr.parent = r.parent ? linked.get(r.parent) : undefined;
        pr.dependencies = r.dependencies.map((d) => linked.get(d)).filter((d): d is PolicyResource => !!d);
        for (const [k, deps] of Object.entries(r.propertyDependencies)) {
            pr.propertyDependencies[k] = deps.map((d) => linked.get(d)).filter((d): d is PolicyResource => !!d);
        }
    }
    return [...linked.values()];
}

async function validateStack(
    graph: ResourceGraph,
    resources: PolicyResource[],
    policy: StackValidationPolicy,
    level: EnforcementLevel,
    config: ResolvedPolicyConfig,
    pack: PolicyPackDefinition,
    stackTags: ReadonlyMap<string, string>,
    report: PolicyRunReport,
): Promise<void> {
    const reported = level === "advisory" ? "advisory" : "mandatory";
    const stackUrn = graph.resources[0]?.urn;
    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    let violated = false;
    try {
        await policy.validateStack({ resources, getConfig: configGetter(config), stackTags, notApplicable: throwNotApplicable }, (message?: string, urn?: string) => {
            violated = true;
            report.results.push(resultOf("violation", pack, policy, reported, urn ? byUrn.get(urn) : undefined, message ?? "", urn));
            if (urn) {
                report.evaluations.push({ pack: pack.name, policy: policy.name, urn, outcome: "violation" });
            }
        });
        if (stackUrn && !violated) {
            report.evaluations.push({ pack: pack.name, policy: policy.name, urn: stackUrn, outcome: "pass" });
        }
    } catch (e) {
        if (e instanceof NotApplicable) {
            return;
        }
        if (e instanceof UnknownValueError) {
            report.results.push(resultOf("unknown-during-preview", pack, policy, "advisory", undefined, cantRun(pack, policy.name, e as Error)));
            return;
        }
        report.results.push(errorResult(e, pack, policy, undefined, "stack validation"));
    }
}

/** Everything a validation's args hold except `getConfig`, which is per policy. */
function baseArgs(r: RecordedResource, inputs: Record<string, unknown>, provider: ResourceValidationArgs["provider"], stackTags: ReadonlyMap<string, string>): Omit<ResourceValidationArgs, "getConfig"> {
    const props = unknownCheckingProxy(inputs);
    const isType = (cls: any) => typeMatches(r.type, cls);
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props,
        opts: optionsOf(r),
        provider,
        stackTags,
        isType,
        asType: ((cls: any) => (isType(cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        notApplicable: throwNotApplicable,
    };
}

function configGetter(config: ResolvedPolicyConfig): ResourceValidationArgs["getConfig"] {
    return <T extends object>() => config.properties as T;
}

function typeMatches(type: string, cls: any): boolean {
    const t = cls?.__pulumiType;
    if (typeof t === "string" && t.length > 0) {
        return t === type;
    }
    return typeof cls?.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

function optionsOf(r: RecordedResource): ResourceValidationArgs["opts"] {
    return {
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        aliases: r.aliases,
        customTimeouts: r.customTimeouts,
        additionalSecretOutputs: r.additionalSecretOutputs,
        ...(r.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
    };
}

/**
 * The provider each custom resource runs with, as the engine would pass it: the explicit provider,
 * or the package's default provider configured from the stack's `<package>:*` config.
 */
function providerLookup(graph: ResourceGraph): (r: RecordedResource) => ResourceValidationArgs["provider"] {
    const providers = new Map(graph.resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
    const defaults = new Map<string, ResourceValidationArgs["provider"]>();
    return (r) => {
        if (!r.custom || r.type.startsWith("pulumi:providers:")) {
            return undefined;
        }
        const explicit = r.provider ? providers.get(r.provider) : undefined;
        if (explicit) {
            return { type: explicit.type, name: explicit.name, urn: explicit.urn, props: unknownCheckingProxy(explicit.inputs) };
        }
        const pkg = r.type.split(":")[0];
        if (!defaults.has(pkg)) {
            const props: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(graph.config ?? {})) {
                if (k.startsWith(`${pkg}:`)) {
                    props[k.slice(pkg.length + 1)] = v;
                }
            }
            const type = `pulumi:providers:${pkg}`;
            defaults.set(pkg, { type, name: "default", urn: `urn:pulumi:${graph.stack}::${graph.project}::${type}::default`, props: unknownCheckingProxy(props) });
        }
        return defaults.get(pkg);
    };
}

function resultOf(
    kind: PolicyResult["kind"],
    pack: PolicyPackDefinition,
    policy: { name: string; description: string; severity?: string },
    level: "advisory" | "mandatory",
    resource: RecordedResource | undefined,
    message: string,
    urn?: string,
): PolicyResult {
    return {
        kind,
        pack: pack.name,
        policy: policy.name,
        level,
        ...(policy.severity ? { severity: policy.severity } : {}),
        description: policy.description,
        message,
        ...(urn ?? resource?.urn ? { urn: urn ?? resource?.urn } : {}),
        ...(resource ? { type: resource.type, name: resource.name } : {}),
    };
}

/** A policy that throws is a defect in the pack: reported as mandatory so the preview cannot pass silently. */
function errorResult(e: unknown, pack: PolicyPackDefinition, policy: { name: string; description: string; severity?: string }, resource: RecordedResource | undefined, phase: string): PolicyResult {
    const message = e instanceof Error ? e.message : String(e);
    return resultOf("policy-error", pack, policy, "mandatory", resource, `policy ${phase} failed: ${message}`);
}

function cantRun(pack: PolicyPackDefinition, policy: string, e: Error): string {
    return `can't run policy '${policy}' from policy pack '${pack.name}@v${pack.version}' during preview: ${e.message}`;
}
