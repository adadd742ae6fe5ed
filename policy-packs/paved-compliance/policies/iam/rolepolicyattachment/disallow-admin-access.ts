import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/** AWS managed policies that amount to administration. */
export const administrativePolicies = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

interface Config {
    allowedRolePattern: string;
}

/**
 * Only the break-glass role and the pipeline's deploy role hold administrative managed policies.
 * @severity critical
 * @frameworks nist-800-53:AC-6(5)
 */
export const disallowAdminAccess: ResourceValidationPolicy = {
    name: "aws-iam-rolepolicyattachment-disallow-admin-access",
    description: "AdministratorAccess, PowerUserAccess and IAMFullAccess may be attached only to the break-glass and deploy roles.",
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls("Least privilege: privileged accounts", "nist:AC-6(5)", "cisEks:4.1.1"),
    remediationSteps: "Grant a controller the actions it needs in an inline policy (see components/<add-on>/iam.ts); administration goes through the break-glass role.",
    configSchema: { properties: { allowedRolePattern: { type: "string", default: "-(break-glass|deploy)$" } } },
    validateResource: validateResourceOfType(aws.iam.RolePolicyAttachment, (attachment, args, report) => {
        const policy = String(attachment.policyArn).split("/").pop() ?? "";
        if (!administrativePolicies.includes(policy)) {
            return;
        }
        if (!new RegExp(args.getConfig<Config>().allowedRolePattern).test(String(attachment.role))) {
            report(`attaches ${policy} to role ${String(attachment.role)}, which is neither the break-glass nor the deploy role.`);
        }
    }),
};
