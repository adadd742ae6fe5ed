import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

interface Device {
    deviceName?: string;
    encrypted?: boolean;
    kmsKeyId?: string;
}

/**
 * An instance's root and attached EBS volumes are encrypted with a customer-managed key.
 * @severity high
 * @frameworks fsbp:EC2.3
 */
export const disallowInstanceUnencryptedVolumes: ResourceValidationPolicy = {
    name: "aws-ec2-instance-disallow-unencrypted-volumes",
    description: "EC2 instances must encrypt their root and EBS block devices with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Attached Amazon EBS volumes should be encrypted at-rest", "fsbp:EC2.3", "nist:SC-28"),
    remediationSteps: "Set rootBlockDevice {encrypted: true, kmsKeyId} and the same on every ebsBlockDevices entry (or launch from a launch template that does).",
    validateResource: validateResourceOfType(aws.ec2.Instance, (instance, _, report) => {
        const devices: [string, Device | undefined][] = [["rootBlockDevice", instance.rootBlockDevice], ...(instance.ebsBlockDevices ?? []).map((d, i): [string, Device] => [`ebsBlockDevices[${i}]`, d])];
        if (!instance.rootBlockDevice && !instance.launchTemplate) {
            report("no rootBlockDevice and no launch template: the root volume follows the AMI and the account default.");
        }
        for (const [where, d] of devices) {
            if (d && d.encrypted !== true) {
                report(`${where} is not encrypted.`);
            } else if (d && !d.kmsKeyId) {
                report(`${where} is encrypted with the AWS-managed key, not a customer-managed one.`);
            }
        }
    }),
};
