import { type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { temporalNamespace, validatingPolicy } from "./fixtures";



type Obj = Record<string, unknown>;
const spec = (m: Obj) => m.spec as Obj;

describe("manifest-validator: Kyverno ValidatingPolicy v1 and TemporalNamespace", () => {
    let reg: SchemaRegistry;
    before(() => {
        reg = crdRegistry();
    });

    it("accepts a ValidatingPolicy", () => {
        assertValid(reg, manifest(validatingPolicy));
    });

    it("ValidatingPolicy: action enum, set and map uniqueness, missing expression", () => {
        const m = manifest(validatingPolicy);
        spec(m).validationActions = ["Deny", "Block", "Deny"];
        (spec(m).variables as Obj[]).push({ name: "params", expression: "1" });
        delete (spec(m).validations as Obj[])[0].expression;
        assertErrors(reg, m, [
            'spec.validationActions[1]: must be one of ["Deny", "Audit", "Warn"]',
            "spec.validationActions[2]: duplicate of [0]",
            'spec.variables[1]: duplicate key {"name":"params"} of [0]',
            "spec.validations[0].expression: is required",
        ]);
    });

    it("accepts a TemporalNamespace", () => {
        assertValid(reg, manifest(temporalNamespace));
    });

    it("TemporalNamespace: clusterRef and retentionPeriod are required; data values are strings", () => {
        const m = manifest(temporalNamespace);
        delete spec(m).clusterRef;
        delete spec(m).retentionPeriod;
        spec(m).data = { CostCenter: 1234n };
        spec(m).allowDeletion = "no";
        assertErrors(reg, m, [
            "spec.clusterRef: is required",
            "spec.retentionPeriod: is required",
            "spec.data[CostCenter]: must be string",
            "spec.allowDeletion: must be boolean",
        ]);
    });
});
