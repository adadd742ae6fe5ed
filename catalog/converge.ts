/**
 * A stand-in for the cluster: what the providers and controllers would report for the resources a
 * render asks for, so tests can follow a claim through the reconciles it needs (Required patches
 * wait for status that only exists after the first apply). Deterministic: IDs derive from names.
 */
import { createHash } from "node:crypto";
import type { JsonObject, ObservedState, RenderOutput } from "../composition-renderer";
import { renderClaim, type ClaimRender, type RenderClaimOptions } from "./render";

type Obj = Record<string, any>;
const hex = (seed: string, n: number) => createHash("sha256").update(seed).digest("hex").slice(0, n);
const uuid = (seed: string) => {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const EXTERNAL_NAME = "crossplane.io/external-name";

/** What a provider or controller writes back for one applied resource. */
function observe(desired: JsonObject, accountId: string): { resource: JsonObject; connectionDetails: Record<string, string> } {
    const r: Obj = JSON.parse(JSON.stringify(desired, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
    const name: string = r.metadata.name;
    const group = String(r.apiVersion).split("/")[0];
    const kind: string = r.kind;
    const fp: Obj = r.spec?.forProvider ?? {};
    const region: string = fp.region ?? "eu-west-1";
    const ready = [
        { type: "Ready", status: "True", reason: "Available" },
        { type: "Synced", status: "True", reason: "ReconcileSuccess" },
    ];
    const details: Record<string, string> = {};
    if (group.endsWith(".aws.upbound.io")) {
        r.metadata.annotations = { ...r.metadata.annotations };
        const external = r.metadata.annotations[EXTERNAL_NAME] ?? name;
        r.metadata.annotations[EXTERNAL_NAME] = external;
        const at: Obj = { ...fp, id: external };
        const service = group.split(".")[0];
        switch (`${service}/${kind}`) {
            case "kms/Key": {
                const id = uuid(name);
                Object.assign(at, { id, keyId: id, arn: `arn:aws:kms:${region}:${accountId}:key/${id}` });
                break;
            }
            case "rds/Instance": {
                const address = `${external}.c${hex(name, 10)}.${region}.rds.amazonaws.com`;
                const secretArn = `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-${uuid(name)}-${hex(name, 6)}`;
                Object.assign(at, {
                    address,
                    endpoint: `${address}:5432`,
                    port: 5432,
                    arn: `arn:aws:rds:${region}:${accountId}:db:${external}`,
                    masterUserSecret: [{ secretArn, secretStatus: "active", kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${uuid(name + "/key")}` }],
                });
                Object.assign(details, { username: fp.username ?? "", endpoint: `${address}:5432`, address, port: "5432" });
                break;
            }
            case "sqs/Queue": {
                const queue = fp.name ?? external;
                Object.assign(at, { arn: `arn:aws:sqs:${region}:${accountId}:${queue}`, url: `https://sqs.${region}.amazonaws.com/${accountId}/${queue}` });
                break;
            }
            case "s3/Bucket":
                Object.assign(at, { arn: `arn:aws:s3:::${external}`, bucketRegionalDomainName: `${external}.s3.${region}.amazonaws.com` });
                break;
            case "elasticache/ReplicationGroup":
                Object.assign(at, {
                    arn: `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${external}`,
                    primaryEndpointAddress: `master.${external}.${hex(name, 6)}.euw1.cache.amazonaws.com`,
                    readerEndpointAddress: `replica.${external}.${hex(name, 6)}.euw1.cache.amazonaws.com`,
                });
                break;
            case "ec2/SecurityGroup":
                Object.assign(at, { id: `sg-${hex(name, 17)}`, arn: `arn:aws:ec2:${region}:${accountId}:security-group/sg-${hex(name, 17)}` });
                break;
            default:
                at.arn = `arn:aws:${service}:${region}:${accountId}:${kind.toLowerCase()}/${external}`;
        }
        r.status = { atProvider: at, conditions: ready };
    } else if (kind === "TemporalClusterClient") {
        r.status = { secretRef: { name: `${name}-mtls-certificate` }, serverName: `${name}.frontend.temporal.example.internal` };
    } else if (kind !== "NetworkPolicy") {
        r.status = { conditions: ready };
    }
    return { resource: r as JsonObject, connectionDetails: details };
}

/** Observed state after the resources of `out` were applied and reported back. */
export function observedAfter(out: RenderOutput, accountId = "123456789012"): ObservedState {
    const connectionDetails: Record<string, Record<string, string>> = {};
    const resources = out.resources.map((r) => {
        const o = observe(r.resource, accountId);
        connectionDetails[r.name] = o.connectionDetails;
        return o.resource;
    });
    return { resources, connectionDetails, compositeStatus: out.composite.status as JsonObject };
}

/**
 * Reconciles a claim until its desired state stops changing (at most `max` renders): each render's
 * resources are "applied" and observed, its XR status becomes the observed XR status.
 */
export function converge(claim: unknown, options: RenderClaimOptions, max = 6): ClaimRender & { reconciles: number } {
    let render = renderClaim(claim, options);
    let previous = fingerprint(render.output);
    for (let i = 1; i < max; i++) {
        const next = renderClaim(claim, { ...options, observed: observedAfter(render.output), compositeName: String((render.input.metadata as Obj).name) });
        const fp = fingerprint(next.output);
        render = next;
        if (fp === previous) return { ...render, reconciles: i + 1 };
        previous = fp;
    }
    return { ...render, reconciles: max };
}

function fingerprint(out: RenderOutput): string {
    const status = { ...(out.composite.status as Obj) };
    delete status.conditions;
    return JSON.stringify({ names: out.resources.map((r) => r.name), status }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}
