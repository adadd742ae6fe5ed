import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Databases run a synchronous standby in a second availability zone.
 * @severity medium
 * @frameworks fsbp:RDS.5
 */
export const enableMultiAz: ResourceValidationPolicy = {
    name: "aws-rds-instance-enable-multi-az",
    description: "RDS DB instances must be Multi-AZ, so a zone failure does not take the database down.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("RDS DB instances should be configured with multiple Availability Zones", "fsbp:RDS.5", "nist:CP-10"),
    remediationSteps: "Set multiAz: true (paved:temporal.database.multiAz). Environments where a single zone is acceptable make this policy advisory in policy-packs/paved-compliance/config/<stack>.json.",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _, report) => {
        if (db.multiAz !== true) {
            report("multiAz is not true: the instance lives in one availability zone.");
        }
    }),
};
