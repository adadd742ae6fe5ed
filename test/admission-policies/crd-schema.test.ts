import { strict as assert } from "assert";
import { describeWithCrds } from "../helpers/crds";
import { allStacks, assertValidForKyverno, policiesOf } from "./helpers";

describeWithCrds("admission-policies: generated policies against the Kyverno CRD schemas", () => {
    for (const stack of allStacks) {
        it(`${stack}: every ValidatingPolicy and the GeneratingPolicy validates (structural schema and CEL rules)`, () => {
            const { policies } = policiesOf(stack);
            assert.deepEqual([...new Set(policies.map((p) => p.kind))].sort(), ["GeneratingPolicy", "ValidatingPolicy"]);
            for (const p of policies) assertValidForKyverno(JSON.parse(JSON.stringify(p)), `${stack}/${p.kind}/${p.metadata.name}`);
        });
    }

    it("a broken policy is caught (the check can fail)", () => {
        const p = JSON.parse(JSON.stringify(policiesOf("dev").validating[0]));
        p.spec.validationActions = ["Block"];
        assert.throws(() => assertValidForKyverno(p, "mutant"), /validationActions/);
    });
});

