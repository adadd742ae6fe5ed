import { policyDocument, type PolicyDocument, type PolicyStatement } from "../iam-documents";

export interface BoundaryContext {
    accountId: string;
    region: string;
    /** ARN of the boundary policy itself (it protects itself). */
    boundaryArn: string;
    /** The pipeline's deploy role: the only principal that may change the boundary. */
    deployRoleArn: string;
}

/** Regional AWS services the platform runs on; the boundary allows nothing else. */
export const boundedRegionalServices = [
    "autoscaling",
    "cloudwatch",
    "ec2",
    "ecr",
    "eks",
    "elasticache",
    "elasticloadbalancing",
    "events",
    "kms",
    "logs",
    "rds",
    "s3",
    "secretsmanager",
    "sqs",
    "ssm",
] as const;

/**
 * The permissions boundary every platform role carries. It is a ceiling, not a grant: platform
 * services in the stack's region, IAM and STS; never long-lived credentials, never a role without
 * this boundary, never switching off audit trails, and the boundary cannot be weakened except by
 * the deploy pipeline.
 */
export function permissionsBoundaryDocument(ctx: BoundaryContext): PolicyDocument {
    const statements: PolicyStatement[] = [
        {
            Sid: "AllowPlatformServicesInTheStackRegion",
            Effect: "Allow",
            Action: boundedRegionalServices.map((s) => `${s}:*`),
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": ctx.region } },
        },
        {
            Sid: "AllowGlobalServicesThePlatformNeeds",
            Effect: "Allow",
            Action: ["iam:*", "sts:*", "pricing:GetProducts", "s3:ListAllMyBuckets", "organizations:DescribeOrganization"],
            Resource: "*",
        },
        {
            Sid: "DenyLongLivedCredentials",
            Effect: "Deny",
            Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:UploadSSHPublicKey"],
            Resource: "*",
        },
        {
            Sid: "DenyRolesWithoutThisBoundary",
            Effect: "Deny",
            Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"],
            Resource: "*",
            Condition: { StringNotEquals: { "iam:PermissionsBoundary": ctx.boundaryArn } },
        },
        {
            Sid: "DenyRemovingBoundaries",
            Effect: "Deny",
            Action: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"],
            Resource: "*",
        },
        {
            Sid: "DenyBoundaryChangesOutsideThePipeline",
            Effect: "Deny",
            Action: ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"],
            Resource: ctx.boundaryArn,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": ctx.deployRoleArn } },
        },
        {
            Sid: "DenyTurningOffAuditTrails",
            Effect: "Deny",
            Action: [
                "cloudtrail:DeleteTrail",
                "cloudtrail:StopLogging",
                "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors",
                "config:DeleteConfigurationRecorder",
                "config:DeleteDeliveryChannel",
                "config:StopConfigurationRecorder",
                "guardduty:DeleteDetector",
                "guardduty:DisassociateFromMasterAccount",
                "securityhub:DisableSecurityHub",
                "organizations:LeaveOrganization",
            ],
            Resource: "*",
        },
    ];
    return policyDocument(...statements);
}

export interface GithubTrust {
    /** `owner/name` of the platform repository. */
    repository: string;
    oidcProviderArn: string;
}

export const githubTokenHost = "token.actions.githubusercontent.com";

/** Pull requests of the platform repository only: the read-only preview role. */
export function previewRoleTrust(t: GithubTrust): PolicyDocument {
    return githubTrust(t, `repo:${t.repository}:pull_request`, "PullRequestsOfThePlatformRepository");
}

/** The deploy branch of the platform repository only (optionally one workflow file): the only way to change production. */
export function deployRoleTrust(t: GithubTrust & { branch: string; workflow?: string }): PolicyDocument {
    const doc = githubTrust(t, `repo:${t.repository}:ref:refs/heads/${t.branch}`, "DeployBranchOfThePlatformRepository");
    if (t.workflow) {
        doc.Statement[0].Condition!.StringEquals[`${githubTokenHost}:job_workflow_ref`] = `${t.repository}/${t.workflow}@refs/heads/${t.branch}`;
    }
    return doc;
}

function githubTrust(t: GithubTrust, subject: string, sid: string): PolicyDocument {
    return policyDocument({
        Sid: sid,
        Effect: "Allow",
        Principal: { Federated: t.oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${githubTokenHost}:aud`]: "sts.amazonaws.com", [`${githubTokenHost}:sub`]: subject } },
    });
}

/** Named humans' roles (e.g. SSO permission sets) may assume the role; nobody else. */
export function humanRoleTrust(principalArns: string[], sid: string): PolicyDocument {
    return policyDocument({ Sid: sid, Effect: "Allow", Principal: { AWS: principalArns }, Action: ["sts:AssumeRole", "sts:TagSession"] });
}
