import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

interface Config {
    minimumDays: number;
}

/**
 * Automated backups are kept at least as long as the pack config requires.
 * @severity medium
 * @frameworks fsbp:RDS.11
 */
export const configureBackupRetention: ResourceValidationPolicy = {
    name: "aws-rds-instance-configure-backup-retention",
    description: "RDS DB instances must keep automated backups for at least the minimum the pack config sets (7 days by default).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("RDS instances should have automatic backups enabled", "fsbp:RDS.11", "nist:CP-9"),
    remediationSteps: "Set backupRetentionPeriod to at least the minimum (paved:temporal.database.backupRetentionDays for Temporal; the catalog's Compositions fix their own).",
    configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } } },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, args, report) => {
        const { minimumDays } = args.getConfig<Config>();
        const days = db.backupRetentionPeriod;
        if (days === undefined || days === 0) {
            report("backupRetentionPeriod is not set (or 0): automated backups and point-in-time recovery are off.");
        } else if (days < minimumDays) {
            report(`backupRetentionPeriod is ${days}, below the minimum of ${minimumDays} days.`);
        }
    }),
};
