import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { remoteComponentOutputs } from "./remote-component-outputs";

/**
 * Deterministic stand-ins for the cloud: every resource gets the outputs real providers would
 * return (IDs, ARNs, names, endpoints), derived from its type and logical name only, so two runs of
 * the same program produce the same graph and no input that reads an output silently goes missing.
 */
export interface FakeCloudContext {
    region: string;
    accountId: string;
    partition?: string;
}

export type OutputSynthesizer = (r: FakeResource, ctx: Required<FakeCloudContext>) => Record<string, unknown>;

export interface FakeResource {
    type: string;
    name: string;
    inputs: Record<string, any>;
    /** Physical name: `inputs.name` when given, otherwise auto-named like Pulumi (`<logical>-<7 hex>`). */
    physicalName: string;
    /** A stable hex digest of type and name, for IDs. */
    digest: string;
}

/** ID prefixes AWS uses for EC2-style resources. */
const idPrefixes: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
};

/** Per-type outputs beyond the generic id/arn/name. */
const synthesizers: Record<string, OutputSynthesizer> = {
    "aws:kms/key:Key": (r, c) => {
        const keyId = uuidFrom(r.digest);
        return { id: keyId, keyId, arn: arn(c, "kms", `key/${keyId}`) };
    },
    "aws:kms/alias:Alias": (r, c) => ({ id: r.inputs.name, arn: arn(c, "kms", r.inputs.name), targetKeyArn: arn(c, "kms", `key/${r.inputs.targetKeyId}`) }),
    "aws:cloudwatch/logGroup:LogGroup": (r, c) => ({ id: r.physicalName, name: r.physicalName, arn: arn(c, "logs", `log-group:${r.physicalName}`) }),
    "aws:iam/role:Role": (r, c) => ({
        id: r.physicalName,
        name: r.physicalName,
        arn: `arn:${c.partition}:iam::${c.accountId}:role${r.inputs.path ?? "/"}${r.physicalName}`,
        uniqueId: `AROA${r.digest.slice(0, 17).toUpperCase()}`,
    }),
    "aws:iam/policy:Policy": (r, c) => {
        const policyArn = `arn:${c.partition}:iam::${c.accountId}:policy${r.inputs.path ?? "/"}${r.physicalName}`;
        return { id: policyArn, arn: policyArn, name: r.physicalName, policyId: `ANPA${r.digest.slice(0, 17).toUpperCase()}` };
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (r, c) => {
        const host = String(r.inputs.url ?? "").replace(/^https:\/\//, "");
        const providerArn = `arn:${c.partition}:iam::${c.accountId}:oidc-provider/${host}`;
        return { id: providerArn, arn: providerArn };
    },
    "aws:iam/rolePolicy:RolePolicy": (r) => ({ id: `${r.inputs.role}:${r.physicalName}`, name: r.physicalName }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (r) => ({ id: `${r.inputs.role}-${r.digest.slice(0, 8)}` }),
    "aws:ec2/launchTemplate:LaunchTemplate": (r, c) => ({ latestVersion: 1, defaultVersion: 1, arn: arn(c, "ec2", `launch-template/lt-${r.digest.slice(0, 17)}`) }),
    "aws:ec2/tag:Tag": (r) => ({ id: `${r.inputs.resourceId},${r.inputs.key}` }),
    "aws:eks/addon:Addon": (r, c) => ({
        id: `${r.inputs.clusterName}:${r.inputs.addonName}`,
        arn: arn(c, "eks", `addon/${r.inputs.clusterName}/${r.inputs.addonName}/${uuidFrom(r.digest)}`),
        addonVersion: r.inputs.addonVersion ?? "v0.0.0-eksbuild.1",
    }),
    "aws:eks/nodeGroup:NodeGroup": (r, c) => ({
        id: `${r.inputs.clusterName}:${r.physicalName}`,
        nodeGroupName: r.physicalName,
        arn: arn(c, "eks", `nodegroup/${r.inputs.clusterName}/${r.physicalName}/${uuidFrom(r.digest)}`),
        status: "ACTIVE",
    }),
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": (r, c) => {
        const associationId = `a-${r.digest.slice(0, 17)}`;
        return { id: `${r.inputs.clusterName},${associationId}`, associationId, associationArn: arn(c, "eks", `podidentityassociation/${r.inputs.clusterName}/${associationId}`) };
    },
    "aws:eks/accessEntry:AccessEntry": (r, c) => ({ id: `${r.inputs.clusterName}:${r.inputs.principalArn}`, accessEntryArn: arn(c, "eks", `access-entry/${r.inputs.clusterName}/${r.digest.slice(0, 12)}`) }),
    "aws:sqs/queue:Queue": (r, c) => ({
        id: `https://sqs.${c.region}.amazonaws.com/${c.accountId}/${r.physicalName}`,
        url: `https://sqs.${c.region}.amazonaws.com/${c.accountId}/${r.physicalName}`,
        name: r.physicalName,
        arn: `arn:${c.partition}:sqs:${c.region}:${c.accountId}:${r.physicalName}`,
    }),
    "aws:cloudwatch/eventRule:EventRule": (r, c) => ({ id: r.physicalName, name: r.physicalName, arn: arn(c, "events", `rule/${r.physicalName}`) }),
    "aws:secretsmanager/secret:Secret": (r, c) => {
        const secretArn = arn(c, "secretsmanager", `secret:${r.physicalName}-${r.digest.slice(0, 6)}`);
        return { id: secretArn, arn: secretArn, name: r.physicalName };
    },
    "aws:rds/instance:Instance": (r, c) => {
        const identifier = typeof r.inputs.identifier === "string" ? r.inputs.identifier : r.physicalName;
        const host = `${identifier}.${r.digest.slice(0, 12)}.${c.region}.rds.amazonaws.com`;
        // RDS names the master-user secret it manages `rds!db-<resource id>` (Secrets Manager adds a suffix).
        const masterUserSecrets = r.inputs.manageMasterUserPassword
            ? [{ secretArn: arn(c, "secretsmanager", `secret:rds!db-${uuidFrom(r.digest)}-${r.digest.slice(32, 38)}`), secretStatus: "active", kmsKeyId: r.inputs.masterUserSecretKmsKeyId ?? "" }]
            : [];
        return {
            id: identifier,
            address: host,
            endpoint: `${host}:${r.inputs.port ?? 5432}`,
            port: r.inputs.port ?? 5432,
            identifier,
            resourceId: `db-${r.digest.slice(0, 26).toUpperCase()}`,
            arn: arn(c, "rds", `db:${identifier}`),
            masterUserSecrets,
        };
    },
    "aws:rds/parameterGroup:ParameterGroup": (r, c) => ({ id: r.physicalName, name: r.physicalName, arn: arn(c, "rds", `pg:${r.physicalName}`) }),
    "aws:rds/subnetGroup:SubnetGroup": (r, c) => ({ id: r.physicalName, name: r.physicalName, arn: arn(c, "rds", `subgrp:${r.physicalName}`) }),
    ...remoteComponentOutputs,
};

/** A `pulumi.runtime.Mocks` implementation backed by the synthesizers above. */
export function fakeCloud(context: FakeCloudContext): pulumi.runtime.Mocks {
    const ctx: Required<FakeCloudContext> = { partition: "aws", ...context };
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
            const inputs = args.inputs ?? {};
            if (args.type.startsWith("pulumi:providers:")) {
                return { id: `${args.name}-provider-id`, state: inputs };
            }
            const resource = fakeResource(args.type, args.name, inputs);
            const outputs = { ...genericOutputs(resource, ctx), ...synthesizers[args.type]?.(resource, ctx) };
            const id = typeof outputs.id === "string" ? outputs.id : undefined;
            // Remote components are not custom resources; they have no ID.
            return { id: args.custom === false ? undefined : id, state: { ...inputs, ...outputs } };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
            return invokeResult(args.token, args.inputs ?? {}, ctx);
        },
    };
}

export function fakeResource(type: string, name: string, inputs: Record<string, any>): FakeResource {
    const digest = createHash("sha256").update(`${type}\u0000${name}`).digest("hex");
    const physicalName = typeof inputs.name === "string" && inputs.name !== "" ? inputs.name : `${name}-${digest.slice(0, 7)}`;
    return { type, name, inputs, physicalName, digest };
}

function genericOutputs(r: FakeResource, c: Required<FakeCloudContext>): Record<string, unknown> {
    const [pkg, moduleAndType] = r.type.split(":");
    const service = (moduleAndType ?? "").split("/")[0];
    const prefix = idPrefixes[r.type];
    const id = prefix ? `${prefix}-${r.digest.slice(0, 17)}` : r.physicalName;
    if (pkg !== "aws") {
        return { id };
    }
    const resourceType = r.type.split(":").pop()!.toLowerCase();
    return { id, name: r.physicalName, arn: arn(c, service, `${resourceType}/${prefix ? id : r.physicalName}`), tagsAll: { ...(r.inputs.tags ?? {}) } };
}

function arn(c: Required<FakeCloudContext>, service: string, resource: string): string {
    const global = service === "iam" || service === "s3";
    return `arn:${c.partition}:${service}:${global ? "" : c.region}:${service === "s3" ? "" : c.accountId}:${resource}`;
}

function uuidFrom(digest: string): string {
    return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}

/** Functions with a faked result; any other echoes its inputs and is flagged in the graph. */
export const knownFunctions = new Set([
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getRegion:getRegion",
    "aws:index/getPartition:getPartition",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
]);

/** Function (invoke) results the platform reads. Unknown functions echo their inputs. */
function invokeResult(token: string, inputs: Record<string, any>, c: Required<FakeCloudContext>): Record<string, any> {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: c.accountId, arn: `arn:${c.partition}:sts::${c.accountId}:assumed-role/paved-preview/offline`, userId: "AROAOFFLINEPREVIEW:offline", id: c.accountId };
        case "aws:index/getRegion:getRegion":
            return { name: c.region, region: c.region, id: c.region, description: c.region, endpoint: `ec2.${c.region}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
            return { partition: c.partition, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: c.partition };
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const names = ["a", "b", "c", "d", "e", "f"].map((s) => `${c.region}${s}`);
            return { names, zoneIds: names.map((_, i) => `${c.region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`), id: c.region };
        }
        default:
            return inputs;
    }
}
