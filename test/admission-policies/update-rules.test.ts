import { strict as assert } from "assert";
import { CROSSPLANE_USERNAME, withGoldenPathLabels } from "../../admission-policies";
import { compiledFor, resultOf } from "./helpers";

/** UPDATE rules need an old object different from the new one, which `kyverno test` cannot give: tested through admit(). */

const labels = (environment: string) => ({ team: "claims-team", app: "claims-service", environment, costCenter: "CC-4200-CLAIMS" });

function database(environment: string, parameters: Record<string, unknown>, composition: string): Record<string, any> {
    return withGoldenPathLabels(
        {
            apiVersion: "platform.example.com/v1alpha1",
            kind: "PostgreSQLInstance",
            metadata: { name: "claims-service-db", namespace: "claims-service" },
            spec: { parameters, compositionRef: { name: composition } },
        },
        labels(environment),
    );
}

const dev = (parameters: Record<string, unknown>) => database("dev", { instanceClass: "db.t3.medium", ...parameters }, "postgresql-aws-standard");
const prod = (parameters: Record<string, unknown>) => database("prod", { instanceClass: "db.r6g.large", ...parameters }, "postgresql-aws-hardened");

function update(stack: string, oldObject: Record<string, any>, object: Record<string, any>, username = "alice") {
    return resultOf(compiledFor(stack), "postgresqlinstance-claims", { operation: "UPDATE", oldObject, object, userInfo: { username } });
}

describe("admission-policies: UPDATE rules (oldObject)", () => {
    it("storage may grow but never shrink, in dev and in prod", () => {
        assert.equal(update("dev", dev({ storageGB: 50 }), dev({ storageGB: 80 })).status, "pass");
        const shrink = update("dev", dev({ storageGB: 80 }), dev({ storageGB: 50 }));
        assert.equal(shrink.status, "fail");
        assert.equal(shrink.message, "spec.parameters.storageGB may not decrease on update (from 80 to 50)");
        assert.equal(update("prod", prod({ storageGB: 500 }), prod({ storageGB: 200 })).status, "fail");
        assert.equal(update("prod", prod({ storageGB: 200 }), prod({ storageGB: 500 })).status, "pass");
    });

    it("the same shrink is no concern on CREATE (no old object) when within the bounds", () => {
        assert.equal(resultOf(compiledFor("dev"), "postgresqlinstance-claims", { object: dev({ storageGB: 50 }) }).status, "pass");
    });

    it("Multi-AZ may be switched on but never off, also when the old claim relied on the XRD default (true)", () => {
        assert.equal(update("dev", dev({ storageGB: 50, multiAZ: false }), dev({ storageGB: 50, multiAZ: true })).status, "pass");
        const off = update("dev", dev({ storageGB: 50, multiAZ: true }), dev({ storageGB: 50, multiAZ: false }));
        assert.equal(off.status, "fail");
        assert.match(off.message, /multiAZ may not be switched off on update/);
        assert.equal(update("dev", dev({ storageGB: 50 }), dev({ storageGB: 50, multiAZ: false })).status, "fail");
        assert.equal(update("dev", dev({ storageGB: 50, multiAZ: false }), dev({ storageGB: 50, multiAZ: false })).status, "pass");
        assert.equal(update("prod", prod({ storageGB: 200 }), prod({ storageGB: 200, multiAZ: false })).status, "fail");
    });

    it("an old object without parameters, a mistyped one or none at all never errors", () => {
        const bare = { apiVersion: "platform.example.com/v1alpha1", kind: "PostgreSQLInstance", metadata: { name: "claims-service-db", namespace: "claims-service" } };
        for (const old of [bare, { ...bare, spec: "x" }, { ...bare, spec: { parameters: { storageGB: "80", multiAZ: "yes" } } }, null]) {
            assert.equal(update("dev", old as Record<string, any>, dev({ storageGB: 50 })).status, "pass", JSON.stringify(old));
        }
    });

    it("Crossplane's own updates of the claim and updates of a claim being deleted are not judged again", () => {
        assert.equal(update("dev", dev({ storageGB: 80 }), dev({ storageGB: 50 }), CROSSPLANE_USERNAME).status, "skip");
        const deleting = dev({ storageGB: 50 });
        deleting.metadata.deletionTimestamp = "2026-11-01T00:00:00Z";
        assert.equal(update("dev", dev({ storageGB: 80 }), deleting).status, "skip");
    });
});
