// `paved render`: exit codes (0 rendered, 1 claim rejected, 2 bad usage), one clear message per
// problem naming the field and the rule, no stack traces, and nothing on stdout unless everything rendered.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import { repositoryRoot } from "../helpers/stacks";
import { environment } from "./helpers/catalog";
import { observedAfter } from "../../catalog/converge";
import { renderClaim } from "../../catalog/render";
import { parseManifests } from "../../manifest-validator";
import { labelledCopy } from "../helpers/golden-path";
import { pavedInProcess } from "../helpers/in-process-cli";

const envFile = path.join(__dirname, "fixtures", "environment.yaml");
const referenceExample = path.join(repositoryRoot, "catalog", "postgresql", "examples", "reference-claim.yaml");
const bucketExampleFile = path.join(repositoryRoot, "catalog", "s3-bucket", "examples", "bucket.yaml");
// Render judges claims with the stack's admission policies too: the examples as the golden path submits them (labelled).
let reference: string;
let bucketExample: string;

const paved = pavedInProcess;

describe("paved render", () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-render-"));
        reference = labelledCopy(referenceExample, tmp);
        bucketExample = labelledCopy(bucketExampleFile, tmp);
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        const file = path.join(tmp, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    };
    it("renders the reference claim (with the golden-path labels dev admission asks for): exit 0, the XR then its composed resources as a YAML stream, the waiting ExternalSecret reported on stderr", async () => {
        const r = await paved("render", reference, "--environment", envFile);
        assert.equal(r.code, 0, r.stderr);
        const docs = parseManifests(r.stdout) as any[];
        assert.deepEqual(
            docs.map((d) => d.kind),
            ["XPostgreSQLInstance", "Key", "NetworkPolicy", "Instance", "SecurityGroup", "SecurityGroupIngressRule", "SubnetGroup"],
        );
        assert.equal(docs[0].metadata.labels["crossplane.io/claim-namespace"], "claims-service");
        assert.match(r.stderr, /^paved render: .*reference-claim\.yaml: PostgreSQLInstance\/claims-service-db: Warning \(patch-and-transform\): not adding new composed resource "credentials"/);
    });

    it("--format json prints one List of the same objects, integers as numbers", async () => {
        const r = await paved("render", reference, bucketExample, "--environment", envFile, "--format", "json");
        assert.equal(r.code, 0, r.stderr);
        const list = JSON.parse(r.stdout);
        assert.equal(list.kind, "List");
        assert.equal(list.items.filter((i: any) => i.kind === "XPostgreSQLInstance" || i.kind === "XS3Bucket").length, 2);
        assert.equal(list.items.find((i: any) => i.kind === "Instance").spec.forProvider.allocatedStorage, 50);
    });

    it("--observed DIR: with what the cluster reports, the next reconcile composes the ExternalSecret too", async () => {
        // Two reconciles' worth of observed state, as `kubectl get -o yaml` would show it.
        let out = renderClaim(parseManifests(fs.readFileSync(reference, "utf8"))[0], { environment }).output;
        let observed = observedAfter(out);
        out = renderClaim(parseManifests(fs.readFileSync(reference, "utf8"))[0], { environment, observed }).output;
        observed = observedAfter(out);
        const dir = path.join(tmp, "observed");
        write("observed/xr.yaml", YAML.stringify({ ...out.composite, status: observed.compositeStatus }));
        observed.resources!.forEach((r, i) => write(`observed/resource-${i}.yaml`, YAML.stringify(r)));
        const r = await paved("render", reference, "--environment", envFile, "--observed", dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, "");
        const docs = parseManifests(r.stdout) as any[];
        const es = docs.find((d) => d.kind === "ExternalSecret");
        assert.equal(es.metadata.namespace, "claims-service");
        assert.match(es.spec.data[0].remoteRef.key, /^arn:aws:secretsmanager:/);
        assert.equal(docs[0].metadata.name, out.composite.metadata && (out.composite.metadata as any).name);
    });

    it("a claim its XRD refuses: exit 1, each field and rule named, nothing printed even for the valid claim beside it", async () => {
        const bad = write(
            "bad-claim.yaml",
            fs.readFileSync(reference, "utf8").replace("storageGB: 50", "storageGB: 5").replace("instanceClass: db.t3.medium", "instanceClass: db.x1e.32xlarge").replace("multiAZ: true", "multiAZ: true\n    color: blue"),
        );
        const r = await paved("render", bucketExample, bad, "--environment", envFile);
        assert.equal(r.code, 1);
        assert.equal(r.stdout, "");
        assert.equal(
            r.stderr,
            [
                `paved render: ${bad}: PostgreSQLInstance/claims-service-db is rejected by its schema:`,
                "  - spec.parameters.color: unknown field",
                "  - spec.parameters.storageGB: must be >= 20",
                '  - spec.parameters.instanceClass: must be one of ["db.t3.micro", "db.t3.small", "db.t3.medium", "db.t4g.small", "db.t4g.medium", "db.m6g.large", "db.m6g.xlarge", "db.m7g.large", "db.m7g.xlarge", "db.r6g.large", "db.r6g.xlarge", "db.r7g.large", "db.r7g.xlarge"]',
                "",
            ].join("\n"),
        );
    });

    it("a Composition the catalog does not have: exit 1 naming compositionRef", async () => {
        const bad = write("unknown-composition.yaml", fs.readFileSync(reference, "utf8").replace("name: postgresql-aws-standard", "name: postgresql-aws-cheap"));
        const r = await paved("render", bad, "--environment", envFile);
        assert.equal(r.code, 1);
        // Admission refuses it before the catalog would (an unknown Composition is not an approved one).
        assert.match(r.stderr, /Composition postgresql-aws-cheap is not approved for dev: set spec\.compositionRef\.name to postgresql-aws-standard/);
    });

    it("the reference claim unchanged, --stack dev: exit 0 and the compliant database (claims-service is onboarded, the claim inherits its labels)", async () => {
        const r = await paved("render", referenceExample, "--stack", "dev");
        assert.equal(r.code, 0, r.stderr);
        const docs = parseManifests(r.stdout) as any[];
        assert.deepEqual(docs.map((d) => d.kind), ["XPostgreSQLInstance", "Key", "NetworkPolicy", "Instance", "SecurityGroup", "SecurityGroupIngressRule", "SubnetGroup"]);
        const fp = docs.find((d) => d.kind === "Instance").spec.forProvider;
        assert.deepEqual([fp.storageEncrypted, fp.publiclyAccessible, fp.multiAz, fp.deletionProtection, fp.instanceClass, fp.allocatedStorage], [true, false, true, true, "db.t3.medium", 50n]);
        assert.ok(fp.backupRetentionPeriod >= 7n);
        assert.deepEqual(Object.keys(fp.tags).sort(), ["App", "CostCenter", "Environment", "Owner"]);
        assert.equal(fp.tags.Environment, "dev");
        assert.equal(docs.find((d) => d.kind === "NetworkPolicy").metadata.namespace, "claims-service");
    });

    it("the reference claim unchanged, --stack prod: exit 1, nothing on stdout, the prod rule named (labels inherited, but a production class and the hardened composition are required)", async () => {
        const r = await paved("render", referenceExample, "--stack", "prod");
        assert.equal(r.code, 1);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, /PostgreSQLInstance\/claims-service-db is denied by the admission policies of stack prod:\n  - Policy postgresqlinstance-claims failed: spec\.parameters\.instanceClass db\.t3\.medium is not allowed in prod \(allowed: db\.m6g\.large/);
        assert.doesNotMatch(r.stderr, /claim-labels/, "its labels come from the onboarded namespace in prod too");
    });

    it("a claim the stack's admission policies deny: exit 1 naming the policy and the rule, nothing on stdout", async () => {
        const elsewhere = write("not-onboarded.yaml", fs.readFileSync(referenceExample, "utf8").replace("namespace: claims-service", "namespace: not-onboarded"));
        const unlabelled = await paved("render", elsewhere, "--environment", envFile);
        assert.equal(unlabelled.code, 1);
        assert.equal(unlabelled.stdout, "");
        assert.match(unlabelled.stderr, /is denied by the admission policies of stack dev:\n  - Policy claim-labels failed: PostgreSQLInstance is missing the required labels: owner, app, environment, cost-center \(set them on the claim or onboard the namespace in paved:tenants; namespace not-onboarded does not carry them\)/);
        const big = write("big-claim.yaml", fs.readFileSync(reference, "utf8").replace("storageGB: 50", "storageGB: 500"));
        const r = await paved("render", big, "--environment", envFile);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /Policy postgresqlinstance-claims failed: spec\.parameters\.storageGB 500 is above the maximum of 100 in dev/);
    });

    it("a kind the catalog does not serve: exit 1", async () => {
        const bad = write("unknown-kind.yaml", "apiVersion: platform.example.com/v1alpha1\nkind: MongoDB\nmetadata: {name: m, namespace: a}\nspec: {}\n");
        const r = await paved("render", bad, "--environment", envFile);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /MongoDB\/m: apiVersion\/kind: platform\.example\.com\/v1alpha1 MongoDB is not a catalog API \(served: /);
    });

    const usage: [string, () => string[], RegExp][] = [
        ["no file", () => ["render"], /needs at least one file/],
        ["unknown flag", () => ["render", reference, "--stacks", "dev"], /unknown option --stacks/],
        ["unknown format", () => ["render", reference, "--environment", envFile, "--format", "xml"], /--format: "xml" is not one of yaml, json/],
        ["missing file", () => ["render", path.join(tmp, "nope.yaml"), "--environment", envFile], /nope\.yaml: cannot read \(ENOENT\)/],
        ["bad YAML", () => ["render", write("broken.yaml", "kind: [\n"), "--environment", envFile], /broken\.yaml: invalid YAML/],
        ["--stack with --environment", () => ["render", reference, "--stack", "dev", "--environment", envFile], /give one of them, not both/],
        ["--xrd without --composition", () => ["render", reference, "--xrd", reference], /--xrd: only with --composition/],
        ["--observed not a directory", () => ["render", reference, "--environment", envFile, "--observed", reference], /--observed: .* is not a directory/],
        ["--environment not an EnvironmentConfig", () => ["render", reference, "--environment", reference], /is not an EnvironmentConfig/],
    ];
    for (const [name, argv, message] of usage) {
        it(`bad usage (${name}): exit 2, one message, nothing on stdout`, async () => {
            const r = await paved(...argv());
            assert.equal(r.code, 2, r.stderr);
            assert.equal(r.stdout, "");
            assert.match(r.stderr, message);
            assert.doesNotMatch(r.stderr, /\n\s+at /, "stack trace");
        });
    }

    describe("--composition: any XR (or claim of --xrd) through a Composition outside the catalog", () => {
        const composition = path.join(repositoryRoot, "catalog", "s3-bucket", "composition-standard.yaml");
        const xrd = path.join(repositoryRoot, "catalog", "s3-bucket", "definition.yaml");
        const xr = (params: string) => `apiVersion: platform.example.com/v1alpha1\nkind: XS3Bucket\nmetadata:\n  name: scratch\nspec:\n  parameters: ${params}\n`;

        it("renders an XR with no claim: the platform's Owner/App tags stand in for the claim's", async () => {
            const r = await paved("render", write("xr.yaml", xr("{}")), "--composition", composition, "--environment", envFile);
            assert.equal(r.code, 0, r.stderr);
            const docs = parseManifests(r.stdout) as any[];
            assert.deepEqual(docs.find((d) => d.kind === "Bucket").spec.forProvider.tags, { Owner: "platform-team", App: "paved", Environment: "dev", CostCenter: "CC-4100-PLATFORM" });
        });

        it("with --xrd, an XR outside its schema is rejected (exit 1) and a claim of it is accepted", async () => {
            const bad = await paved("render", write("bad-xr.yaml", xr("{lifecycle: {expireAfterDays: 0}}")), "--composition", composition, "--xrd", xrd, "--environment", envFile);
            assert.equal(bad.code, 1);
            assert.match(bad.stderr, /spec\.parameters\.lifecycle\.expireAfterDays: must be >= 1/);
            const claim = await paved("render", bucketExample, "--composition", composition, "--xrd", xrd, "--environment", envFile);
            assert.equal(claim.code, 0, claim.stderr);
            assert.equal((parseManifests(claim.stdout)[0] as any).kind, "XS3Bucket");
        });

        it("with --xrd, an XR is defaulted from the XRD's openAPIV3Schema before it renders, as the API server admits it; without, it renders as written", async () => {
            const pgComposition = path.join(repositoryRoot, "catalog", "postgresql", "composition-standard.yaml");
            const pgXrd = path.join(repositoryRoot, "catalog", "postgresql", "definition.yaml");
            const file = write(
                "pg-xr.yaml",
                [
                    "apiVersion: platform.example.com/v1alpha1",
                    "kind: XPostgreSQLInstance",
                    "metadata:",
                    "  name: orders-db-x7k2p",
                    "  labels: {crossplane.io/claim-name: orders-db, crossplane.io/claim-namespace: orders}",
                    "spec:",
                    "  parameters: {storageGB: 50, instanceClass: db.t3.medium}",
                    "",
                ].join("\n"),
            );
            const rendered = async (...flags: string[]) => {
                const r = await paved("render", file, "--composition", pgComposition, ...flags, "--environment", envFile, "--format", "json");
                assert.equal(r.code, 0, r.stderr);
                const items = JSON.parse(r.stdout).items as any[];
                return { xr: items[0], instance: items.find((i) => i.kind === "Instance").spec.forProvider };
            };
            const defaulted = await rendered("--xrd", pgXrd);
            assert.deepEqual(defaulted.xr.spec.parameters, { storageGB: 50, instanceClass: "db.t3.medium", multiAZ: true, engineVersion: "16", databaseName: "app" });
            assert.equal(defaulted.xr.spec.compositionUpdatePolicy, "Manual", "the XRD's defaultCompositionUpdatePolicy");
            assert.deepEqual([defaulted.instance.multiAz, defaulted.instance.engineVersion, defaulted.instance.dbName], [true, "16", "app"]);
            const asWritten = await rendered();
            assert.deepEqual(asWritten.xr.spec.parameters, { storageGB: 50, instanceClass: "db.t3.medium" });
            assert.equal(asWritten.xr.spec.compositionUpdatePolicy, undefined);
            assert.deepEqual([asWritten.instance.engineVersion, asWritten.instance.dbName], [undefined, undefined]);
        });

        it("a file that is no Composition: exit 2", async () => {
            const r = await paved("render", bucketExample, "--composition", xrd, "--environment", envFile);
            assert.equal(r.code, 2);
            assert.match(r.stderr, /--composition .*: must hold exactly one Composition/);
        });
    });
});
