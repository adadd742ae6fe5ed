import * as assert from "node:assert/strict";
import * as path from "node:path";
import { UserInputError } from "../../cli/errors";
import { runProgram } from "../../offline-engine/run-program";
import { remoteComponentTypes } from "../../offline-engine/remote-component-outputs";
import { one, repositoryRoot, stackGraph } from "../helpers/stacks";

const fixture = (name: string) => path.join(repositoryRoot, "test", "fixtures", "programs", name);

describe("offline engine: running a program", () => {
    it("records URNs with the whole parent type chain, as the real engine builds them", async () => {
        const g = await stackGraph("dev");
        const lt = one(g, "aws:ec2/launchTemplate:LaunchTemplate");
        assert.equal(lt.urn, "urn:pulumi:dev::paved::paved:cluster:Cluster$paved:cluster:SystemNodeGroup$aws:ec2/launchTemplate:LaunchTemplate::cluster-system-nodes");
        assert.equal(lt.parent, one(g, "paved:cluster:SystemNodeGroup").urn);
        assert.equal(one(g, "paved:network:Network").parent, one(g, "pulumi:pulumi:Stack").urn);
    });

    it("records the explicit provider of every AWS resource and the providers components pass on", async () => {
        const g = await stackGraph("dev");
        const aws = one(g, "pulumi:providers:aws");
        for (const r of g.resources.filter((x) => x.type.startsWith("aws:"))) {
            assert.equal(r.provider, aws.urn, `${r.urn} uses the platform provider`);
        }
        assert.deepEqual(one(g, "eks:index:Cluster").providers, { aws: aws.urn });
        assert.deepEqual(JSON.parse(String(aws.inputs.defaultTags)), { tags: { Owner: "platform-team", App: "paved", Environment: "dev", CostCenter: "CC-4100-PLATFORM" } });
    });

    it("marks remote components as remote (no children offline)", async () => {
        const g = await stackGraph("dev");
        const remote = g.resources.filter((r) => r.remote).map((r) => r.type).sort();
        assert.deepEqual(remote, ["awsx:ec2:Vpc", "eks:index:Cluster"]);
        assert.ok(remote.every((t) => remoteComponentTypes.has(t)));
        assert.ok(!g.resources.some((r) => r.parent === one(g, "eks:index:Cluster").urn && r.type.startsWith("aws:")));
    });

    it("is deterministic: two runs give the same graph", async () => {
        const a = await runProgram({ programPath: repositoryRoot, stack: "prod" });
        const b = await runProgram({ programPath: repositoryRoot, stack: "prod" });
        assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
    });

    it("fakes every output the platform reads: no input is unknown in dev or prod", async () => {
        for (const stack of ["dev", "prod"]) {
            const g = await stackGraph(stack);
            assert.deepEqual(g.resources.flatMap((r) => r.unknownInputs.map((p) => `${r.urn}: ${p}`)), []);
            assert.deepEqual(g.invokes.filter((i) => !i.faked), []);
        }
    });

    it("leaves an output it cannot fake unknown, as a real preview would, and says where", async () => {
        const g = await runProgram({ programPath: fixture("unknown-output"), stack: "dev" });
        const logs = one(g, "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual(logs.unknownInputs, ["kmsKeyId"]);
    });

    it("runs programs with top-level code again on every call", async () => {
        const a = await runProgram({ programPath: fixture("unguarded-app"), stack: "dev" });
        const b = await runProgram({ programPath: fixture("unguarded-app"), stack: "dev" });
        assert.equal(a.resources.length, 4);
        assert.equal(b.resources.length, 4);
        assert.equal(a.stackOutputs.keyArn, b.stackOutputs.keyArn);
    });

    it("reports a crashing program with its message and location, exit 2, no stack trace", async () => {
        await assert.rejects(runProgram({ programPath: fixture("crashing-app"), stack: "dev" }), (e: unknown) => {
            assert.ok(e instanceof UserInputError);
            assert.equal(e.exitCode, 2);
            assert.equal(e.message, "program failed: cannot use arn:aws:kms (at index.ts:5:11)");
            return true;
        });
    });

    it("rejects an unknown stack or program path with a usage error naming the flag", async () => {
        await assert.rejects(runProgram({ programPath: repositoryRoot, stack: "staging" }), /--stack: no stack "staging" .*stacks here: dev, prod/);
        await assert.rejects(runProgram({ programPath: "/nonexistent/app", stack: "dev" }), /^UserInputError: --program: \/nonexistent\/app does not exist/);
        await assert.rejects(runProgram({ programPath: repositoryRoot, stack: "../etc" }), /--stack: "..\/etc" is not a stack name/);
    });
});
