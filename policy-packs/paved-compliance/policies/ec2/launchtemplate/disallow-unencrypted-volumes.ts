import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Every EBS volume a launch template attaches is encrypted with a customer-managed key.
 * @severity high
 * @frameworks fsbp:EC2.181, fsbp:EC2.3
 */
export const disallowUnencryptedVolumes: ResourceValidationPolicy = {
    name: "aws-ec2-launchtemplate-disallow-unencrypted-volumes",
    description: "Launch templates must map their volumes explicitly and encrypt every EBS volume with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EC2 launch templates should enable encryption for attached EBS volumes", "fsbp:EC2.181", "fsbp:EC2.3", "nist:SC-28"),
    remediationSteps: 'Add blockDeviceMappings with ebs { encrypted: "true", kmsKeyId: <volumes key ARN> } for the root device.',
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, report) => {
        const { requireCustomerManagedKey } = args.getConfig<{ requireCustomerManagedKey: boolean }>();
        const mappings = (lt.blockDeviceMappings ?? []).filter((m) => m.ebs !== undefined);
        if (mappings.length === 0) {
            report("no EBS blockDeviceMappings: volume encryption falls back to the AMI and the account default.");
        }
        for (const m of mappings) {
            if (String(m.ebs?.encrypted) !== "true") {
                report(`${m.deviceName ?? "a device"}: ebs.encrypted is not "true".`);
            } else if (requireCustomerManagedKey && !m.ebs?.kmsKeyId) {
                report(`${m.deviceName ?? "a device"}: ebs.kmsKeyId is not set (encrypted with the AWS-managed key, not a customer-managed one).`);
            }
        }
    }),
};
