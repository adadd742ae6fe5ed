import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

const everywhere = new Set(["0.0.0.0/0", "::/0"]);

interface Config {
    loadBalancerTagKey: string;
    loadBalancerTagValue: string;
}

/**
 * No ingress from the whole internet, except HTTPS (443/tcp) on security groups that belong to load balancers.
 * @severity high
 * @frameworks fsbp:EC2.18, fsbp:EC2.19
 */
export const disallowPublicIngress: ResourceValidationPolicy = {
    name: "aws-ec2-securitygroup-disallow-public-ingress",
    description: "Security groups must not allow ingress from 0.0.0.0/0 or ::/0, except HTTPS (443/tcp) on groups tagged as load-balancer groups.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Security groups should only allow unrestricted incoming traffic for authorized ports", "fsbp:EC2.18", "fsbp:EC2.19", "cisEks:5.4.5"),
    remediationSteps: "Restrict the source to known CIDRs or security groups. A public load balancer's group may open 443/tcp to the internet when tagged with the load-balancer tag (default paved.io/load-balancer=true).",
    configSchema: {
        properties: {
            loadBalancerTagKey: { type: "string", default: "paved.io/load-balancer" },
            loadBalancerTagValue: { type: "string", default: "true" },
        },
    },
    validateResource: [
        validateResourceOfType(aws.ec2.SecurityGroup, (sg, args, report) => {
            const lb = isLoadBalancerGroup(sg.tags, args.getConfig<Config>());
            (sg.ingress ?? []).forEach((rule, i) => {
                const open = [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])].find((c) => everywhere.has(c));
                if (open && !(lb && isHttpsOnly(rule.protocol, rule.fromPort, rule.toPort))) {
                    report(`ingress[${i}] allows ${describe(rule.protocol, rule.fromPort, rule.toPort)} from ${open}${lb ? " (load-balancer groups may only open 443/tcp)" : ""}.`);
                }
            });
        }),
        validateResourceOfType(aws.ec2.SecurityGroupRule, (rule, _, report) => {
            if (rule.type !== "ingress") {
                return;
            }
            const open = [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])].find((c) => everywhere.has(c));
            if (open) {
                report(`ingress rule allows ${describe(rule.protocol, rule.fromPort, rule.toPort)} from ${open}; aws.ec2.SecurityGroupRule has no tags, so use a tagged aws.vpc.SecurityGroupIngressRule for a load balancer.`);
            }
        }),
        validateResourceOfType(aws.vpc.SecurityGroupIngressRule, (rule, args, report) => {
            const open = [rule.cidrIpv4, rule.cidrIpv6].find((c) => c !== undefined && everywhere.has(c));
            if (open && !(isLoadBalancerGroup(rule.tags, args.getConfig<Config>()) && isHttpsOnly(rule.ipProtocol, rule.fromPort, rule.toPort))) {
                report(`ingress rule allows ${describe(rule.ipProtocol, rule.fromPort, rule.toPort)} from ${open}.`);
            }
        }),
    ],
};

function isLoadBalancerGroup(tags: Record<string, string> | undefined, config: Config): boolean {
    return tags?.[config.loadBalancerTagKey] === config.loadBalancerTagValue;
}

function isHttpsOnly(protocol: string | undefined, from: number | undefined, to: number | undefined): boolean {
    return (protocol === "tcp" || protocol === "6") && from === 443 && to === 443;
}

function describe(protocol: string | undefined, from: number | undefined, to: number | undefined): string {
    if (protocol === "-1" || protocol === "all") {
        return "all traffic";
    }
    return from === to ? `${protocol}/${from}` : `${protocol}/${from}-${to}`;
}
