import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Databases are reachable from inside the VPC only.
 * @severity critical
 * @frameworks fsbp:RDS.2
 */
export const disallowPublicAccess: ResourceValidationPolicy = {
    name: "aws-rds-instance-disallow-public-access",
    description: "RDS DB instances must not be publicly accessible: no public endpoint, reachable from inside the VPC only.",
    enforcementLevel: "mandatory",
    severity: "critical",
    ...implementsControls("RDS DB instances should prohibit public access, as determined by the PubliclyAccessible configuration", "fsbp:RDS.2", "nist:SC-7"),
    remediationSteps: "Set publiclyAccessible: false (the default) and place the instance in the isolated data subnets through a DB subnet group.",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _, report) => {
        if (db.publiclyAccessible === true) {
            report("publiclyAccessible is true: the instance gets a public endpoint.");
        }
    }),
};
