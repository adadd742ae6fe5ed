import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { asList, statementsOf, type Statement } from "../documents";

const githubHost = "token.actions.githubusercontent.com";

/**
 * Roles trusted by an OIDC identity provider name exactly who may assume them: for GitHub Actions
 * one repository (and its branch or event), never a wildcard subject.
 * @severity critical
 * @frameworks nist-800-53:AC-3, nist-800-53:IA-2
 */
export const disallowUnscopedOidcTrust: ResourceValidationPolicy = {
    name: "aws-iam-role-disallow-unscoped-oidc-trust",
    description: "Roles assumed through an OIDC provider must pin the token's audience and subject; GitHub Actions roles must name one repository with no wildcard.",
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls("Access enforcement", "nist:AC-3", "nist:IA-2"),
    remediationSteps: 'Add StringEquals conditions on <provider>:aud ("sts.amazonaws.com") and <provider>:sub ("repo:<owner>/<repo>:ref:refs/heads/main" or ":pull_request"); see components/iam-baseline/documents.ts.',
    validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
        const statements = statementsOf(role.assumeRolePolicy);
        if (typeof statements === "string") {
            report(`assumeRolePolicy: ${statements}.`);
            return;
        }
        const federated = statements.filter((s) => s.Effect === "Allow" && asList(typeof s.Principal === "object" ? s.Principal.Federated : undefined).length > 0);
        if (federated.length === 0) {
            args.notApplicable("not trusted by an identity provider");
        }
        for (const s of federated) {
            for (const provider of asList((s.Principal as Record<string, string | string[]>).Federated)) {
                const host = provider.split(":oidc-provider/")[1];
                if (!host) {
                    continue; // SAML providers are out of scope here
                }
                const problem = subjectProblem(s, host) ?? audienceProblem(s, host);
                if (problem) {
                    report(`${s.Sid ?? "a statement"} trusting ${host}: ${problem}`);
                }
            }
        }
    }),
};

function valuesOf(s: Statement, operator: string, key: string): string[] {
    return asList(s.Condition?.[operator]?.[key] as string | string[] | undefined);
}

function subjectProblem(s: Statement, host: string): string | undefined {
    const key = `${host}:sub`;
    const exact = valuesOf(s, "StringEquals", key);
    const like = valuesOf(s, "StringLike", key);
    if (exact.length + like.length === 0) {
        return `no condition on ${key}: any workload the provider issues tokens for may assume the role.`;
    }
    if (exact.some((v) => /[*?]/.test(v))) {
        return `StringEquals on ${key} contains a wildcard character.`;
    }
    if (host === githubHost) {
        const bad = [...exact, ...like].find((v) => !/^repo:[A-Za-z0-9-]+\/[A-Za-z0-9._-]+:[^*?]*\*?$/.test(v));
        return bad ? `subject "${bad}" does not name one repository (repo:<owner>/<name>:...) without wildcards.` : undefined;
    }
    return like.some((v) => /[*?]/.test(v)) ? `StringLike on ${key} allows wildcard subjects.` : undefined;
}

function audienceProblem(s: Statement, host: string): string | undefined {
    const key = `${host}:aud`;
    return valuesOf(s, "StringEquals", key).length === 0 ? `no StringEquals condition on ${key}.` : undefined;
}
