import { strict as assert } from "assert";
import { admit, parseKubernetesYaml } from "../../admission-evaluator";
import { loadCatalog } from "../../catalog";
import { withGoldenPathLabels } from "../../admission-policies";
import { compiledFor, REFERENCE_CLAIM, resultOf } from "./helpers";

const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x)));
const reference = () => plain(parseKubernetesYaml(REFERENCE_CLAIM)[0]) as Record<string, any>;
const golden = (environment: string) => ({ team: "claims-team", app: "claims-service", environment, costCenter: "CC-4200-CLAIMS" });

describe("admission-policies: the reference claim", () => {
    it("is the catalog's reference example, unchanged", () => {
        const example = loadCatalog().apis.flatMap((a) => a.examples).find((e) => e.file.endsWith("reference-claim.yaml"));
        assert.deepEqual(plain(example?.object), reference());
    });

    it("is admitted in dev once the golden path has added its labels", () => {
        const verdict = admit(compiledFor("dev"), { object: withGoldenPathLabels(reference(), golden("dev")) });
        assert.ok(verdict.admitted, verdict.denials.join("\n"));
        assert.deepEqual(verdict.results.filter((r) => r.status !== "skip").map((r) => [r.policy, r.status]), [["claim-labels", "pass"], ["postgresqlinstance-claims", "pass"]]);
    });

    it("without the labels it is denied, and the message names every missing label", () => {
        const r = resultOf(compiledFor("dev"), "claim-labels", { object: reference() });
        assert.equal(r.status, "fail");
        assert.match(r.message, /missing the required labels: owner, app, environment, cost-center/);
        const partial = withGoldenPathLabels(reference(), golden("dev"));
        delete partial.metadata.labels.owner;
        delete partial.metadata.labels["cost-center"];
        assert.match(resultOf(compiledFor("dev"), "claim-labels", { object: partial }).message, /labels: owner, cost-center \(/);
    });

    it("labelled for dev it is denied in prod, and in prod it needs the hardened composition and a production class", () => {
        assert.match(resultOf(compiledFor("prod"), "claim-labels", { object: withGoldenPathLabels(reference(), golden("dev")) }).message, /label environment is "dev" but this cluster is prod/);
        const claim = withGoldenPathLabels(reference(), golden("prod"));
        const r = resultOf(compiledFor("prod"), "postgresqlinstance-claims", { object: claim });
        assert.equal(r.status, "fail");
        assert.match(r.message, /instanceClass db\.t3\.medium is not allowed in prod/);
        claim.spec.parameters.instanceClass = "db.r6g.large";
        claim.spec.parameters.storageGB = 100;
        assert.match(resultOf(compiledFor("prod"), "postgresqlinstance-claims", { object: claim }).message, /Composition postgresql-aws-standard is not approved for prod: set spec.compositionRef.name to postgresql-aws-hardened/);
        claim.spec.compositionRef.name = "postgresql-aws-hardened";
        assert.ok(admit(compiledFor("prod"), { object: claim }).admitted);
    });
});
