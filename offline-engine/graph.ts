/** The resource graph an offline run records: what `pulumi preview` would send the engine and policy packs. */

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** Managed by a provider (false for components, providers count as custom). */
    custom: boolean;
    /** A multi-language component: its children live in another process and are not visible offline. */
    remote: boolean;
    parent?: string;
    /** Inputs as a policy pack sees them: plain JSON, secrets unwrapped, resource references as URNs, unknowns as sentinels. */
    inputs: Record<string, unknown>;
    /** URN of the provider resource that manages it (custom resources), if explicit. */
    provider?: string;
    /** Explicit providers a component passes to its children, by package. */
    providers: Record<string, string>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    aliases: string[];
    additionalSecretOutputs: string[];
    customTimeouts: { createSeconds: number; updateSeconds: number; deleteSeconds: number };
    /** Dotted paths of inputs whose value could not be known offline. */
    unknownInputs: string[];
    /** Outputs a component registered (`registerOutputs`). */
    outputs?: Record<string, unknown>;
}

export interface RecordedInvoke {
    token: string;
    /** False when the offline engine had no result for this function and echoed its inputs. */
    faked: boolean;
}

export interface ResourceGraph {
    project: string;
    stack: string;
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    stackOutputs: Record<string, unknown>;
    /** The stack's config (secrets masked): default providers read their `<package>:*` keys. */
    config: Record<string, string>;
}

export const rootStackType = "pulumi:pulumi:Stack";

export function isProvider(r: { type: string }): boolean {
    return r.type.startsWith("pulumi:providers:");
}

export function byUrn(graph: ResourceGraph): Map<string, RecordedResource> {
    return new Map(graph.resources.map((r) => [r.urn, r]));
}
