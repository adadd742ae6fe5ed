import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { managedPolicyArn, partitionOf } from "../iam-documents";
import { deployRoleTrust, githubTokenHost, humanRoleTrust, permissionsBoundaryDocument, previewRoleTrust } from "./documents";

export * from "./documents";

export interface IamBaselineArgs {
    /** Prefix of every name: `paved-prod` gives `paved-prod-deploy`. */
    namePrefix: string;
    accountId: pulumi.Input<string>;
    region: string;
    github: {
        repository: string;
        deployBranch: string;
        /** Workflow file the deploy role is restricted to, e.g. `.github/workflows/deploy.yml`. */
        deployWorkflow?: string;
        /** ARN of an existing GitHub OIDC provider (one per account); created when absent. */
        existingOidcProviderArn?: string;
    };
    breakGlassPrincipalArns: string[];
    auditorPrincipalArns: string[];
    tags: Record<string, string>;
}

/**
 * The answer to "who can change production?": a permissions boundary on every platform role, the
 * GitHub Actions OIDC provider, a read-only preview role for pull requests and a deploy role for
 * the main branch only, a break-glass admin role and an auditor role for named humans.
 */
export class IamBaseline extends pulumi.ComponentResource {
    public readonly permissionsBoundaryArn: pulumi.Output<string>;
    public readonly deployRoleArn: pulumi.Output<string>;
    public readonly previewRoleArn: pulumi.Output<string>;
    public readonly breakGlassRoleArn: pulumi.Output<string>;
    public readonly auditorRoleArn: pulumi.Output<string>;

    constructor(name: string, args: IamBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("paved:iam-baseline:IamBaseline", name, {}, opts);
        const partition = partitionOf(args.region);
        const account = pulumi.output(args.accountId);
        const boundaryName = `${args.namePrefix}-permissions-boundary`;
        const deployRoleName = `${args.namePrefix}-deploy`;
        // Names are fixed so the boundary and the deploy role can refer to each other without a cycle.
        const boundaryArn = account.apply((a) => `arn:${partition}:iam::${a}:policy/${boundaryName}`);
        const deployArn = account.apply((a) => `arn:${partition}:iam::${a}:role/${deployRoleName}`);

        const boundary = new aws.iam.Policy(
            `${name}-boundary`,
            {
                name: boundaryName,
                description: "Permissions boundary of every role the paved platform creates",
                policy: pulumi
                    .all([account, boundaryArn, deployArn])
                    .apply(([accountId, b, d]) => JSON.stringify(permissionsBoundaryDocument({ accountId, region: args.region, boundaryArn: b, deployRoleArn: d }))),
                tags: args.tags,
            },
            { parent: this },
        );
        this.permissionsBoundaryArn = boundary.arn;

        const oidcProviderArn = args.github.existingOidcProviderArn
            ? pulumi.output(args.github.existingOidcProviderArn)
            : new aws.iam.OpenIdConnectProvider(
                  `${name}-github`,
                  { url: `https://${githubTokenHost}`, clientIdLists: ["sts.amazonaws.com"], tags: args.tags },
                  { parent: this },
              ).arn;

        const role = (suffix: string, description: string, trust: pulumi.Input<string>, managedPolicies: string[], roleName?: string) => {
            const r = new aws.iam.Role(
                `${name}-${suffix}`,
                {
                    ...(roleName ? { name: roleName } : { name: `${args.namePrefix}-${suffix}` }),
                    description,
                    assumeRolePolicy: trust,
                    permissionsBoundary: boundary.arn,
                    maxSessionDuration: 3600,
                    tags: args.tags,
                },
                { parent: this },
            );
            for (const policy of managedPolicies) {
                new aws.iam.RolePolicyAttachment(`${name}-${suffix}-${policy}`, { role: r.name, policyArn: managedPolicyArn(args.region, policy) }, { parent: this });
            }
            return r;
        };

        const github = { repository: args.github.repository };
        this.previewRoleArn = role(
            "preview",
            `Read-only: pulumi preview from pull requests of ${args.github.repository}`,
            oidcProviderArn.apply((arn) => JSON.stringify(previewRoleTrust({ ...github, oidcProviderArn: arn }))),
            ["ReadOnlyAccess"],
        ).arn;
        this.deployRoleArn = role(
            "deploy",
            `pulumi up from ${args.github.repository}@${args.github.deployBranch} only`,
            oidcProviderArn.apply((arn) =>
                JSON.stringify(deployRoleTrust({ ...github, oidcProviderArn: arn, branch: args.github.deployBranch, workflow: args.github.deployWorkflow })),
            ),
            ["AdministratorAccess"],
            deployRoleName,
        ).arn;
        this.breakGlassRoleArn = role("break-glass", "Emergency administration by named humans; cluster-admin on EKS", JSON.stringify(humanRoleTrust(args.breakGlassPrincipalArns, "NamedBreakGlassOperators")), [
            "AdministratorAccess",
        ]).arn;
        this.auditorRoleArn = role("auditor", "Read-only and security-audit access for auditors; view access on EKS", JSON.stringify(humanRoleTrust(args.auditorPrincipalArns, "NamedAuditors")), [
            "ReadOnlyAccess",
            "SecurityAudit",
        ]).arn;

        this.registerOutputs({
            permissionsBoundaryArn: this.permissionsBoundaryArn,
            deployRoleArn: this.deployRoleArn,
            previewRoleArn: this.previewRoleArn,
            breakGlassRoleArn: this.breakGlassRoleArn,
            auditorRoleArn: this.auditorRoleArn,
        });
    }
}
