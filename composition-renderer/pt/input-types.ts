// pt.fn.crossplane.io/v1beta1 Resources, as the function decodes it.
// `raw` fields hold extv1.JSON / RawExtension content (undefined = empty).
import { JsonObject, Value } from "../go/values";

export interface MathTransform {
    type: string;
    multiply?: bigint;
    clampMin?: bigint;
    clampMax?: bigint;
}

export interface MapTransform {
    /** Pair values; a JSON null pair is an empty extv1.JSON (undefined). */
    pairs: Record<string, Value | undefined>;
}

export interface MatchPattern {
    type: string;
    literal?: string;
    regexp?: string;
    result?: Value;
}

export interface MatchTransform {
    patterns: MatchPattern[];
    fallbackValue?: Value;
    fallbackTo: string;
}

export interface StringTransform {
    type: string;
    fmt?: string;
    convert?: string;
    trim?: string;
    regexp?: { match: string; group?: bigint };
    join?: { separator: string };
    replace?: { search: string; replace: string };
}

export interface ConvertTransform {
    toType: string;
    format?: string;
}

export interface Transform {
    type: string;
    math?: MathTransform;
    map?: MapTransform;
    match?: MatchTransform;
    string?: StringTransform;
    convert?: ConvertTransform;
}

export interface PatchPolicy {
    fromFieldPath?: string;
    toFieldPath?: string;
}

export interface Combine {
    variables: { fromFieldPath: string }[];
    strategy: string;
    string?: { fmt: string };
}

/** The fields every patch kind shares; `type` "" means FromCompositeFieldPath. */
export interface Patch {
    type: string;
    fromFieldPath?: string;
    combine?: Combine;
    toFieldPath?: string;
    transforms: Transform[];
    policy?: PatchPolicy;
    patchSetName?: string;
}

export interface ConnectionDetail {
    name: string;
    type: string;
    fromConnectionSecretKey?: string;
    fromFieldPath?: string;
    value?: string;
}

export interface ReadinessCheck {
    type: string;
    fieldPath?: string;
    matchString?: string;
    matchInteger?: bigint;
    matchCondition?: { type: string; status: string };
}

export interface ComposedTemplate {
    name: string;
    base?: JsonObject;
    patches: Patch[];
    connectionDetails: ConnectionDetail[];
    readinessChecks: ReadinessCheck[];
}

export interface PatchSet {
    name: string;
    patches: Patch[];
}

export interface WriteConnectionSecretToRef {
    name: string;
    namespace: string;
    patches: Patch[];
}

export interface Resources {
    patchSets: PatchSet[];
    environment?: { patches: Patch[] };
    resources: ComposedTemplate[];
    writeConnectionSecretToRef?: WriteConnectionSecretToRef;
}

export function patchType(p: Patch): string {
    return p.type === "" ? "FromCompositeFieldPath" : p.type;
}

export function toFieldPathOf(p: Patch): string {
    return p.toFieldPath ?? p.fromFieldPath ?? "";
}

export function fromFieldPathPolicy(p: Patch): string {
    return p.policy?.fromFieldPath ?? "Optional";
}

export function toFieldPathPolicy(p: Patch): string {
    return p.policy?.toFieldPath ?? "Replace";
}
