import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/** Log types each engine must export (FSBP RDS.9 parameters; RDS.36 for PostgreSQL). */
export const requiredLogExports: { engine: RegExp; logs: string[] }[] = [
    { engine: /^postgres/, logs: ["postgresql", "upgrade"] },
    { engine: /^(mysql|mariadb)/, logs: ["audit", "error", "general", "slowquery"] },
    { engine: /^oracle/, logs: ["alert", "audit", "trace", "listener"] },
    { engine: /^sqlserver/, logs: ["error", "agent"] },
];

/**
 * Database logs go to CloudWatch Logs, where retention and encryption are the platform's.
 * @severity medium
 * @frameworks fsbp:RDS.9, fsbp:RDS.36
 */
export const enableLogExports: ResourceValidationPolicy = {
    name: "aws-rds-instance-enable-log-exports",
    description: "RDS DB instances must publish their engine's logs to CloudWatch Logs (for PostgreSQL: postgresql and upgrade).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("RDS DB instances should publish logs to CloudWatch Logs", "fsbp:RDS.9", "fsbp:RDS.36", "nist:AU-12"),
    remediationSteps: "Set enabledCloudwatchLogsExports to the engine's log types and pre-create /aws/rds/instance/<identifier>/<type> log groups with retention and the logs KMS key (components/temporal does).",
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _, report) => {
        const exported = db.enabledCloudwatchLogsExports ?? [];
        const rule = requiredLogExports.find((r) => r.engine.test(db.engine ?? ""));
        if (!rule) {
            if (exported.length === 0) {
                report("enabledCloudwatchLogsExports is empty: no database log reaches CloudWatch.");
            }
            return;
        }
        const missing = rule.logs.filter((l) => !exported.includes(l));
        if (missing.length > 0) {
            report(`enabledCloudwatchLogsExports is missing ${missing.join(", ")} (engine ${db.engine}).`);
        }
    }),
};
