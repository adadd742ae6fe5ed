import { strict as assert } from "assert";
import { compileFixture, judge } from "./helpers";

/**
 * The Kyverno CLI cannot send a changed old object (UPDATE sends the resource twice), so the
 * postgresql-updates rules that compare old and new are covered here, through admit().
 */
describe("admission-evaluator: UPDATE with a changed old object (postgresql-updates)", () => {
    const compiled = compileFixture("postgresql-updates");
    const claim = (parameters: Record<string, unknown> | undefined, labels: Record<string, string> = { environment: "dev" }) => ({
        apiVersion: "platform.example.com/v1alpha1",
        kind: "PostgreSQLInstance",
        metadata: { name: "db", namespace: "claims-service", labels },
        ...(parameters ? { spec: { parameters } } : {}),
    });
    const update = (oldObject: unknown, object: unknown) => judge(compiled, { operation: "UPDATE", oldObject, object });

    it("passes when storage grows", () => {
        assert.equal(update(claim({ storageGB: 50n }), claim({ storageGB: 100n })).status, "pass");
    });

    it("fails when storage shrinks, saying from what to what", () => {
        const result = update(claim({ storageGB: 100n }), claim({ storageGB: 50n }));
        assert.deepEqual([result.status, result.message], ["fail", "spec.parameters.storageGB cannot shrink (from 100 to 50)"]);
    });

    it("fails when the engine version changes", () => {
        const result = update(claim({ engineVersion: "15" }), claim({ engineVersion: "16" }));
        assert.deepEqual([result.status, result.validationIndex], ["fail", 1]);
    });

    it("treats a removed parameter as shrinking to 0 and a removed spec alike, without erroring", () => {
        assert.equal(update(claim({ storageGB: 20n }), claim({})).status, "fail");
        assert.equal(update(claim({ storageGB: 20n }), claim(undefined)).status, "fail");
        assert.equal(update(claim(undefined), claim({ storageGB: 20n })).status, "pass");
    });

    it("does not apply on CREATE (no old object)", () => {
        const result = judge(compiled, { operation: "CREATE", object: claim({ storageGB: 1n }) });
        assert.deepEqual([result.status, result.skipReason], ["skip", "matchConstraints"]);
    });
});
