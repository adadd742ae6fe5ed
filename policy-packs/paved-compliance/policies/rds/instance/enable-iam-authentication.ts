import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/** Engines that support IAM database authentication. */
const iamAuthEngines = /^(postgres|mysql|mariadb|aurora)/;

/**
 * Database users can authenticate with short-lived IAM tokens instead of stored passwords.
 * @severity medium
 * @frameworks fsbp:RDS.10
 */
export const enableIamAuthentication: ResourceValidationPolicy = {
    name: "aws-rds-instance-enable-iam-authentication",
    description: "RDS DB instances of engines that support it must enable IAM database authentication.",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("IAM authentication should be configured for RDS instances", "fsbp:RDS.10", "nist:IA-2"),
    remediationSteps: "Set iamDatabaseAuthenticationEnabled: true; grant rds-db:connect to the roles that should connect, and create their database users with the rds_iam role.",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, args, report) => {
        if (db.engine !== undefined && !iamAuthEngines.test(db.engine)) {
            args.notApplicable(`engine ${db.engine} does not support IAM database authentication`);
        }
        if (db.iamDatabaseAuthenticationEnabled !== true) {
            report("iamDatabaseAuthenticationEnabled is not true.");
        }
    }),
};
