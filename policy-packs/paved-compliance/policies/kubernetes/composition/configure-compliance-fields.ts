import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { deniesInsecureTransport } from "../../sqs/queuepolicy/disallow-insecure-transport";
import { statementsOf } from "../../iam/documents";
import {
    baseValue,
    describePatch,
    fillFormat,
    kindKey,
    readComposition,
    writers,
    type ComposedTemplate,
    type CompositionModel,
} from "./model";

type Check = (value: unknown) => boolean;

/** A compliance field: its compliant value lives in the base and no patch writes it. */
interface FixedField {
    field: string;
    ok: Check;
    expect: string;
}

/** A field that must come from one EnvironmentConfig path only (placement the platform decides). */
interface PlacedField {
    field: string;
    environment: string;
}

const isTrue: Check = (v) => v === true;
const isFalse: Check = (v) => v === false;
const atLeast = (n: number): Check => (v) => (typeof v === "number" || typeof v === "bigint") && Number(v) >= n;
const equals = (x: unknown): Check => (v) => v === x;
const ownKey = (field: string): FixedField[] => [
    { field: `${field}Selector.matchControllerRef`, ok: isTrue, expect: `true (the Composition's own KMS key; ${field} and ${field}Ref are not allowed)` },
];

/** The compliance table: per composed kind, what must hold in the base. */
export const fixedFields: Record<string, FixedField[]> = {
    "kms.aws.upbound.io/Key": [
        { field: "spec.forProvider.enableKeyRotation", ok: isTrue, expect: "true" },
        { field: "spec.forProvider.deletionWindowInDays", ok: atLeast(30), expect: ">= 30" },
    ],
    "rds.aws.upbound.io/Instance": [
        { field: "spec.forProvider.storageEncrypted", ok: isTrue, expect: "true" },
        ...ownKey("spec.forProvider.kmsKeyId"),
        { field: "spec.forProvider.publiclyAccessible", ok: isFalse, expect: "false" },
        { field: "spec.forProvider.backupRetentionPeriod", ok: atLeast(7), expect: ">= 7" },
        { field: "spec.forProvider.deletionProtection", ok: isTrue, expect: "true" },
        { field: "spec.forProvider.skipFinalSnapshot", ok: isFalse, expect: "false" },
        { field: "spec.forProvider.copyTagsToSnapshot", ok: isTrue, expect: "true" },
        { field: "spec.forProvider.manageMasterUserPassword", ok: isTrue, expect: "true (the password lives in Secrets Manager)" },
        ...ownKey("spec.forProvider.masterUserSecretKmsKeyId"),
        { field: "spec.forProvider.iamDatabaseAuthenticationEnabled", ok: isTrue, expect: "true" },
        { field: "spec.forProvider.enabledCloudwatchLogsExports", ok: (v) => Array.isArray(v) && v.length > 0, expect: "a non-empty list of log types" },
        { field: "spec.forProvider.dbSubnetGroupNameSelector.matchControllerRef", ok: isTrue, expect: "true (the Composition's own subnet group)" },
        { field: "spec.forProvider.vpcSecurityGroupIdSelector.matchControllerRef", ok: isTrue, expect: "true (the Composition's own security group)" },
    ],
    "elasticache.aws.upbound.io/ReplicationGroup": [
        { field: "spec.forProvider.atRestEncryptionEnabled", ok: equals("true"), expect: 'the string "true" (the provider types it as a string)' },
        ...ownKey("spec.forProvider.kmsKeyId"),
        { field: "spec.forProvider.transitEncryptionEnabled", ok: isTrue, expect: "true" },
        { field: "spec.forProvider.transitEncryptionMode", ok: equals("required"), expect: '"required"' },
        { field: "spec.forProvider.autoGenerateAuthToken", ok: isTrue, expect: "true (an auth token nobody writes)" },
        { field: "spec.forProvider.snapshotRetentionLimit", ok: atLeast(1), expect: ">= 1" },
        { field: "spec.forProvider.subnetGroupNameSelector.matchControllerRef", ok: isTrue, expect: "true (the Composition's own subnet group)" },
        { field: "spec.forProvider.securityGroupIdSelector.matchControllerRef", ok: isTrue, expect: "true (the Composition's own security group)" },
    ],
    "s3.aws.upbound.io/Bucket": [{ field: "spec.forProvider.forceDestroy", ok: isFalse, expect: "false" }],
    "s3.aws.upbound.io/BucketPublicAccessBlock": ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].map((f) => ({
        field: `spec.forProvider.${f}`,
        ok: isTrue,
        expect: "true",
    })),
    "s3.aws.upbound.io/BucketServerSideEncryptionConfiguration": [
        { field: "spec.forProvider.rule[0].applyServerSideEncryptionByDefault.sseAlgorithm", ok: (v) => v === "aws:kms" || v === "aws:kms:dsse", expect: '"aws:kms"' },
        ...ownKey("spec.forProvider.rule[0].applyServerSideEncryptionByDefault.kmsMasterKeyId"),
        { field: "spec.forProvider.rule[0].bucketKeyEnabled", ok: isTrue, expect: "true" },
    ],
    "s3.aws.upbound.io/BucketVersioning": [{ field: "spec.forProvider.versioningConfiguration.status", ok: equals("Enabled"), expect: '"Enabled"' }],
    "s3.aws.upbound.io/BucketOwnershipControls": [{ field: "spec.forProvider.rule.objectOwnership", ok: equals("BucketOwnerEnforced"), expect: '"BucketOwnerEnforced"' }],
    "secretsmanager.aws.upbound.io/Secret": ownKey("spec.forProvider.kmsKeyId"),
    "sqs.aws.upbound.io/Queue": [{ field: "spec.forProvider.sqsManagedSseEnabled", ok: (v) => v === undefined || v === false, expect: "unset (SSE-KMS with the Composition's key)" }],
    "ec2.aws.upbound.io/SecurityGroupIngressRule": ["cidrIpv4", "cidrIpv6", "prefixListId", "prefixListIdRef", "prefixListIdSelector"].map((f) => ({
        field: `spec.forProvider.${f}`,
        ok: (v: unknown) => v === undefined,
        expect: "unset (ingress from the node security group only)",
    })),
};

/** Placement the platform decides: written once, from the EnvironmentConfig, by nothing else. */
export const placedFields: Record<string, PlacedField[]> = {
    "rds.aws.upbound.io/SubnetGroup": [{ field: "spec.forProvider.subnetIds", environment: "aws.dataSubnetIds" }],
    "elasticache.aws.upbound.io/SubnetGroup": [{ field: "spec.forProvider.subnetIds", environment: "aws.dataSubnetIds" }],
    "ec2.aws.upbound.io/SecurityGroupIngressRule": [{ field: "spec.forProvider.referencedSecurityGroupId", environment: "aws.nodeSecurityGroupId" }],
    "ec2.aws.upbound.io/SecurityGroup": [{ field: "spec.forProvider.vpcId", environment: "aws.vpcId" }],
};

/** Selectors that would let placement be chosen some other way (a label a claim could influence). */
const placementAlternatives: Record<string, string[]> = {
    "rds.aws.upbound.io/SubnetGroup": ["spec.forProvider.subnetIdRefs", "spec.forProvider.subnetIdSelector"],
    "elasticache.aws.upbound.io/SubnetGroup": ["spec.forProvider.subnetIdRefs", "spec.forProvider.subnetIdSelector"],
    "ec2.aws.upbound.io/SecurityGroupIngressRule": ["spec.forProvider.referencedSecurityGroupIdRef", "spec.forProvider.referencedSecurityGroupIdSelector"],
    "ec2.aws.upbound.io/SecurityGroup": ["spec.forProvider.vpcIdRef", "spec.forProvider.vpcIdSelector"],
};

/** Whether the template needs a KMS key of its own Composition (a matchControllerRef key selector). */
const usesOwnKey = (t: ComposedTemplate) => (fixedFields[kindKey(t)] ?? []).some((f) => f.field.includes("KeyId") && f.field.endsWith("Selector.matchControllerRef"));

/** Every violation of one Composition. */
export function complianceProblems(c: CompositionModel): string[] {
    const problems: string[] = [];
    for (const t of c.templates) {
        const key = kindKey(t);
        for (const f of fixedFields[key] ?? []) {
            const value = baseValue(t, f.field);
            if (!f.ok(value)) problems.push(`${t.name} (${t.kind}): ${f.field} is ${value === undefined ? "not set in the base" : JSON.stringify(typeof value === "bigint" ? Number(value) : value)}; must be ${f.expect}.`);
            for (const p of writers(t, f.field)) problems.push(`${t.name} (${t.kind}): ${describePatch(p)} writes ${f.field}; compliance fields are fixed in the base, never patched.`);
        }
        for (const f of placedFields[key] ?? []) {
            if (baseValue(t, f.field) !== undefined) problems.push(`${t.name} (${t.kind}): ${f.field} is set in the base; it must come from the EnvironmentConfig (${f.environment}).`);
            const ws = writers(t, f.field);
            const fromEnv = ws.filter((p) => p.type === "FromEnvironmentFieldPath" && p.fromFieldPath === f.environment && p.toFieldPath === f.field);
            if (fromEnv.length === 0) problems.push(`${t.name} (${t.kind}): ${f.field} is not patched from the EnvironmentConfig path ${f.environment}.`);
            for (const p of ws.filter((x) => !fromEnv.includes(x))) problems.push(`${t.name} (${t.kind}): ${describePatch(p)} writes ${f.field}; only ${f.environment} from the EnvironmentConfig may.`);
            for (const alt of placementAlternatives[key] ?? []) {
                if (baseValue(t, alt) !== undefined || writers(t, alt).length > 0) problems.push(`${t.name} (${t.kind}): ${alt} is set; placement comes from ${f.environment} only.`);
            }
        }
        if (key === "sqs.aws.upbound.io/Queue") problems.push(...queueKeyProblems(c, t));
    }
    problems.push(...companionProblems(c));
    if (c.templates.some(usesOwnKey) && !c.templates.some((t) => kindKey(t) === "kms.aws.upbound.io/Key")) {
        problems.push(`composes no kms.aws.upbound.io Key: the data stores' key selectors (matchControllerRef) would find no key of their own.`);
    }
    return problems;
}

/**
 * SQS has no key reference field: kmsMasterKeyId must be the ARN the Composition's own key reports,
 * carried through the XR status (key: ToCompositeFieldPath status.atProvider.arn -> status.X; queue:
 * FromCompositeFieldPath status.X, Required, so no queue is ever created unencrypted).
 */
function queueKeyProblems(c: CompositionModel, t: ComposedTemplate): string[] {
    const field = "spec.forProvider.kmsMasterKeyId";
    if (baseValue(t, field) !== undefined) return [`${t.name} (Queue): ${field} is set in the base; it must be the ARN of the Composition's own key (patched through the XR status).`];
    const ws = writers(t, field);
    const keyStatus = new Set(
        c.templates
            .filter((k) => kindKey(k) === "kms.aws.upbound.io/Key")
            .flatMap((k) => k.patches.filter((p) => p.type === "ToCompositeFieldPath" && p.fromFieldPath === "status.atProvider.arn").map((p) => p.toFieldPath ?? p.fromFieldPath)),
    );
    const good = ws.filter((p) => p.type === "FromCompositeFieldPath" && p.toFieldPath === field && keyStatus.has(p.fromFieldPath) && p.policy?.fromFieldPath === "Required");
    const out: string[] = [];
    if (good.length === 0) {
        out.push(`${t.name} (Queue): ${field} is not patched (policy Required) from the XR status field its Composition's KMS key reports its ARN to; the queue could be created without its key.`);
    }
    for (const p of ws.filter((x) => !good.includes(x))) out.push(`${t.name} (Queue): ${describePatch(p)} writes ${field}; only the key's ARN from the XR status may.`);
    return out;
}

/** A bucket comes with its public-access block, encryption, versioning, ownership controls and a TLS-only policy; every queue with a TLS-only policy. */
function companionProblems(c: CompositionModel): string[] {
    const out: string[] = [];
    const kinds = new Set(c.templates.map(kindKey));
    if (kinds.has("s3.aws.upbound.io/Bucket")) {
        for (const k of ["BucketPublicAccessBlock", "BucketServerSideEncryptionConfiguration", "BucketVersioning", "BucketOwnershipControls", "BucketPolicy"]) {
            if (!kinds.has(`s3.aws.upbound.io/${k}`)) out.push(`composes a Bucket without a ${k}.`);
        }
        const policies = c.templates.filter((t) => kindKey(t) === "s3.aws.upbound.io/BucketPolicy");
        if (policies.length > 0 && !policies.some((t) => policyDocuments(t).some((d) => deniesWithoutTls(d, "s3")))) {
            out.push(`no BucketPolicy denies s3:* to everyone when aws:SecureTransport is false.`);
        }
    }
    const queues = c.templates.filter((t) => kindKey(t) === "sqs.aws.upbound.io/Queue");
    const queuePolicies = c.templates.filter((t) => kindKey(t) === "sqs.aws.upbound.io/QueuePolicy" && policyDocuments(t).some((d) => deniesInsecureTransport(d)));
    if (queues.length > queuePolicies.length) {
        out.push(`composes ${queues.length} Queue(s) but ${queuePolicies.length} QueuePolicy that denies sqs:* without TLS; every queue needs one.`);
    }
    return out;
}

/** The policy documents a template sets: its base `policy`, or the JSON its patches format (verbs filled with a placeholder ARN). */
function policyDocuments(t: ComposedTemplate): unknown[] {
    const docs: string[] = [];
    const base = baseValue(t, "spec.forProvider.policy");
    if (typeof base === "string") docs.push(base);
    for (const p of writers(t, "spec.forProvider.policy")) {
        const fmt = p.combine?.string?.fmt ?? (p.transforms ?? []).map((x) => (x as { string?: { fmt?: string } }).string?.fmt).find((f) => typeof f === "string");
        if (typeof fmt === "string") docs.push(fillFormat(fmt, "arn:aws:placeholder"));
    }
    return docs.flatMap((d) => {
        try {
            return [JSON.parse(d)];
        } catch {
            return [];
        }
    });
}

function deniesWithoutTls(document: unknown, service: string): boolean {
    const statements = statementsOf(document);
    if (typeof statements === "string") return false;
    return statements.some((s) => {
        const actions = ([] as unknown[]).concat(s.Action ?? []);
        const tls = s.Condition?.Bool?.["aws:SecureTransport"];
        return s.Effect === "Deny" && (s.Principal === "*" || JSON.stringify(s.Principal) === '{"AWS":"*"}') && actions.some((a) => a === "*" || a === `${service}:*`) && String(tls).toLowerCase() === "false";
    });
}

/**
 * Compositions the program installs keep every compliance control in the base of the composed
 * resource, where a claim cannot reach it.
 * @severity high
 * @frameworks fsbp:RDS.3, fsbp:RDS.2, fsbp:RDS.11, fsbp:RDS.8, fsbp:S3.8, fsbp:ElastiCache.4, fsbp:ElastiCache.5, fsbp:SQS.1
 */
export const configureComplianceFields: ResourceValidationPolicy = {
    name: "kubernetes-crossplane-composition-configure-compliance-fields",
    description:
        "Every Composition must fix the compliance fields of what it composes in the base (encryption with its own KMS key, no public access, backups, deletion protection, TLS-only policies, placement from the EnvironmentConfig) and no patch may write them.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls(
        "Data stores created from the catalog are encrypted, private, backed up and placed by the platform",
        "fsbp:RDS.3",
        "fsbp:RDS.2",
        "fsbp:RDS.11",
        "fsbp:RDS.8",
        "fsbp:S3.8",
        "fsbp:S3.5",
        "fsbp:ElastiCache.4",
        "fsbp:ElastiCache.5",
        "fsbp:SQS.1",
        "nist:SC-28",
        "nist:SC-7",
    ),
    remediationSteps:
        "Put the compliant value in the composed resource's base (see the table in policies/kubernetes/composition/configure-compliance-fields.ts) and remove any patch that writes it; take subnets, VPC and the node security group from the EnvironmentConfig (FromEnvironmentFieldPath aws.*).",
    validateResource: validateResourceOfTypes(["kubernetes:apiextensions.crossplane.io/v1:Composition"], (args, report) => {
        const model = readComposition(args.props);
        if (typeof model === "string") {
            args.notApplicable(model);
            return;
        }
        for (const p of complianceProblems(model)) report(`Composition ${model.name}: ${p}`);
    }),
};
