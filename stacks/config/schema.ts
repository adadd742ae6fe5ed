import { z } from "zod";
import { parseCidr } from "../../components/network/cidr";
import { azCountRange, vpcPrefixRange } from "../../components/network/subnet-plan";
import { supportedKubernetesVersions } from "../../components/versions";
import { admissionSchema } from "../../admission-policies/config";
import { reservedNamespaces } from "./addon-rules";

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

/** Argo CD: SSO, RBAC and the root App-of-Apps (the tenants' project deploys to the namespaces of `paved:tenants`). */
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
                group: z
                    .string()
                    .regex(/^[A-Za-z0-9]([A-Za-z0-9 ._@:/-]{0,126}[A-Za-z0-9._@:/-])?$/, "must be an IdP group name (letters, digits, inner spaces and ._@:/-; no commas)"),
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

/** A Kubernetes/Karpenter duration: `30s`, `5m`, `720h`, `1h30m`. */
const karpenterDuration = z.string().regex(/^([0-9]+(s|m|h))+$/, "must be a duration such as 30s, 5m, 720h or 1h30m");

/** Seconds in a duration that matches `karpenterDuration`. */
export function durationSeconds(value: string): number {
    const unit: Record<string, number> = { s: 1, m: 60, h: 3600 };
    return [...value.matchAll(/([0-9]+)(s|m|h)/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}

/** Longest node lifetime the platform accepts: every node is replaced (and patched) at least every 30 days. */
export const maximumNodeLifetimeHours = 720;

/** Label domains Kubernetes and Karpenter reserve for themselves. */
const reservedLabelDomains = ["kubernetes.io", "k8s.io", "karpenter.sh", "karpenter.k8s.aws"];
const labelKeyPattern = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Why a label or taint key is refused, or undefined when it is fine. */
export function labelKeyProblem(key: string): string | undefined {
    if (!labelKeyPattern.test(key)) {
        return `${JSON.stringify(key)} is not a label key such as paved.io/workload`;
    }
    const domain = key.includes("/") ? key.split("/")[0] : "";
    if (domain && reservedLabelDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
        return `${JSON.stringify(key)} uses a domain reserved by Kubernetes or Karpenter (${reservedLabelDomains.join(", ")})`;
    }
    return undefined;
}
const labelKey = z.string().superRefine((key, ctx) => {
    const problem = labelKeyProblem(key);
    if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
    }
});
const labelValue = z.string().regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/, "must be a label value (at most 63 letters, digits, '-', '_' or '.')");

const disruptionBudget = z
    .strictObject({
        /** Nodes that may be disrupted at once: a count or a percentage of the pool. */
        nodes: z.string().regex(/^((100|[0-9]{1,2})%|[0-9]+)$/, 'must be a node count or a percentage such as "10%"'),
        /** When the budget applies (cron, UTC), together with `duration`. */
        schedule: z.string().regex(/^(@(annually|yearly|monthly|weekly|daily|midnight|hourly)|\S+ \S+ \S+ \S+ \S+)$/, "must be a five-field cron schedule such as 0 8 * * mon-fri").optional(),
        duration: z.string().regex(/^(([0-9]+(h|m))|([0-9]+h[0-9]+m))$/, "must be hours and minutes such as 10h or 1h30m").optional(),
        reasons: z.array(z.enum(["Underutilized", "Empty", "Drifted"])).min(1).optional(),
    })
    .superRefine((b, ctx) => {
        if ((b.schedule === undefined) !== (b.duration === undefined)) {
            ctx.addIssue({ code: "custom", message: "schedule and duration must be set together" });
        }
        if (/^0+%?$/.test(b.nodes) && b.schedule === undefined) {
            ctx.addIssue({ code: "custom", message: 'a budget of "0" nodes needs a schedule: without one it blocks drift replacement (AMI and security updates) for good' });
        }
    });

export const nodePoolSchema = z
    .strictObject({
        capacityTypes: z.array(z.enum(["spot", "on-demand"])).min(1),
        architectures: z.array(z.enum(["amd64", "arm64"])).min(1).default(["amd64"]),
        /** Instance categories such as c, m, r, g (at least one of instanceCategories and instanceFamilies). */
        instanceCategories: z.array(z.string().regex(/^[a-z]{1,4}$/, "must be an instance category such as c, m, r or g")).min(1).optional(),
        /** Instance families such as c7i, m7g, g6. */
        instanceFamilies: z.array(z.string().regex(/^[a-z]+[0-9][a-z0-9-]*$/, "must be an instance family such as c7i, m7g or g6")).min(1).optional(),
        /** Oldest instance generation allowed. */
        minInstanceGeneration: z.number().int().min(1).max(20).optional(),
        /** Labels of the pool's nodes (the platform adds paved.io/node-pool: <pool name>). */
        labels: z
            .record(z.string(), labelValue)
            .superRefine((labels, ctx) => {
                for (const key of Object.keys(labels)) {
                    const problem = labelKeyProblem(key) ?? (key === "paved.io/node-pool" ? '"paved.io/node-pool" is set by the platform to the pool name' : undefined);
                    if (problem) {
                        ctx.addIssue({ code: "custom", message: problem });
                    }
                }
            })
            .default({}),
        /** Taints of the pool's nodes: only pods that tolerate them land there. */
        taints: z.array(z.strictObject({ key: labelKey, value: labelValue.optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]) })).default([]),
        /** The most the pool may provision; required, so no pool can grow without bound. */
        limits: z.strictObject({
            /** vCPUs. */
            cpu: z.number().int().min(1).max(100000),
            memory: z.string().regex(/^[1-9][0-9]*(Gi|Ti)$/, "must be a memory size in Gi or Ti such as 800Gi"),
            /** NVIDIA GPUs, for accelerated pools. */
            gpus: z.number().int().min(1).max(10000).optional(),
        }),
        disruption: z.strictObject({
            consolidationPolicy: z.enum(["WhenEmpty", "WhenEmptyOrUnderutilized"]),
            consolidateAfter: karpenterDuration,
            budgets: z.array(disruptionBudget).min(1).max(50),
        }),
        /** Maximum node age; at most 720h so nodes are recycled (and patched) every month. */
        expireAfter: karpenterDuration.refine((d) => !/^([0-9]+(s|m|h))+$/.test(d) || (durationSeconds(d) >= 3600 && durationSeconds(d) <= maximumNodeLifetimeHours * 3600), {
            message: `must be between 1h and ${maximumNodeLifetimeHours}h: nodes are replaced, and patched, at least every 30 days`,
        }),
        /** How long a draining node waits for its pods before it is terminated. */
        terminationGracePeriod: karpenterDuration.optional(),
        /** Preference among pools that fit a pod (1-100, higher first). */
        weight: z.number().int().min(1).max(100).optional(),
    })
    .superRefine((pool, ctx) => {
        if (!pool.instanceCategories && !pool.instanceFamilies) {
            ctx.addIssue({ code: "custom", message: "must set instanceCategories or instanceFamilies (which instances the pool may launch)" });
        }
    });

/** Karpenter: the controller's size, the node class and the node pools. */
export const karpenterSchema = z.strictObject({
    controller: z.strictObject({
        cpu: z.string().regex(/^([1-9][0-9]*m|[1-9][0-9]*)$/, "must be a CPU quantity such as 500m or 1"),
        memory: z.string().regex(/^[1-9][0-9]*(Mi|Gi)$/, "must be a memory quantity such as 512Mi or 1Gi"),
        logLevel: z.enum(["debug", "info", "error"]).default("info"),
    }),
    nodeClass: z.strictObject({
        /** Root (gp3, encrypted with the volumes key) volume of every Karpenter node. */
        rootVolumeGiB: z.number().int().min(20).max(2000),
    }),
    /** Node pools by name (lower-case DNS label; `system` is the managed node group's). */
    nodePools: z.record(z.string(), nodePoolSchema).superRefine((pools, ctx) => {
        const names = Object.keys(pools);
        if (names.length === 0 || names.length > 10) {
            ctx.addIssue({ code: "custom", message: "must define between 1 and 10 node pools" });
        }
        for (const name of names) {
            if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
                ctx.addIssue({ code: "custom", message: `${JSON.stringify(name)} is not a lower-case DNS label such as general or batch` });
            } else if (name === "system") {
                ctx.addIssue({ code: "custom", message: '"system" is the managed node group\'s pool name' });
            }
        }
    }),
});

/** Minimum automated-backup retention of a platform database (FSBP RDS.11); RDS allows at most 35. */
export const minimumBackupRetentionDays = 7;

/**
 * Temporal, which the catalog's TemporalNamespace claims run on: the operator, one cluster and its
 * RDS PostgreSQL database. Encryption, private placement, TLS, IAM authentication, log exports and
 * final snapshots are fixed by the component; a stack chooses only size, availability and retention.
 */
export const temporalSchema = z.strictObject({
    enabled: z.boolean(),
    /** History shards: fixed for the cluster's lifetime (changing it means a new cluster and database). */
    numHistoryShards: z.number().int().min(1).max(16384).default(512),
    database: z
        .strictObject({
            /** Medium or larger (Performance Insights needs it), Graviton or Intel, burstable or not. */
            instanceClass: z
                .string()
                .regex(/^db\.(t3|t4g|m6g|m6i|m7g|m7i|r6g|r6i|r7g|r7i)\.(medium|large|[0-9]*xlarge)$/, "must be an RDS instance class of medium size or larger such as db.t4g.medium or db.m7g.large"),
            allocatedStorageGiB: z.number().int().min(20).max(65536),
            /** Storage autoscaling ceiling. */
            maxAllocatedStorageGiB: z.number().int().min(20).max(65536),
            /** A standby in another availability zone (required in prod). */
            multiAz: z.boolean(),
            backupRetentionDays: z.number().int().min(minimumBackupRetentionDays).max(35),
            /** Required in prod. */
            deletionProtection: z.boolean(),
            /** Retention of the database's CloudWatch log groups. */
            logRetentionDays: logRetentionDays.default(365),
        })
        .superRefine((db, ctx) => {
            if (db.maxAllocatedStorageGiB < db.allocatedStorageGiB) {
                ctx.addIssue({ code: "custom", path: ["maxAllocatedStorageGiB"], message: `must be at least allocatedStorageGiB (${db.allocatedStorageGiB})` });
            }
        }),
});

/** A namespace name: a lower-case DNS label (RFC 1123), at most 63 characters. */
const dnsLabelPattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * One onboarded tenant (`paved:tenants.<namespace>`): the values its namespace's `owner`, `app` and
 * `cost-center` labels carry, which every claim in the namespace inherits (the `claim-labels`
 * admission policy). Each must be a Kubernetes label value and a non-empty claim label.
 */
export const tenantSchema = z.strictObject({
    /** The accountable team: a lower-case handle (2-63 chars; no '@', label values cannot hold it). */
    owner: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,61}[a-z0-9]$/, "must be a lower-case team handle usable as a label value such as claims-team (2-63 letters, digits, '.', '_', '-')"),
    /** The team's cost center, in the form of paved:costCenter (e.g. CC-4200-CLAIMS). */
    costCenter: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,30}[A-Z0-9]$/, "must be upper-case letters, digits and '-' usable as a label value such as CC-4200-CLAIMS (2-32 chars)"),
    /** The application; the namespace name when absent. */
    app: z.string().regex(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be lower-case letters, digits and '-' usable as a label value (at most 63)").optional(),
});

/** Why a tenant namespace name is refused, or undefined when it is fine. */
export function tenantNamespaceProblem(name: string, reserved: readonly string[]): string | undefined {
    if (!dnsLabelPattern.test(name)) return `${JSON.stringify(name)} is not a namespace name (a lower-case DNS label such as claims-service, at most 63 characters)`;
    if (reserved.includes(name)) return `${JSON.stringify(name)} is a platform namespace (reserved: ${reserved.join(", ")})`;
    if (name.startsWith("kube-")) return `${JSON.stringify(name)} starts with kube-, which Kubernetes reserves`;
    return undefined;
}

/**
 * `paved:tenants`: the onboarded tenant namespaces by name. The program creates each (labelled,
 * Pod Security restricted, default-deny plus DNS); Argo CD's `tenants` project may deploy to these
 * and no others; their claims inherit the owner, app, environment and cost-center labels.
 */
export const tenantsSchema = z.record(z.string(), tenantSchema).superRefine((tenants, ctx) => {
    for (const name of Object.keys(tenants)) {
        const problem = tenantNamespaceProblem(name, reservedNamespaces);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
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
    karpenter: karpenterSchema,
    temporal: temporalSchema,
    /** Kyverno admission of claims: what this environment allows each claim kind (admission-policies/config.ts). */
    admission: admissionSchema,
    /** The onboarded tenant namespaces (the golden path for a new team). */
    tenants: tenantsSchema,
});

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type StackConfigValues = z.output<typeof stackConfigSchema>;
export type NetworkConfig = StackConfigValues["network"];
export type ClusterConfig = StackConfigValues["cluster"];
export type IamConfig = StackConfigValues["iam"];
export type SecretsConfig = StackConfigValues["secrets"];
export type GitopsConfig = StackConfigValues["gitops"];
export type ObservabilityConfig = StackConfigValues["observability"];
export type KarpenterConfig = StackConfigValues["karpenter"];
export type TemporalConfig = StackConfigValues["temporal"];
export type AdmissionConfig = StackConfigValues["admission"];
export type TenantsConfig = StackConfigValues["tenants"];
