/**
 * The AWS permissions of the Crossplane providers, as pure functions: one inline policy per
 * provider-upjet-aws family member, each holding only the actions the catalog's Compositions need.
 *
 * How each service is scoped (every statement of a regional service is limited to the stack's
 * region, by ARN and by `aws:RequestedRegion`):
 * - **Read** (`Describe*`/`List*`/`Get*` that take no resource ARN): `Resource: "*"`, region only.
 * - **Create**: allowed only when the request tags the new resource with `crossplane-kind`
 *   (upjet puts `crossplane-kind`, `crossplane-name` and `crossplane-providerconfig` on every
 *   managed resource it creates), so Crossplane cannot create untagged, untracked resources.
 * - **Change and delete**: allowed only on resources that already carry `crossplane-kind`, so the
 *   providers cannot touch what the platform (or anyone else) created.
 * - **Secondary resources** of a compound call (the default option group `CreateDBInstance` also
 *   names, the snapshot `DeleteDBInstance` writes): listed for that one call only. The call stays
 *   gated by the tag on its primary resource, since IAM authorizes every resource of a request.
 * - Where a service has no usable tag conditions (S3 buckets, RDS-managed secrets), by name
 *   instead: buckets must be named `<resourceNamePrefix>-...`, RDS master secrets are `rds!...`.
 * - The platform's own KMS keys and platform-owned databases are denied outright, so even a
 *   resource re-tagged with `crossplane-kind` stays out of reach.
 *
 * No statement grants `*` or `service:*` actions; no action contains a wildcard at all.
 */
import { partitionOf, policyDocument, type PolicyDocument, type PolicyStatement } from "../iam-documents";
import type { crossplanePackages } from "../versions";

export type CrossplaneService = (typeof crossplanePackages.providers)[number];

/** The tag upjet adds to every resource a provider creates; its value is `<kind>.<group>` of the managed resource. */
export const crossplaneKindTag = "crossplane-kind";
/** Values of that tag: cluster-scoped (`*.aws.upbound.io`) and namespaced (`*.aws.m.upbound.io`) managed resources. */
export const crossplaneKindPatterns = ["*.aws.upbound.io", "*.aws.m.upbound.io"];

/** Services a Pod Identity session may reach on behalf of Crossplane to use the data key. */
const dataKeyServices = ["rds", "elasticache", "sqs", "secretsmanager", "s3"] as const;

export interface CrossplaneIamContext {
    accountId: string;
    region: string;
    /** The platform VPC: the only VPC Crossplane may create security groups in. */
    vpcId: string;
    /** S3 buckets and KMS aliases the catalog composes are named `<resourceNamePrefix>-...`. */
    resourceNamePrefix: string;
    /** The platform's data key: data stores may be encrypted with it (through the storing service only). */
    dataKeyArn: string;
    /** The platform's own keys (logs, Kubernetes secrets, volumes, data): never changed by Crossplane. */
    platformKeyArns: string[];
    /** Role RDS enhanced monitoring assumes: the only role Crossplane may pass. */
    rdsMonitoringRoleArn: string;
}

/**
 * `<resourceNamePrefix>` of a cluster: its name in lower case (S3 names allow no capitals) without
 * repeated or trailing hyphens (RDS identifiers allow neither), cut to 24 characters with a digest
 * when longer, so `<prefix>-<uuid>` still fits a bucket name and `<prefix>-platform-...` an identifier.
 */
export function resourceNamePrefixFor(clusterName: string): string {
    const lower = clusterName.toLowerCase().replace(/-+/g, "-").replace(/-+$/, "");
    if (lower.length <= 24) {
        return lower;
    }
    let h = 0x811c9dc5;
    for (let i = 0; i < lower.length; i++) {
        h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193) >>> 0;
    }
    return `${lower.slice(0, 15).replace(/-+$/, "")}-${h.toString(16).padStart(8, "0")}`;
}

/** Name prefix of databases the platform itself owns (e.g. Temporal's); Crossplane may never change them. */
export function platformDatabasePrefix(resourceNamePrefix: string): string {
    return `${resourceNamePrefix}-platform-`;
}

/** Read-only verbs: the only ones allowed on `Resource: "*"` without a request-tag condition. */
export function isReadOnlyAction(action: string): boolean {
    const verb = action.split(":")[1] ?? "";
    return /^(Describe|List|Get|Head)/.test(verb);
}

export function crossplaneServicePolicies(ctx: CrossplaneIamContext): Record<CrossplaneService, PolicyDocument> {
    return {
        rds: rdsPolicy(ctx),
        s3: s3Policy(ctx),
        sqs: sqsPolicy(ctx),
        elasticache: elastiCachePolicy(ctx),
        kms: kmsPolicy(ctx),
        ec2: ec2Policy(ctx),
        iam: iamPolicy(ctx),
        secretsmanager: secretsManagerPolicy(ctx),
    };
}

type Condition = NonNullable<PolicyStatement["Condition"]>;

const inRegion = (ctx: CrossplaneIamContext): Condition => ({ StringEquals: { "aws:RequestedRegion": ctx.region } });

function withRegion(ctx: CrossplaneIamContext, extra: Condition = {}): Condition {
    const out: Condition = { ...extra };
    out.StringEquals = { ...(extra.StringEquals ?? {}), "aws:RequestedRegion": ctx.region };
    return out;
}

const requestTagged: Condition = { StringLike: { [`aws:RequestTag/${crossplaneKindTag}`]: crossplaneKindPatterns } };
const resourceTagged: Condition = { StringLike: { [`aws:ResourceTag/${crossplaneKindTag}`]: crossplaneKindPatterns } };

function arn(ctx: CrossplaneIamContext, service: string, resource: string): string {
    return `arn:${partitionOf(ctx.region)}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

function statement(sid: string, action: string[], resource: string | string[], condition?: Condition): PolicyStatement {
    return { Sid: sid, Effect: "Allow", Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) };
}

/** RDS instances, subnet groups and parameter groups (PostgreSQLInstance). */
function rdsPolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const rds = (type: string) => arn(ctx, "rds", `${type}:*`);
    const owned = [rds("db"), rds("subgrp"), rds("pg")];
    return policyDocument(
        statement(
            "ReadRds",
            [
                "rds:DescribeDBInstances",
                "rds:DescribeDBSubnetGroups",
                "rds:DescribeDBParameterGroups",
                "rds:DescribeDBParameters",
                "rds:DescribeDBEngineVersions",
                "rds:DescribeOrderableDBInstanceOptions",
                "rds:DescribeDBSnapshots",
                "rds:DescribeDBInstanceAutomatedBackups",
                "rds:ListTagsForResource",
            ],
            "*",
            inRegion(ctx),
        ),
        statement(
            "CreateTaggedRdsResources",
            ["rds:CreateDBInstance", "rds:CreateDBSubnetGroup", "rds:CreateDBParameterGroup", "rds:AddTagsToResource"],
            [...owned, rds("og"), rds("secgrp")],
            withRegion(ctx, requestTagged),
        ),
        statement(
            "ManageRdsResourcesCrossplaneCreated",
            [
                "rds:ModifyDBInstance",
                "rds:RebootDBInstance",
                "rds:DeleteDBInstance",
                "rds:ModifyDBSubnetGroup",
                "rds:DeleteDBSubnetGroup",
                "rds:ModifyDBParameterGroup",
                "rds:ResetDBParameterGroup",
                "rds:DeleteDBParameterGroup",
                "rds:AddTagsToResource",
                "rds:RemoveTagsFromResource",
            ],
            owned,
            withRegion(ctx, resourceTagged),
        ),
        // ModifyDBInstance also names the groups the instance uses; DeleteDBInstance the final snapshot.
        statement("SecondaryResourcesOfTaggedInstanceCalls", ["rds:ModifyDBInstance"], [rds("og"), rds("pg"), rds("subgrp"), rds("secgrp")], inRegion(ctx)),
        statement("FinalSnapshotOfTaggedInstances", ["rds:DeleteDBInstance"], [rds("snapshot")], inRegion(ctx)),
        {
            Sid: "NeverTouchPlatformDatabases",
            Effect: "Deny",
            Action: ["rds:ModifyDBInstance", "rds:DeleteDBInstance", "rds:RebootDBInstance", "rds:AddTagsToResource", "rds:RemoveTagsFromResource"],
            Resource: arn(ctx, "rds", `db:${platformDatabasePrefix(ctx.resourceNamePrefix)}*`),
        },
    );
}

/** S3 buckets and the sub-resources the bucket Composition sets (encryption, public access block, versioning, ownership, policy, lifecycle). */
function s3Policy(ctx: CrossplaneIamContext): PolicyDocument {
    const bucket = `arn:${partitionOf(ctx.region)}:s3:::${ctx.resourceNamePrefix}-*`;
    return policyDocument(
        statement(
            "ManagePrefixedBuckets",
            [
                "s3:CreateBucket",
                "s3:DeleteBucket",
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:GetBucketTagging",
                "s3:PutBucketTagging",
                "s3:GetBucketPolicy",
                "s3:GetBucketPolicyStatus",
                "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy",
                "s3:GetBucketPublicAccessBlock",
                "s3:PutBucketPublicAccessBlock",
                "s3:GetEncryptionConfiguration",
                "s3:PutEncryptionConfiguration",
                "s3:GetBucketVersioning",
                "s3:PutBucketVersioning",
                "s3:GetBucketOwnershipControls",
                "s3:PutBucketOwnershipControls",
                "s3:GetLifecycleConfiguration",
                "s3:PutLifecycleConfiguration",
                // What the bucket's read (refresh) asks for besides the above.
                "s3:GetBucketAcl",
                "s3:GetBucketCORS",
                "s3:GetBucketWebsite",
                "s3:GetBucketLogging",
                "s3:GetAccelerateConfiguration",
                "s3:GetBucketRequestPayment",
                "s3:GetReplicationConfiguration",
                "s3:GetBucketObjectLockConfiguration",
            ],
            bucket,
            inRegion(ctx),
        ),
    );
}

/** SQS queues and their policies and redrive settings (SQS supports tag conditions on queues). */
function sqsPolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const queues = arn(ctx, "sqs", "*");
    return policyDocument(
        statement("ListQueues", ["sqs:ListQueues"], "*", inRegion(ctx)),
        statement("CreateTaggedQueues", ["sqs:CreateQueue", "sqs:TagQueue"], queues, withRegion(ctx, requestTagged)),
        statement(
            "ManageQueuesCrossplaneCreated",
            [
                "sqs:DeleteQueue",
                "sqs:GetQueueAttributes",
                "sqs:SetQueueAttributes",
                "sqs:GetQueueUrl",
                "sqs:ListQueueTags",
                "sqs:TagQueue",
                "sqs:UntagQueue",
                "sqs:ListDeadLetterSourceQueues",
            ],
            queues,
            withRegion(ctx, resourceTagged),
        ),
    );
}

/** ElastiCache replication groups, subnet groups, parameter groups, users and user groups. */
function elastiCachePolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const ec = (type: string) => arn(ctx, "elasticache", `${type}:*`);
    const owned = [ec("replicationgroup"), ec("subnetgroup"), ec("parametergroup"), ec("user"), ec("usergroup")];
    return policyDocument(
        statement(
            "ReadElastiCache",
            [
                "elasticache:DescribeReplicationGroups",
                "elasticache:DescribeCacheClusters",
                "elasticache:DescribeCacheSubnetGroups",
                "elasticache:DescribeCacheParameterGroups",
                "elasticache:DescribeCacheParameters",
                "elasticache:DescribeCacheEngineVersions",
                "elasticache:DescribeUsers",
                "elasticache:DescribeUserGroups",
                "elasticache:DescribeSnapshots",
                "elasticache:ListTagsForResource",
            ],
            "*",
            inRegion(ctx),
        ),
        statement(
            "CreateTaggedElastiCacheResources",
            [
                "elasticache:CreateReplicationGroup",
                "elasticache:CreateCacheSubnetGroup",
                "elasticache:CreateCacheParameterGroup",
                "elasticache:CreateUser",
                "elasticache:CreateUserGroup",
                "elasticache:AddTagsToResource",
            ],
            [...owned, ec("cluster"), ec("snapshot"), ec("securitygroup")],
            withRegion(ctx, requestTagged),
        ),
        statement(
            "ManageElastiCacheResourcesCrossplaneCreated",
            [
                "elasticache:ModifyReplicationGroup",
                "elasticache:DeleteReplicationGroup",
                "elasticache:IncreaseReplicaCount",
                "elasticache:DecreaseReplicaCount",
                "elasticache:ModifyCacheSubnetGroup",
                "elasticache:DeleteCacheSubnetGroup",
                "elasticache:ModifyCacheParameterGroup",
                "elasticache:ResetCacheParameterGroup",
                "elasticache:DeleteCacheParameterGroup",
                "elasticache:ModifyUser",
                "elasticache:DeleteUser",
                "elasticache:ModifyUserGroup",
                "elasticache:DeleteUserGroup",
                "elasticache:AddTagsToResource",
                "elasticache:RemoveTagsFromResource",
            ],
            owned,
            withRegion(ctx, resourceTagged),
        ),
        // A replication group's calls also name its member clusters, parameter group (possibly a
        // default one), user group and final snapshot; a user group names its users (e.g. `default`).
        statement(
            "SecondaryResourcesOfTaggedElastiCacheCalls",
            ["elasticache:ModifyReplicationGroup", "elasticache:DeleteReplicationGroup", "elasticache:IncreaseReplicaCount", "elasticache:DecreaseReplicaCount"],
            [ec("cluster"), ec("parametergroup"), ec("usergroup"), ec("subnetgroup"), ec("snapshot")],
            inRegion(ctx),
        ),
        statement("UsersOfTaggedUserGroups", ["elasticache:ModifyUserGroup"], [ec("user")], inRegion(ctx)),
    );
}

/**
 * KMS keys and aliases the catalog composes (one CMK per data store), and use of those keys and
 * the platform data key by the storing services. Deletion keeps a 30-day window (FSBP KMS.3), a
 * key policy can never lock the account out, and the platform's own keys are denied.
 */
function kmsPolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const keys = arn(ctx, "kms", "key/*");
    const aliases = arn(ctx, "kms", `alias/${ctx.resourceNamePrefix}-*`);
    const keyUse = ["kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"];
    const viaServices = dataKeyServices.map((s) => `${s}.${ctx.region}.amazonaws.com`);
    return policyDocument(
        statement("ListAliases", ["kms:ListAliases"], "*", inRegion(ctx)),
        statement("DescribeKeys", ["kms:DescribeKey"], keys, inRegion(ctx)),
        {
            Sid: "CreateTaggedKeys",
            Effect: "Allow",
            Action: ["kms:CreateKey", "kms:TagResource"],
            Resource: "*",
            Condition: { ...withRegion(ctx, requestTagged), Bool: { "kms:BypassPolicyLockoutSafetyCheck": "false" } },
        },
        statement(
            "ManageKeysCrossplaneCreated",
            [
                "kms:GetKeyPolicy",
                "kms:GetKeyRotationStatus",
                "kms:ListResourceTags",
                "kms:EnableKeyRotation",
                "kms:UpdateKeyDescription",
                "kms:TagResource",
                "kms:UntagResource",
                "kms:CreateAlias",
                "kms:UpdateAlias",
                "kms:DeleteAlias",
            ],
            keys,
            withRegion(ctx, resourceTagged),
        ),
        {
            Sid: "KeyPolicyOfKeysCrossplaneCreated",
            Effect: "Allow",
            Action: ["kms:PutKeyPolicy"],
            Resource: keys,
            Condition: { ...withRegion(ctx, resourceTagged), Bool: { "kms:BypassPolicyLockoutSafetyCheck": "false" } },
        },
        {
            Sid: "ScheduleDeletionWithTheFullWindow",
            Effect: "Allow",
            Action: ["kms:ScheduleKeyDeletion"],
            Resource: keys,
            Condition: { ...withRegion(ctx, resourceTagged), NumericGreaterThanEquals: { "kms:ScheduleKeyDeletionPendingWindowInDays": "30" } },
        },
        statement("PrefixedAliases", ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"], aliases, inRegion(ctx)),
        {
            Sid: "DataStoresUseThePlatformDataKeyThroughTheirService",
            Effect: "Allow",
            Action: keyUse,
            Resource: ctx.dataKeyArn,
            Condition: { StringEquals: { "aws:RequestedRegion": ctx.region, "kms:ViaService": viaServices } },
        },
        {
            Sid: "DataStoresUseKeysCrossplaneCreatedThroughTheirService",
            Effect: "Allow",
            Action: keyUse,
            Resource: keys,
            Condition: { ...resourceTagged, StringEquals: { "aws:RequestedRegion": ctx.region, "kms:ViaService": viaServices } },
        },
        {
            Sid: "NeverChangePlatformKeys",
            Effect: "Deny",
            Action: [
                "kms:PutKeyPolicy",
                "kms:ScheduleKeyDeletion",
                "kms:DisableKey",
                "kms:DisableKeyRotation",
                "kms:TagResource",
                "kms:UntagResource",
                "kms:UpdateKeyDescription",
                "kms:CreateAlias",
                "kms:UpdateAlias",
                "kms:DeleteAlias",
            ],
            Resource: ctx.platformKeyArns,
        },
    );
}

/** Security groups and their rules, in the platform VPC only (data stores admit the node security group). */
function ec2Policy(ctx: CrossplaneIamContext): PolicyDocument {
    const groups = arn(ctx, "ec2", "security-group/*");
    const rules = arn(ctx, "ec2", "security-group-rule/*");
    return policyDocument(
        statement(
            "ReadEc2",
            ["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags"],
            "*",
            inRegion(ctx),
        ),
        statement("CreateSecurityGroupsInThePlatformVpc", ["ec2:CreateSecurityGroup"], arn(ctx, "ec2", `vpc/${ctx.vpcId}`), inRegion(ctx)),
        statement("CreateTaggedSecurityGroups", ["ec2:CreateSecurityGroup"], groups, withRegion(ctx, requestTagged)),
        {
            Sid: "TagOnCreateOnly",
            Effect: "Allow",
            Action: ["ec2:CreateTags"],
            Resource: [groups, rules],
            Condition: withRegion(ctx, {
                StringEquals: { "ec2:CreateAction": ["CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"] },
            }),
        },
        statement(
            "ManageSecurityGroupsCrossplaneCreated",
            [
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress",
                "ec2:ModifySecurityGroupRules",
                "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
                "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
                "ec2:DeleteSecurityGroup",
                "ec2:CreateTags",
                "ec2:DeleteTags",
            ],
            groups,
            withRegion(ctx, resourceTagged),
        ),
        // Rules are resources of their own; the call stays gated by the tag on the group.
        statement(
            "RulesOfSecurityGroupsCrossplaneCreated",
            ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules"],
            rules,
            inRegion(ctx),
        ),
        statement("TagRulesCrossplaneCreated", ["ec2:CreateTags", "ec2:DeleteTags"], rules, withRegion(ctx, resourceTagged)),
    );
}

/**
 * IAM: only what the data stores need. No role, user or policy may be created or changed: RDS
 * enhanced monitoring may be given the one platform monitoring role, and RDS and ElastiCache may
 * create their service-linked roles.
 */
function iamPolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const partition = partitionOf(ctx.region);
    return policyDocument(
        {
            Sid: "PassTheRdsMonitoringRoleToRdsOnly",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: ctx.rdsMonitoringRoleArn,
            Condition: { StringEquals: { "iam:PassedToService": "monitoring.rds.amazonaws.com" } },
        },
        {
            Sid: "ServiceLinkedRolesOfDataStores",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource: [
                `arn:${partition}:iam::${ctx.accountId}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS`,
                `arn:${partition}:iam::${ctx.accountId}:role/aws-service-role/elasticache.amazonaws.com/AWSServiceRoleForElastiCache`,
            ],
            Condition: { StringEquals: { "iam:AWSServiceName": ["rds.amazonaws.com", "elasticache.amazonaws.com"] } },
        },
    );
}

/**
 * Secrets the catalog composes (e.g. cache auth tokens), and the master-user secrets RDS creates
 * for instances with a managed password (named `rds!...`, created under the caller's permissions).
 */
function secretsManagerPolicy(ctx: CrossplaneIamContext): PolicyDocument {
    const secrets = arn(ctx, "secretsmanager", "secret:*");
    return policyDocument(
        statement("CreateTaggedSecrets", ["secretsmanager:CreateSecret", "secretsmanager:TagResource"], secrets, withRegion(ctx, requestTagged)),
        statement(
            "ManageSecretsCrossplaneCreated",
            [
                "secretsmanager:DescribeSecret",
                "secretsmanager:GetResourcePolicy",
                "secretsmanager:GetSecretValue",
                "secretsmanager:PutSecretValue",
                "secretsmanager:UpdateSecret",
                "secretsmanager:DeleteSecret",
                "secretsmanager:TagResource",
                "secretsmanager:UntagResource",
            ],
            secrets,
            withRegion(ctx, resourceTagged),
        ),
        statement(
            "RdsManagedMasterUserSecrets",
            ["secretsmanager:CreateSecret", "secretsmanager:RotateSecret", "secretsmanager:TagResource", "secretsmanager:DescribeSecret", "secretsmanager:DeleteSecret"],
            arn(ctx, "secretsmanager", "secret:rds!*"),
            inRegion(ctx),
        ),
    );
}
