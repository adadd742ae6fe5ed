// The EnvironmentConfig `paved render --stack S` uses is the one the program installs for S (read
// from the offline graph), it has the contract's shape, and the catalog renders compliant against it.
import * as assert from "node:assert/strict";
import { environmentFromGraph } from "../../catalog/environment";
import { environmentConfigName } from "../../components/crossplane/environment-config";
import { main } from "../../cli/main";
import { parseManifests } from "../../manifest-validator";
import { repositoryRoot, stackGraph } from "../helpers/stacks";
import * as os from "node:os";
import * as path from "node:path";
import { labelledCopy } from "../helpers/golden-path";
import { catalog, env as fixtureEnv } from "./helpers/catalog";
import { converge } from "../../catalog/converge";
import { invariantViolations } from "../../catalog/invariants";

function keyTree(o: unknown): unknown {
    if (Array.isArray(o)) return "list";
    if (o && typeof o === "object") return Object.fromEntries(Object.keys(o).sort().map((k) => [k, keyTree((o as Record<string, unknown>)[k])]));
    return typeof o === "bigint" ? "number" : typeof o;
}

describe("catalog: the environment of a stack (paved render --stack)", () => {
    for (const stack of ["dev", "prod"]) {
        describe(stack, () => {
            let environment: Record<string, any>;
            before(async () => {
                environment = environmentFromGraph(await stackGraph(stack)) as Record<string, any>;
            });

            it(`is the EnvironmentConfig ${environmentConfigName} the program installs, shaped like the test fixture (the contract)`, () => {
                assert.equal(environment.kind, "EnvironmentConfig");
                assert.equal(environment.metadata.name, environmentConfigName);
                assert.deepEqual(keyTree(environment.data), keyTree(fixtureEnv));
                assert.equal(environment.data.tags.Environment, stack);
            });

            it("every example claim converges to compliant resources against it", () => {
                for (const api of catalog.apis) {
                    for (const ex of api.examples) {
                        assert.deepEqual(invariantViolations(converge(ex.object, { environment: environment as any }), environment.data), [], ex.file);
                    }
                }
            });
        });
    }

    it("paved render --stack prod renders a production claim (labelled, admitted in prod) against prod's EnvironmentConfig", async () => {
        let stdout = "";
        const write = process.stdout.write.bind(process.stdout);
        const writeErr = process.stderr.write.bind(process.stderr);
        process.stdout.write = ((s: string) => ((stdout += s), true)) as typeof process.stdout.write;
        let stderr = "";
        process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
        let code: number;
        try {
            // The reference claim (a dev-sized database on the standard composition) is denied by prod's admission policies.
            code = await main(["render", labelledCopy(path.join(repositoryRoot, "catalog", "postgresql", "examples", "hardened-claim.yaml"), os.tmpdir(), "prod"), "--stack", "prod"]);
        } finally {
            process.stdout.write = write;
            process.stderr.write = writeErr;
        }
        assert.equal(code, 0, stderr);
        const prod = environmentFromGraph(await stackGraph("prod")) as Record<string, any>;
        const rds = (parseManifests(stdout) as any[]).find((d) => d.kind === "Instance");
        assert.equal(rds.spec.forProvider.tags.Environment, "prod");
        assert.equal(rds.spec.forProvider.monitoringRoleArn, prod.data.aws.rdsMonitoringRoleArn);
        assert.equal(rds.spec.forProvider.backupRetentionPeriod, 35n);
        assert.deepEqual((parseManifests(stdout) as any[]).find((d) => d.kind === "SubnetGroup").spec.forProvider.subnetIds, prod.data.aws.dataSubnetIds);
    });
});
