import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { getProject, getStack } from "@pulumi/pulumi/runtime/settings";
import type * as pulumi from "@pulumi/pulumi";
import { rootStackType, type RecordedInvoke, type RecordedResource } from "./graph";

/** Collects what the program registers, in registration order. */
export class Recorder {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    private readonly byUrn = new Map<string, RecordedResource>();

    add(r: RecordedResource): void {
        this.resources.push(r);
        this.byUrn.set(r.urn, r);
    }

    get(urn: string): RecordedResource | undefined {
        return this.byUrn.get(urn);
    }
}

/**
 * The SDK's mock monitor, extended to record what the real engine would see: parent, provider,
 * dependencies and resource options, and URNs that carry the whole parent type chain as the real
 * engine builds them (the stock mock keeps only the last parent type).
 */
export class RecordingMonitor extends MockMonitor {
    constructor(
        mocks: pulumi.runtime.Mocks,
        private readonly recorder: Recorder,
        private readonly knownFunction: (token: string) => boolean,
    ) {
        super(mocks);
        // The stock monitor's URN scheme is private; replace it with the engine's.
        (this as unknown as { newUrn: (parent: string, type: string, name: string) => string }).newUrn = engineUrn;
    }

    override async registerResource(req: any, callback: (err: any, response: any) => void): Promise<void> {
        await super.registerResource(req, (err: any, response: any) => {
            if (!err) {
                this.recorder.add(recordOf(req, response.getUrn()));
            }
            callback(err, response);
        });
    }

    override registerResourceOutputs(req: any, callback: (err: any, response: any) => void): void {
        const recorded = this.recorder.get(req.getUrn());
        if (recorded && req.getOutputs()) {
            recorded.outputs = toPolicyValue(req.getOutputs().toJavaScript(), "", []) as Record<string, unknown>;
        }
        super.registerResourceOutputs(req, callback);
    }

    override async invoke(req: any, callback: (err: any, response: any) => void): Promise<void> {
        const token: string = req.getTok();
        if (token !== "pulumi:pulumi:getResource") {
            this.recorder.invokes.push({ token, faked: this.knownFunction(token) });
        }
        return super.invoke(req, callback);
    }
}

/** `urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>`; the root stack is not part of the chain. */
function engineUrn(parent: string, type: string, name: string): string {
    let qualified = type;
    if (parent) {
        const parentType = parent.split("::")[2];
        if (parentType !== rootStackType) {
            qualified = `${parentType}$${type}`;
        }
    }
    return `urn:pulumi:${getStack()}::${getProject()}::${qualified}::${name}`;
}

function recordOf(req: any, urn: string): RecordedResource {
    const unknownInputs: string[] = [];
    const raw = req.getObject() ? req.getObject().toJavaScript() : {};
    const inputs = toPolicyValue(raw, "", unknownInputs) as Record<string, unknown>;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const providers: Record<string, string> = {};
    req.getProvidersMap().forEach((ref: string, pkg: string) => {
        providers[pkg] = providerUrn(ref);
    });
    const timeouts = req.getCustomtimeouts();
    return {
        urn,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        remote: req.getRemote(),
        parent: req.getParent() || undefined,
        inputs,
        provider: req.getProvider() ? providerUrn(req.getProvider()) : undefined,
        providers,
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        protect: req.hasProtect() ? req.getProtect() : false,
        retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : false,
        ignoreChanges: req.getIgnorechangesList(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        aliases: req.getAliasurnsList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        customTimeouts: {
            createSeconds: durationSeconds(timeouts?.getCreate()),
            updateSeconds: durationSeconds(timeouts?.getUpdate()),
            deleteSeconds: durationSeconds(timeouts?.getDelete()),
        },
        unknownInputs,
    };
}

/** A provider reference is `<urn>::<id>`. */
function providerUrn(ref: string): string {
    const i = ref.lastIndexOf("::");
    return i < 0 ? ref : ref.slice(0, i);
}

function durationSeconds(text: string | undefined): number {
    const m = /^(\d+(?:\.\d+)?)([smh])$/.exec(text ?? "");
    return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"] : 0;
}

/**
 * Wire values → what a policy sees: secrets unwrapped, resource references as their URN, assets as
 * descriptors, unknowns left as the engine's unknown sentinel (the policy proxy raises on them).
 */
function toPolicyValue(v: unknown, path: string, unknowns: string[]): unknown {
    if (v === rpc.unknownValue) {
        unknowns.push(path || "<root>");
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((e, i) => toPolicyValue(e, `${path}[${i}]`, unknowns));
    }
    if (v === null || typeof v !== "object") {
        return v;
    }
    const o = v as Record<string, unknown>;
    switch (o[rpc.specialSigKey]) {
        case rpc.specialSecretSig:
            return toPolicyValue(o.value, path, unknowns);
        case rpc.specialResourceSig:
            return o.urn;
        case rpc.specialOutputValueSig:
            if (!("value" in o)) {
                unknowns.push(path || "<root>");
                return rpc.unknownValue;
            }
            return toPolicyValue(o.value, path, unknowns);
        case rpc.specialAssetSig:
        case rpc.specialArchiveSig:
            return { ...o };
    }
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) {
        if (e !== undefined) {
            out[k] = toPolicyValue(e, path ? `${path}.${k}` : k, unknowns);
        }
    }
    return out;
}
