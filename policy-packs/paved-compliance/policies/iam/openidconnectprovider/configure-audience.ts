import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * The GitHub Actions identity provider accepts tokens minted for AWS STS only.
 * @severity high
 * @frameworks nist-800-53:IA-2
 */
export const configureAudience: ResourceValidationPolicy = {
    name: "aws-iam-openidconnectprovider-configure-audience",
    description: "OIDC identity providers must list sts.amazonaws.com as their only client ID (audience), so tokens minted for other services cannot assume roles.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Identification and authentication (organizational users)", "nist:IA-2", "nist:IA-5"),
    remediationSteps: 'Set clientIdLists: ["sts.amazonaws.com"].',
    validateResource: validateResourceOfType(aws.iam.OpenIdConnectProvider, (provider, args, report) => {
        if (!String(provider.url).includes("token.actions.githubusercontent.com")) {
            args.notApplicable("not the GitHub Actions provider");
        }
        const audiences = provider.clientIdLists ?? [];
        if (audiences.length !== 1 || audiences[0] !== "sts.amazonaws.com") {
            report(`clientIdLists is ${JSON.stringify(audiences)}, not ["sts.amazonaws.com"].`);
        }
    }),
};
