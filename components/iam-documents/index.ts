/** Typed IAM policy documents, built by pure functions so tests can parse and check them without mocks. */

export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Principal?: "*" | Record<string, string | string[]>;
    Action: string | string[];
    Resource?: string | string[];
    Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Trust policy for a role assumed by an AWS service. With `sourceAccount` it is scoped to this
 * account (confused-deputy guard) — for services that send `aws:SourceAccount`; EC2 does not.
 */
export function serviceTrustPolicy(service: string, options: { sourceAccount?: string; actions?: string[] } = {}): PolicyDocument {
    return policyDocument({
        Effect: "Allow",
        Principal: { Service: service },
        Action: options.actions ?? ["sts:AssumeRole"],
        ...(options.sourceAccount ? { Condition: { StringEquals: { "aws:SourceAccount": options.sourceAccount } } } : {}),
    });
}

export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) {
        return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

export function managedPolicyArn(region: string, name: string): string {
    return `arn:${partitionOf(region)}:iam::aws:policy/${name}`;
}
