import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { asList, statementsOf } from "../../iam/documents";

/** Condition keys that confine a wildcard principal to one account or organization. */
const confiningKeys = ["kms:calleraccount", "aws:principalaccount", "aws:principalorgid", "aws:sourceaccount", "aws:sourceowner"];

/**
 * Key policies never let principals outside the account use the key.
 * @severity critical
 * @frameworks fsbp:KMS.5
 */
export const disallowPublicAccess: ResourceValidationPolicy = {
    name: "aws-kms-key-disallow-public-access",
    description: 'KMS key policies must not allow a "*" principal unless a condition confines it to the account or organization.',
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls("KMS keys should not be publicly accessible", "fsbp:KMS.5"),
    remediationSteps: 'Name the principals, or add StringEquals {"kms:CallerAccount": "<account>"} (and kms:ViaService for service use) to statements with a wildcard principal.',
    validateResource: validateResourceOfType(aws.kms.Key, (key, _, report) => {
        if (key.policy === undefined) {
            return; // the default key policy grants the account root only
        }
        const statements = statementsOf(key.policy);
        if (typeof statements === "string") {
            report(`policy: ${statements}.`);
            return;
        }
        statements.forEach((s, i) => {
            const principals = s.Principal === "*" ? ["*"] : asList(typeof s.Principal === "object" ? s.Principal.AWS : undefined);
            if (s.Effect !== "Allow" || !principals.includes("*")) {
                return;
            }
            const keys = Object.values(s.Condition ?? {}).flatMap((kv) => Object.keys(kv).map((k) => k.toLowerCase()));
            if (!keys.some((k) => confiningKeys.includes(k))) {
                report(`Statement[${i}]${s.Sid ? ` (${s.Sid})` : ""} allows any principal without confining it to the account (kms:CallerAccount, aws:PrincipalAccount or aws:PrincipalOrgID).`);
            }
        });
    }),
};
