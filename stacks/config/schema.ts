import { z } from "zod";
import { parseCidr } from "../../components/network/cidr";
import { azCountRange, vpcPrefixRange } from "../../components/network/subnet-plan";
import { supportedKubernetesVersions } from "../../components/versions";

/** Every `paved:*` stack config key, its schema and its documentation. Unknown keys are errors. */

const cidr = z.string().superRefine((value, ctx) => {
    const parsed = parseCidr(value);
    if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: parsed });
    }
});

const iamRoleArn = z
    .string()
    .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");

/** Values CloudWatch Logs accepts for retentionInDays. */
export const cloudWatchRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const minimumLogRetentionDays = 90;

const logRetentionDays = z
    .number()
    .int()
    .refine((d) => d >= minimumLogRetentionDays && cloudWatchRetentionDays.includes(d), {
        message: `must be a CloudWatch Logs retention of at least ${minimumLogRetentionDays} days: one of ${cloudWatchRetentionDays
            .filter((d) => d >= minimumLogRetentionDays)
            .join(", ")}`,
    });


export const networkSchema = z.strictObject({
    /** VPC CIDR, /16 to /20. Split into private (workloads), data and public (load balancers only) subnets. */
    cidr: cidr.refine(
        (c) => {
            const p = parseCidr(c);
            return typeof p === "string" || (p.prefix >= vpcPrefixRange.min && p.prefix <= vpcPrefixRange.max);
        },
        { message: `prefix length must be between /${vpcPrefixRange.min} and /${vpcPrefixRange.max}` },
    ),
    /** Number of availability zones, 2 to 6. */
    availabilityZoneCount: z.number().int().min(azCountRange.min).max(azCountRange.max),
    /** `single` NAT gateway (cheaper) or one per AZ (no cross-AZ egress dependency). */
    natGateways: z.enum(["single", "onePerAz"]),
    /** Ranges used elsewhere (on-premises, peered VPCs, transit); the VPC must not overlap them. */
    reservedCidrs: z.array(cidr).default([]),
    flowLogs: z
        .strictObject({
            retentionDays: logRetentionDays,
            trafficType: z.enum(["ALL", "REJECT"]).default("ALL"),
        })
        .default({ retentionDays: 365, trafficType: "ALL" }),
});

export const clusterSchema = z.strictObject({
    /** EKS cluster name; also the Karpenter discovery tag value. */
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,99}$/, "must start with a letter and hold only letters, digits and '-' (max 100)"),
    /** Kubernetes minor version, within EKS standard support. */
    kubernetesVersion: z.enum(supportedKubernetesVersions),
    /** Service CIDR for Kubernetes Services; must not overlap the VPC or reserved ranges. */
    serviceCidr: cidr.default("172.20.0.0/16"),
    endpoint: z
        .strictObject({
            /** The public API endpoint is off unless this flag is set AND an allow-list is given. */
            publicAccess: z.boolean().default(false),
            publicAccessCidrs: z.array(cidr).default([]),
        })
        .default({ publicAccess: false, publicAccessCidrs: [] }),
    /** IAM roles given read-only access (AmazonEKSViewPolicy) through access entries, besides the auditor role. */
    readOnlyRoleArns: z.array(iamRoleArn).default([]),
    controlPlaneLogRetentionDays: logRetentionDays.default(365),
    deletionProtection: z.boolean(),
    systemNodeGroup: z.strictObject({
        instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "must be an EC2 instance type such as m7i.large")).min(1),
        minSize: z.number().int().min(1).max(20),
        maxSize: z.number().int().min(1).max(20),
        desiredSize: z.number().int().min(1).max(20),
        diskSizeGiB: z.number().int().min(20).max(1000).default(50),
    }),
});

const principalArn = z
    .string()
    .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/, "must be an IAM role or user ARN (no wildcards)");

export const iamSchema = z.strictObject({
    github: z.strictObject({
        /** `owner/name` of this repository: the only one whose pipelines may assume the platform's roles. */
        repository: z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, "must be owner/name of one GitHub repository (no wildcards)"),
        /** The only branch whose pipeline may deploy. */
        deployBranch: z.string().regex(/^[A-Za-z0-9._/-]{1,200}$/, "must be a branch name (no wildcards)").default("main"),
        /** Restrict the deploy role further to one workflow file of that branch. */
        deployWorkflow: z.string().regex(/^\.github\/workflows\/[A-Za-z0-9._-]+\.ya?ml$/, "must be a workflow file under .github/workflows/").optional(),
        /** An account has one GitHub OIDC provider; give its ARN when it exists already. */
        existingOidcProviderArn: z.string().regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/, "must be the ARN of the GitHub Actions OIDC provider").optional(),
    }),
    /** Roles of named humans (e.g. SSO permission sets) that may assume the break-glass admin role. */
    breakGlassPrincipalArns: z.array(principalArn).min(1),
    /** Roles of named auditors that may assume the auditor role. */
    auditorPrincipalArns: z.array(principalArn).min(1),
});

const httpsUrl = z.string().regex(/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/, "must be an https:// URL");
const dnsName = z
    .string()
    .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lower-case DNS name such as argocd.example.com");
/** A Secrets Manager secret name: never an ARN, never a wildcard, never a value. */
const secretName = z.string().regex(/^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)*$/, "must be a Secrets Manager secret name such as paved/prod/argocd/oidc (no wildcards, no ARN)");
/** A key of a JSON secret in Secrets Manager. */
const secretProperty = z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, "must be a key of the JSON secret (letters, digits, '_', '.', '-')");
const duration = z.string().regex(/^([1-9][0-9]*(s|m|h))+$/, "must be a duration such as 30m or 1h");

/** External Secrets: what the platform may read from AWS Secrets Manager. */
export const secretsSchema = z.strictObject({
    /** Secret name prefixes the platform reads, each ending in '/' (e.g. `paved/prod/`); the only secrets ESO's role can read. */
    prefixes: z
        .array(z.string().regex(/^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)*\/$/, "must be a secret name prefix ending in '/' such as paved/prod/ (no wildcards)"))
        .min(1),
    /** How often ExternalSecrets re-read Secrets Manager (rotation reaches pods within this interval). */
    refreshInterval: duration.default("1h"),
});

/** Argo CD roles an IdP group can be given; everyone else who signs in is read-only. */
export const gitopsRoles = ["admin", "operator", "readonly"] as const;

/** Argo CD: SSO, RBAC, the tenants' project and the root App-of-Apps. */
export const gitopsSchema = z.strictObject({
    /** Host name users reach Argo CD at; the SSO redirect URL is https://<domain>/auth/callback. */
    domain: dnsName,
    /** The GitOps repository the root App-of-Apps and every tenant application come from. */
    repository: z.strictObject({
        url: httpsUrl,
        /** Branch, tag or commit the root application tracks. */
        revision: z.string().regex(/^[A-Za-z0-9._/-]{1,200}$/, "must be a branch, tag or commit (no wildcards or ranges)").default("main"),
        /** Folder of the root App-of-Apps inside the repository. */
        path: z
            .string()
            .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "must be a relative folder inside the repository (no '..', no leading '/')"),
        /** Secrets Manager secret with `username` and `password` (a read-only token) when the repository is private. */
        credentialsSecret: secretName.optional(),
    }),
    /** Namespaces tenant applications may deploy to, as a prefix glob such as `team-*`. */
    tenantNamespacePattern: z.string().regex(/^[a-z][a-z0-9-]{0,40}\*$/, "must be a namespace prefix followed by '*' such as team-*"),
    /** OIDC single sign-on (Dex is off): the client secret is read from Secrets Manager, never written here. */
    sso: z.strictObject({
        issuer: httpsUrl,
        clientId: z.string().regex(/^[A-Za-z0-9._:@-]{1,255}$/, "must be an OIDC client id (letters, digits and ._:@-)"),
        clientSecret: z.strictObject({ name: secretName, property: secretProperty.default("clientSecret") }),
    }),
    /** IdP groups and the Argo CD role each is given. */
    rbac: z
        .array(
            z.strictObject({
                group: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._@:/-]{0,127}$/, "must be an IdP group name (letters, digits, spaces and ._@:/-; no commas)"),
                role: z.enum(gitopsRoles),
            }),
        )
        .default([]),
});

/** Observability collectors: where metrics, logs and traces go, and the credentials to send them. */
export const observabilitySchema = z.strictObject({
    /** The OTLP endpoint for metrics, logs and traces (Grafana Cloud's OTLP gateway, or any OTLP backend). */
    endpoint: z.strictObject({
        url: httpsUrl,
        protocol: z.enum(["http", "grpc"]).default("http"),
    }),
    /** Secrets Manager secret with the endpoint's basic-auth credentials (e.g. Grafana Cloud instance id and token). */
    credentials: z.strictObject({
        name: secretName,
        usernameProperty: secretProperty.default("username"),
        passwordProperty: secretProperty.default("password"),
    }),
});

/** The whole stack config, keyed like `Pulumi.<stack>.yaml` (without the `paved:` prefix). */
export const stackConfigSchema = z.strictObject({
    environment: z.enum(["dev", "staging", "prod"]),
    /** Owner tag: the team accountable for the platform. */
    owner: z.string().regex(/^[a-z0-9][a-z0-9._@-]{1,62}$/, "must be a lower-case team handle or e-mail (2-63 chars)"),
    /** CostCenter tag. */
    costCenter: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, "must be upper-case letters, digits and '-' (2-32 chars)"),
    /** App tag on platform resources. */
    app: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, "must be lower-case letters, digits and '-'").default("paved"),
    /** Protect KMS keys and log groups from `pulumi destroy` and retain them on delete. */
    protectStatefulResources: z.boolean(),
    /** Replicated platform controllers (2+, Kyverno 3) spread across zones; off for small environments. */
    highAvailability: z.boolean(),
    network: networkSchema,
    cluster: clusterSchema,
    iam: iamSchema,
    secrets: secretsSchema,
    gitops: gitopsSchema,
    observability: observabilitySchema,
});

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type StackConfigValues = z.output<typeof stackConfigSchema>;
export type NetworkConfig = StackConfigValues["network"];
export type ClusterConfig = StackConfigValues["cluster"];
export type IamConfig = StackConfigValues["iam"];
export type SecretsConfig = StackConfigValues["secrets"];
export type GitopsConfig = StackConfigValues["gitops"];
export type ObservabilityConfig = StackConfigValues["observability"];
