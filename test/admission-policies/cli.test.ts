import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policiesDir } from "../../admission-policies";
import { labelledCopy } from "../helpers/golden-path";
import { repositoryRoot } from "../helpers/stacks";
import { pavedInProcess } from "../helpers/in-process-cli";

const paved = pavedInProcess;

const example = (api: string, file: string) => path.join(repositoryRoot, "catalog", api, "examples", file);

describe("paved admit / paved test-policies", function () {
    this.timeout(120_000);
    let tmp: string;
    before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-admit-"))));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("admit: exit 0 when every object is admitted (the reference claim with golden-path labels, in dev)", async () => {
        const r = await paved("admit", labelledCopy(example("postgresql", "reference-claim.yaml"), tmp), labelledCopy(example("sqs-queue", "queue.yaml"), tmp));
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /CREATE PostgreSQLInstance claims-service\/claims-service-db: admitted/);
        assert.match(r.stdout, /2 admitted, 0 denied \(stack dev, 6 policies\)\n$/);
    });

    it("admit: the reference claim unchanged is admitted in dev (its namespace claims-service is onboarded: labels inherited) and denied in prod for its class, not its labels", async () => {
        const dev = await paved("admit", example("postgresql", "reference-claim.yaml"));
        assert.equal(dev.code, 0, dev.stdout);
        assert.match(dev.stdout, /CREATE PostgreSQLInstance claims-service\/claims-service-db: admitted/);
        const prod = await paved("admit", example("postgresql", "reference-claim.yaml"), "--stack", "prod");
        assert.equal(prod.code, 1, prod.stdout);
        assert.match(prod.stdout, /denied: Policy postgresqlinstance-claims failed: spec\.parameters\.instanceClass db\.t3\.medium is not allowed in prod/);
        assert.doesNotMatch(prod.stdout, /claim-labels failed/);
    });

    it("admit: exit 1 when any is denied, each denial naming the policy and the rule; --stack picks the policies", async () => {
        const elsewhere = path.join(tmp, "not-onboarded.yaml");
        fs.writeFileSync(elsewhere, fs.readFileSync(example("postgresql", "reference-claim.yaml"), "utf8").replace("namespace: claims-service", "namespace: not-onboarded"));
        const r = await paved("admit", elsewhere, labelledCopy(example("sqs-queue", "queue.yaml"), tmp));
        assert.equal(r.code, 1);
        assert.match(r.stdout, /denied: Policy claim-labels failed: PostgreSQLInstance is missing the required labels: owner, app, environment, cost-center \(set them on the claim or onboard the namespace in paved:tenants; namespace not-onboarded does not carry them\)/);
        assert.match(r.stdout, /1 admitted, 1 denied/);
        const prod = await paved("admit", labelledCopy(example("postgresql", "reference-claim.yaml"), tmp, "prod"), "--stack", "prod");
        assert.equal(prod.code, 1);
        assert.match(prod.stdout, /Policy postgresqlinstance-claims failed: spec\.parameters\.instanceClass db\.t3\.medium is not allowed in prod/);
        const hardened = await paved("admit", labelledCopy(example("postgresql", "hardened-claim.yaml"), tmp, "prod"), "--stack", "prod");
        assert.equal(hardened.code, 0, hardened.stdout);
    });

    it("admit: a claim without a namespace is judged in default, as kubectl sends it", async () => {
        const file = path.join(tmp, "no-namespace.yaml");
        fs.writeFileSync(file, fs.readFileSync(labelledCopy(example("sqs-queue", "queue.yaml"), tmp), "utf8").replace(/\n  namespace: fulfilment/, ""));
        const r = await paved("admit", file);
        assert.equal(r.code, 0, r.stdout);
        assert.match(r.stdout, /SQSQueue default\/order-events: admitted/);
    });

    for (const [name, argv, message] of [
        ["no file", ["admit"], /no resource file given/],
        ["missing file", ["admit", "/nonexistent/claim.yaml"], /cannot read file/],
        ["unknown stack", ["admit", example("sqs-queue", "queue.yaml"), "--stack", "qa"], /no stack "qa"/],
        ["unknown flag", ["admit", example("sqs-queue", "queue.yaml"), "--operation", "UPDATE"], /unknown option --operation/],
        ["no folder", ["test-policies"], /no folder given/],
        ["no suite", ["test-policies", path.join(repositoryRoot, "cli")], /no kyverno-test\.yaml found/],
    ] as const) {
        it(`bad usage (${name}): exit 2, one message, nothing on stdout`, async () => {
            const r = await paved(...argv);
            assert.equal(r.code, 2, r.stdout + r.stderr);
            assert.equal(r.stdout, "");
            assert.match(r.stderr, message);
            assert.equal(r.stderr.trim().split("\n").length >= 1 && !/\n\s+at /.test(r.stderr), true, "no stack trace");
        });
    }

    it("test-policies: exit 0 on the committed suites of both stacks, 1 when a case is not as expected", async () => {
        const ok = await paved("test-policies", path.join(policiesDir, "dev"), path.join(policiesDir, "prod"));
        assert.equal(ok.code, 0, ok.stdout);
        assert.match(ok.stdout, /\d+ passed, 0 failed in 12 suites\n$/);
        const copy = path.join(tmp, "broken");
        fs.cpSync(path.join(policiesDir, "dev", "claim-labels"), copy, { recursive: true });
        const policy = path.join(copy, "claim-labels.yaml");
        fs.writeFileSync(policy, fs.readFileSync(policy, "utf8").replace("expression: variables.environment == 'dev'", "expression: variables.environment == 'prod'"));
        const bad = await paved("test-policies", copy);
        assert.equal(bad.code, 1);
        assert.match(bad.stdout, /expected: {2}pass\n {4}got: {7}fail/);
    });
});
