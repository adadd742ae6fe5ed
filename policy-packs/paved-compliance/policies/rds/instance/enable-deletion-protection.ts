import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * A database cannot be deleted until deletion protection is turned off first.
 * @severity medium
 * @frameworks fsbp:RDS.8
 */
export const enableDeletionProtection: ResourceValidationPolicy = {
    name: "aws-rds-instance-enable-deletion-protection",
    description: "RDS DB instances must have deletion protection enabled, so deleting one takes a deliberate, reviewed change first.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("RDS DB instances should have deletion protection enabled", "fsbp:RDS.8", "nist:CP-10"),
    remediationSteps: "Set deletionProtection: true (paved:temporal.database.deletionProtection). Environments where databases are disposable make this policy advisory in policy-packs/paved-compliance/config/<stack>.json.",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _, report) => {
        if (db.deletionProtection !== true) {
            report("deletionProtection is not true: one API call deletes the instance.");
        }
    }),
};
