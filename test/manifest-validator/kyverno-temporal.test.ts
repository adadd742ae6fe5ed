import { describeWithCrds } from "../helpers/crds";
import { type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { temporalNamespace, validatingPolicy } from "./fixtures";



type Obj = Record<string, unknown>;
const spec = (m: Obj) => m.spec as Obj;

describeWithCrds("manifest-validator: Kyverno ValidatingPolicy v1 and TemporalNamespace", () => {
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

    it("GeneratingPolicy v1: exactly one of expression or template per generate entry (CEL), at least one entry", () => {
        const gp = manifest(`
apiVersion: policies.kyverno.io/v1
kind: GeneratingPolicy
metadata: {name: default-deny-netpol}
spec:
  matchConstraints:
    resourceRules:
      - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [namespaces]}
  generate:
    - expression: generator.Apply(object.metadata.name, [variables.netpol])
`);
        assertValid(reg, gp);
        (spec(gp).generate as Obj[])[0].template = { value: "apiVersion: v1\nkind: ConfigMap" };
        assertErrors(reg, gp, ["spec.generate[0]: exactly one of expression or template must be set"]);
        spec(gp).generate = [];
        assertErrors(reg, gp, ["spec.generate: must have at least 1 item"]);
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
