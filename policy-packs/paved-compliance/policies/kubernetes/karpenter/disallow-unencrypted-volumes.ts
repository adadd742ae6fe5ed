import type { ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { validateResourceOfTypes } from "../../typed-validation";
import { ec2NodeClassSpec, ec2NodeClassType } from "./ec2nodeclass";

/**
 * Every EBS volume of every node Karpenter launches is encrypted with a customer-managed key.
 * @severity high
 * @frameworks fsbp:EC2.3, fsbp:EC2.181
 */
export const disallowEc2NodeClassUnencryptedVolumes: ResourceValidationPolicy = {
    name: "kubernetes-karpenter-ec2nodeclass-disallow-unencrypted-volumes",
    description: "Karpenter EC2NodeClasses must map their volumes explicitly and encrypt every EBS volume with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Attached Amazon EBS volumes should be encrypted at-rest", "fsbp:EC2.3", "fsbp:EC2.181", "nist:SC-28"),
    remediationSteps: "Add spec.blockDeviceMappings with ebs { encrypted: true, kmsKeyID: <platform volumes key ARN> } for the root device (and every other device).",
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    validateResource: validateResourceOfTypes([ec2NodeClassType], (args, report) => {
        const spec = ec2NodeClassSpec(args);
        if (!spec) {
            return;
        }
        const { requireCustomerManagedKey } = args.getConfig<{ requireCustomerManagedKey: boolean }>();
        const mappings = spec.blockDeviceMappings ?? [];
        if (mappings.length === 0) {
            report("spec.blockDeviceMappings is not set: the root volume falls back to the AMI family's default, unencrypted unless the account enforces EBS encryption.");
        }
        mappings.forEach((m, i) => {
            const device = `blockDeviceMappings[${i}] (${m.deviceName ?? "no device name"})`;
            if (String(m.ebs?.encrypted) !== "true") {
                report(`${device}: ebs.encrypted is not true.`);
            } else if (requireCustomerManagedKey && !m.ebs?.kmsKeyID) {
                report(`${device}: ebs.kmsKeyID is not set (encrypted with the AWS-managed key, not a customer-managed one).`);
            }
        });
    }),
};
