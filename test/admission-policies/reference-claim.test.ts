import { strict as assert } from "assert";
import { admit, parseKubernetesYaml } from "../../admission-evaluator";
import { loadCatalog } from "../../catalog";
import { bareNamespace, namespaceObjectForStack, stackConfig, withGoldenPathLabels } from "../../admission-policies";
import { asServed } from "../../admission-policies/namespaces";
import { tenantNamespace } from "../../components/tenants";
import { compiledFor, REFERENCE_CLAIM, resultOf } from "./helpers";

const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x)));
const reference = () => plain(parseKubernetesYaml(REFERENCE_CLAIM)[0]) as Record<string, any>;
const golden = (environment: string) => ({ team: "claims-team", app: "claims-service", environment, costCenter: "CC-4200-CLAIMS" });
/** claims-service as the stack's cluster serves it: onboarded in paved:tenants, created by components/tenants. */
const onboarded = (stack: string) => namespaceObjectForStack(stack, "claims-service");

describe("admission-policies: the reference claim", () => {
    it("is the catalog's reference example, unchanged", () => {
        const example = loadCatalog().apis.flatMap((a) => a.examples).find((e) => e.file.endsWith("reference-claim.yaml"));
        assert.deepEqual(plain(example?.object), reference());
        assert.equal(reference().metadata.labels, undefined, "it carries no labels");
    });

    it("its namespace is onboarded in both stacks, exactly as components/tenants creates it (plus the name label the API server sets)", () => {
        for (const stack of ["dev", "prod"]) {
            const cfg = stackConfig(stack);
            assert.ok(cfg.tenants["claims-service"], `${stack}: claims-service in paved:tenants`);
            assert.deepEqual(onboarded(stack), asServed(tenantNamespace("claims-service", cfg.tenants["claims-service"], cfg.environment)));
            assert.equal((onboarded(stack).metadata as any).labels.environment, stack);
        }
    });

    it("unchanged, it is admitted in dev: every label inherited from the onboarded claims-service namespace", () => {
        const verdict = admit(compiledFor("dev"), { object: reference(), namespaceObject: onboarded("dev") });
        assert.ok(verdict.admitted, verdict.denials.join("\n"));
        assert.deepEqual(verdict.results.filter((r) => r.status !== "skip").map((r) => [r.policy, r.status]), [["claim-labels", "pass"], ["postgresqlinstance-claims", "pass"]]);
    });

    it("unchanged, it is denied without the onboarded namespace (a bare one, or none), the message naming every missing label and the fix", () => {
        for (const namespaceObject of [bareNamespace("claims-service"), null]) {
            const r = resultOf(compiledFor("dev"), "claim-labels", { object: reference(), namespaceObject });
            assert.equal(r.status, "fail");
            assert.match(r.message, /PostgreSQLInstance is missing the required labels: owner, app, environment, cost-center \(set them on the claim or onboard the namespace in paved:tenants; namespace claims-service does not carry them\)/);
        }
        const partial = withGoldenPathLabels(reference(), golden("dev"));
        delete partial.metadata.labels.owner;
        delete partial.metadata.labels["cost-center"];
        assert.match(resultOf(compiledFor("dev"), "claim-labels", { object: partial, namespaceObject: bareNamespace("claims-service") }).message, /labels: owner, cost-center \(/);
        assert.equal(resultOf(compiledFor("dev"), "claim-labels", { object: partial, namespaceObject: onboarded("dev") }).status, "pass", "the rest from the namespace");
    });

    it("its own labels override the namespace's: a claim environment label other than dev is denied, naming where it came from", () => {
        const claim = reference();
        claim.metadata.labels = { environment: "prod" };
        const r = resultOf(compiledFor("dev"), "claim-labels", { object: claim, namespaceObject: onboarded("dev") });
        assert.equal(r.status, "fail");
        assert.match(r.message, /label environment is "prod" but this cluster is dev \(set on the claim, which overrides its namespace\)/);
        claim.metadata.labels = { owner: "another-team", environment: "dev" };
        assert.equal(resultOf(compiledFor("dev"), "claim-labels", { object: claim, namespaceObject: onboarded("dev") }).status, "pass");
    });

    it("unchanged, it is denied in prod: labels inherited, but prod needs the hardened composition and a production class", () => {
        assert.equal(resultOf(compiledFor("prod"), "claim-labels", { object: reference(), namespaceObject: onboarded("prod") }).status, "pass");
        const r = resultOf(compiledFor("prod"), "postgresqlinstance-claims", { object: reference(), namespaceObject: onboarded("prod") });
        assert.equal(r.status, "fail");
        assert.match(r.message, /instanceClass db\.t3\.medium is not allowed in prod/);
        assert.match(resultOf(compiledFor("prod"), "claim-labels", { object: withGoldenPathLabels(reference(), golden("dev")), namespaceObject: onboarded("prod") }).message, /label environment is "dev" but this cluster is prod/);
        const claim = reference();
        claim.spec.parameters.instanceClass = "db.r6g.large";
        claim.spec.parameters.storageGB = 100;
        assert.match(resultOf(compiledFor("prod"), "postgresqlinstance-claims", { object: claim, namespaceObject: onboarded("prod") }).message, /Composition postgresql-aws-standard is not approved for prod: set spec.compositionRef.name to postgresql-aws-hardened/);
        claim.spec.compositionRef.name = "postgresql-aws-hardened";
        assert.ok(admit(compiledFor("prod"), { object: claim, namespaceObject: onboarded("prod") }).admitted);
    });
});
