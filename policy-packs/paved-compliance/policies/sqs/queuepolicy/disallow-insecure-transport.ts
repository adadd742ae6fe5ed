import type { StackValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";
import { dependsOnAny } from "../../ec2/vpc/enable-flow-logs";
import { asList, statementsOf, type Statement } from "../../iam/documents";

const queueType = "aws:sqs/queue:Queue";
const queuePolicyType = "aws:sqs/queuePolicy:QueuePolicy";

/**
 * Every queue the program creates refuses requests that do not use TLS.
 * @severity medium
 * @frameworks nist-800-53:SC-8 (FSBP has no SQS transport control; S3.5 is its counterpart for buckets)
 */
export const disallowInsecureTransport: StackValidationPolicy = {
    name: "aws-sqs-queuepolicy-disallow-insecure-transport",
    description: "Every SQS queue must have a queue policy that denies every request made without TLS (aws:SecureTransport = false).",
    enforcementLevel: "mandatory",
    severity: "medium",
    ...implementsControls("Transmission confidentiality and integrity: refuse requests that do not use TLS", "nist:SC-8", "nist:SC-8(1)"),
    remediationSteps:
        'Create an aws.sqs.QueuePolicy with queueUrl from the queue and a statement { Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: <queue ARN>, Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
    validateStack: (args, report) => {
        const policies = args.resources.filter((r) => r.type === queuePolicyType);
        for (const queue of args.resources.filter((r) => r.type === queueType)) {
            // Linked through the dependency graph: the queue URL itself is unknown before the queue exists.
            const attached = policies.filter((p) => dependsOnAny(p, "queueUrl", new Set([queue.urn])));
            const documents = [...attached.map((p) => p.props.policy), ...(queue.props.policy !== undefined ? [queue.props.policy] : [])];
            if (documents.length === 0) {
                report(`queue ${queue.name} has no queue policy (no aws.sqs.QueuePolicy takes its queueUrl), so nothing refuses requests without TLS.`, queue.urn);
            } else if (!documents.some(deniesInsecureTransport)) {
                report(`queue ${queue.name}: no queue policy denies sqs:* to everyone when aws:SecureTransport is false.`, queue.urn);
            }
        }
    },
};

/** A Deny of every SQS action, for every principal, when the request is not over TLS. */
export function deniesInsecureTransport(document: unknown): boolean {
    const statements = statementsOf(document);
    return typeof statements !== "string" && statements.some((s) => s.Effect === "Deny" && everyone(s) && allSqsActions(s) && onlyWithoutTls(s));
}

function everyone(s: Statement): boolean {
    const p = s.Principal;
    return p === "*" || (typeof p === "object" && p !== null && asList(p.AWS).includes("*"));
}

function allSqsActions(s: Statement): boolean {
    return asList(s.Action).some((a) => a === "*" || a.toLowerCase() === "sqs:*");
}

function onlyWithoutTls(s: Statement): boolean {
    const value = s.Condition?.Bool?.["aws:SecureTransport"];
    return (Array.isArray(value) ? value : [value]).some((v) => String(v).toLowerCase() === "false");
}
