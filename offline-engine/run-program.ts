import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { UserInputError } from "../cli/errors";
import { fakeCloud, knownFunctions } from "./fake-cloud";
import type { ResourceGraph } from "./graph";
import { findProject, loadStackConfigFile } from "./project-files";
import { Recorder, RecordingMonitor } from "./recording-monitor";

// Runtime internals (stripped from the SDK's typings): swap in the recording monitor, drain pending RPCs.
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
const { getStore } = require("@pulumi/pulumi/runtime/state") as { getStore(): { settings: { monitor: unknown } } };

/** The account every offline run pretends to be in. */
export const offlineAccountId = "123456789012";

export interface RunProgramOptions {
    /** A folder with Pulumi.yaml / index.ts, or a program file. */
    programPath: string;
    stack: string;
    /** Config keys to set or replace after reading `Pulumi.<stack>.yaml` (tests use this). */
    configOverrides?: Record<string, string>;
    /** The whole config, used instead of `Pulumi.<stack>.yaml` (tests use this). */
    config?: Record<string, string>;
    /** Receives registrations; pass one to inspect what was registered even when the run fails. */
    recorder?: Recorder;
}

/** The program itself failed (not its config): message and the first frame in the program's code. */
export class ProgramError extends UserInputError {
    constructor(message: string) {
        super(message, 2);
        this.name = "ProgramError";
    }
}

/**
 * Runs a Pulumi TypeScript program in this process under mocks, as `pulumi preview` would run it,
 * and returns the recorded resource graph. Runs are sequential: the Pulumi runtime is global.
 */
export async function runProgram(options: RunProgramOptions): Promise<ResourceGraph> {
    try {
        return await runOnce(options, false);
    } catch (e) {
        if (!(e instanceof ProgramError)) {
            throw e;
        }
        // The fast run keeps no stack traces; run again with them to say where the program failed.
        return await runOnce({ ...options, recorder: undefined }, true);
    }
}

/**
 * One run. The SDK captures a stack trace for every promise it creates (leak diagnostics), which
 * source maps make expensive, so a run without `stackTraces` captures none.
 */
async function runOnce(options: RunProgramOptions, stackTraces: boolean): Promise<ResourceGraph> {
    const previousLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = stackTraces ? previousLimit : 0;
    try {
        return await run(options);
    } finally {
        Error.stackTraceLimit = previousLimit;
    }
}

async function run(options: RunProgramOptions): Promise<ResourceGraph> {
    const project = findProject(options.programPath);
    const configFile = options.config ? { config: options.config, secretKeys: [] } : loadStackConfigFile(project, options.stack);
    const config = { ...configFile.config, ...options.configOverrides };
    const region = config["aws:region"] ?? "us-east-1";

    pulumi.runtime.setAllConfig(config, configFile.secretKeys);
    const mocks = fakeCloud({ region, accountId: offlineAccountId });
    await pulumi.runtime.setMocks(mocks, project.name, options.stack, true);
    const recorder = options.recorder ?? new Recorder();
    getStore().settings.monitor = new RecordingMonitor(mocks, recorder, (token) => knownFunctions.has(token));

    forgetProgramModules(project.program);
    const failures: unknown[] = [];
    const onFailure = (e: unknown) => failures.push(e);
    process.on("unhandledRejection", onFailure);
    process.on("uncaughtException", onFailure);
    let stackOutputs: unknown = {};
    try {
        stackOutputs = await pulumi.runtime.runInPulumiStack(async () => {
            const loaded = require(project.program);
            const main = typeof loaded === "function" ? loaded : typeof loaded?.default === "function" ? loaded.default : undefined;
            return main ? await main() : loaded;
        });
        await waitForRPCs();
        // Let rejections of dangling applies surface while the handlers are still installed.
        for (let i = 0; i < 3; i++) {
            await new Promise((resolve) => setImmediate(resolve));
        }
    } catch (e) {
        failures.unshift(e);
    } finally {
        process.off("unhandledRejection", onFailure);
        process.off("uncaughtException", onFailure);
    }
    if (failures.length > 0) {
        throw asUserFacing(failures[0], project.dir);
    }
    return { project: project.name, stack: options.stack, resources: recorder.resources, invokes: recorder.invokes, stackOutputs: (stackOutputs ?? {}) as Record<string, unknown>, config };
}

/** Programs with top-level code must run again on each call: drop their modules from the cache. */
function forgetProgramModules(program: string): void {
    const programDir = path.dirname(program) + path.sep;
    const engineDir = __dirname + path.sep;
    for (const id of Object.keys(require.cache)) {
        if (id.startsWith(programDir) && !id.includes(`${path.sep}node_modules${path.sep}`) && !id.startsWith(engineDir)) {
            delete require.cache[id];
        }
    }
}

function asUserFacing(e: unknown, projectDir: string): Error {
    if (e instanceof UserInputError) {
        return e;
    }
    if (e instanceof pulumi.RunError) {
        // Programs report their own bad config this way (see stacks/config); show it as it is.
        return new UserInputError(e.message, 2);
    }
    const err = e instanceof Error ? e : new Error(String(e));
    const frame = (err.stack ?? "")
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l.includes(projectDir) && !l.includes("node_modules") && !l.includes(`${path.sep}offline-engine${path.sep}`));
    const location = frame ? /\(?([^()\s]+:\d+:\d+)\)?$/.exec(frame)?.[1] : undefined;
    const where = location ? ` (at ${path.relative(projectDir, location)})` : "";
    return new ProgramError(`program failed: ${err.message.split("\n")[0]}${where}`);
}
