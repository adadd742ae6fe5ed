import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Every SQS queue encrypts messages at rest: SSE-SQS or a KMS key.
 * @severity medium
 * @frameworks fsbp:SQS.1
 */
export const enableEncryption: ResourceValidationPolicy = {
    name: "aws-sqs-queue-enable-encryption",
    description: "SQS queues must encrypt messages at rest, with SQS-managed keys (SSE-SQS) or a KMS key (SSE-KMS).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Amazon SQS queues should be encrypted at rest", "fsbp:SQS.1", "nist:SC-28"),
    remediationSteps:
        "Set sqsManagedSseEnabled: true, or kmsMasterKeyId to a platform KMS key whose key policy lets the sending services (e.g. events.amazonaws.com) use it.",
    validateResource: validateResourceOfType(aws.sqs.Queue, (queue, _, report) => {
        if (queue.sqsManagedSseEnabled !== true && !queue.kmsMasterKeyId) {
            report("neither sqsManagedSseEnabled nor kmsMasterKeyId is set: messages are not encrypted at rest by the program's choice.");
        }
    }),
};
