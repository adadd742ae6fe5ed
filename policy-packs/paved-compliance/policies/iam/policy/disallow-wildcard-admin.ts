import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { asList, statementsOf } from "../documents";

/**
 * No customer-managed or inline IAM policy grants every action on every resource.
 * @severity critical
 * @frameworks fsbp:IAM.1
 */
export const disallowWildcardAdmin: ResourceValidationPolicy = {
    name: "aws-iam-policy-disallow-wildcard-admin",
    description: 'IAM policies the program writes must not allow "*" actions on "*" resources (full administrative privileges).',
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls('IAM policies should not allow full "*" administrative privileges', "fsbp:IAM.1", "cisEks:4.1.3"),
    remediationSteps: "Grant the actions each controller needs on the resources it manages (see components/<add-on>/iam.ts); administration goes through the break-glass role only.",
    validateResource: [
        validateResourceOfType(aws.iam.Policy, (p, _, report) => check(p.policy, report)),
        validateResourceOfType(aws.iam.RolePolicy, (p, _, report) => check(p.policy, report)),
        validateResourceOfType(aws.iam.UserPolicy, (p, _, report) => check(p.policy, report)),
        validateResourceOfType(aws.iam.GroupPolicy, (p, _, report) => check(p.policy, report)),
    ],
};

function check(document: unknown, report: (m: string) => void): void {
    const statements = statementsOf(document);
    if (typeof statements === "string") {
        report(`${statements}: it cannot be reviewed.`);
        return;
    }
    statements.forEach((s, i) => {
        if (s.Effect !== "Allow") {
            return;
        }
        const allActions = asList(s.Action).includes("*") || asList(s.NotAction).length > 0;
        const allResources = asList(s.Resource).includes("*") || asList(s.NotResource).length > 0;
        if (allActions && allResources) {
            report(`Statement[${i}]${s.Sid ? ` (${s.Sid})` : ""} allows ${s.NotAction ? "NotAction" : '"*"'} on ${s.NotResource ? "NotResource" : '"*"'}.`);
        }
    });
}
