/**
 * Reading a Crossplane Composition the program installs (`kubernetes:apiextensions.crossplane.io/v1:Composition`)
 * the way function-patch-and-transform will use it: its composed templates, each with its base and
 * its patches (PatchSets expanded), and which patches write which field of the composed resource.
 * Policies judge the bodies of Compositions at preview time with it, before any claim exists.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Composition of any served version, as `k8s.apiextensions.CustomResource` records it. */
export const compositionType = /^kubernetes:apiextensions\.crossplane\.io\/v[0-9a-z]+:Composition$/;

export const claimNamespaceLabel = "metadata.labels[crossplane.io/claim-namespace]";
export const claimNameLabel = "metadata.labels[crossplane.io/claim-name]";

export interface Patch {
    type: string;
    fromFieldPath?: string;
    toFieldPath?: string;
    combine?: { variables?: { fromFieldPath?: string }[]; string?: { fmt?: string } };
    transforms?: Obj[];
    policy?: { fromFieldPath?: string };
    /** Index in the template's patch list after PatchSets are expanded. */
    index: number;
}

export interface ComposedTemplate {
    name: string;
    apiVersion: string;
    /** API group of the composed resource, e.g. `rds.aws.upbound.io`. */
    group: string;
    kind: string;
    base: Obj;
    patches: Patch[];
    readinessChecks: Obj[];
}

export interface CompositionModel {
    name: string;
    templates: ComposedTemplate[];
}

/** The composed templates of a Composition's function-patch-and-transform steps; a message when it cannot be read. */
export function readComposition(props: Record<string, unknown>): CompositionModel | string {
    const spec = isObj(props.spec) ? props.spec : {};
    const name = isObj(props.metadata) ? str(props.metadata.name) : "";
    const pipeline = Array.isArray(spec.pipeline) ? spec.pipeline.filter(isObj) : [];
    const inputs = pipeline.map((s) => s.input).filter((i): i is Obj => isObj(i) && str(i.apiVersion).startsWith("pt.fn.crossplane.io/") && i.kind === "Resources");
    if (inputs.length === 0) return `Composition ${name} has no function-patch-and-transform step (pt.fn.crossplane.io Resources input) to check.`;
    const templates: ComposedTemplate[] = [];
    for (const input of inputs) {
        const sets = new Map<string, Obj[]>();
        for (const s of Array.isArray(input.patchSets) ? input.patchSets.filter(isObj) : []) {
            sets.set(str(s.name), Array.isArray(s.patches) ? s.patches.filter(isObj) : []);
        }
        for (const r of Array.isArray(input.resources) ? input.resources.filter(isObj) : []) {
            const base = isObj(r.base) ? r.base : {};
            const apiVersion = str(base.apiVersion);
            const raw = (Array.isArray(r.patches) ? r.patches.filter(isObj) : []).flatMap((p) => (p.type === "PatchSet" ? (sets.get(str(p.patchSetName)) ?? []) : [p]));
            templates.push({
                name: str(r.name),
                apiVersion,
                group: apiVersion.includes("/") ? apiVersion.split("/")[0] : "",
                kind: str(base.kind),
                base,
                patches: raw.map((p, index) => ({ ...(p as Omit<Patch, "index">), type: str(p.type) || "FromCompositeFieldPath", index })),
                readinessChecks: Array.isArray(r.readinessChecks) ? r.readinessChecks.filter(isObj) : [],
            });
        }
    }
    return { name, templates };
}

/** Patch types that write into the composed resource (the others write to the XR or the environment). */
const toComposed = new Set(["FromCompositeFieldPath", "CombineFromComposite", "FromEnvironmentFieldPath", "CombineFromEnvironment"]);

/** The field of the composed resource a patch writes, if it writes one (toFieldPath defaults to fromFieldPath). */
export function patchTarget(p: Patch): string | undefined {
    if (!toComposed.has(p.type)) return undefined;
    return p.toFieldPath ?? (p.type.startsWith("Combine") ? undefined : p.fromFieldPath);
}

/** Where a patch reads: the XR (`composite`) or the environment, with each path. */
export function patchSources(p: Patch): { from: "composite" | "environment"; path: string }[] {
    const from = p.type.endsWith("Environment") || p.type === "FromEnvironmentFieldPath" ? "environment" : "composite";
    if (p.type.startsWith("Combine")) return (p.combine?.variables ?? []).map((v) => ({ from, path: str(v.fromFieldPath) }));
    return [{ from, path: str(p.fromFieldPath) }];
}

/** Field path segments: `spec.tags[Owner]` -> spec, tags, Owner; quotes inside brackets dropped. */
export function segments(path: string): string[] {
    return (path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []).map((s) => (s.startsWith("[") ? s.slice(1, -1).replace(/^['"]|['"]$/g, "") : s));
}

/** Whether writing `a` can change `b` (one is a prefix of the other). */
export function overlaps(a: string, b: string): boolean {
    const x = segments(a);
    const y = segments(b);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
    return true;
}

/** The patches of a template that write `field` or anything inside or around it. */
export function writers(t: ComposedTemplate, field: string): Patch[] {
    return t.patches.filter((p) => {
        const target = patchTarget(p);
        return target !== undefined && overlaps(target, field);
    });
}

/** The value at `field` in the template's base. */
export function baseValue(t: ComposedTemplate, field: string): unknown {
    return segments(field).reduce<unknown>((v, k) => {
        if (Array.isArray(v) && /^\d+$/.test(k)) return v[Number(k)];
        return isObj(v) ? v[k] : undefined;
    }, t.base);
}

/** `patch 3 (FromCompositeFieldPath spec.parameters.x)` for messages. */
export function describePatch(p: Patch): string {
    const from = patchSources(p)
        .map((s) => s.path)
        .join(", ");
    return `patch ${p.index} (${p.type} ${from})`;
}

export const isAwsManaged = (t: { group: string }) => t.group.endsWith(".aws.upbound.io");

/**
 * provider-upjet-aws kinds (cluster-scoped) whose forProvider has no `tags`: they cannot carry tags,
 * their parent resource does. A catalog test checks this list against the provider CRDs.
 */
export const untaggableKinds = new Set([
    "s3.aws.upbound.io/BucketServerSideEncryptionConfiguration",
    "s3.aws.upbound.io/BucketPublicAccessBlock",
    "s3.aws.upbound.io/BucketVersioning",
    "s3.aws.upbound.io/BucketOwnershipControls",
    "s3.aws.upbound.io/BucketPolicy",
    "s3.aws.upbound.io/BucketLifecycleConfiguration",
    "sqs.aws.upbound.io/QueuePolicy",
    "sqs.aws.upbound.io/QueueRedrivePolicy",
    "secretsmanager.aws.upbound.io/SecretVersion",
    "kms.aws.upbound.io/Alias",
]);

export const kindKey = (t: { group: string; kind: string }) => `${t.group}/${t.kind}`;

/** Renders a Go fmt string with every verb replaced by `value` (enough to parse a JSON policy template). */
export function fillFormat(fmt: string, value: string): string {
    return fmt.replace(/%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]/g, (m) => (m === "%%" ? "%" : value));
}

/** Patches of a template that read the claim's parameters (`spec.parameters.*` of the XR). */
export function fromClaimParameters(t: ComposedTemplate): Patch[] {
    return t.patches.filter((p) => patchSources(p).some((s) => s.from === "composite" && s.path.startsWith("spec.parameters")));
}
