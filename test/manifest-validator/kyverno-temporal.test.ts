import { type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";

const validatingPolicy = `
apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: {name: postgresql-claims}
spec:
  validationActions: [Deny]
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - apiGroups: [platform.example.com]
        apiVersions: [v1alpha1]
        operations: [CREATE, UPDATE]
        resources: [postgresqlinstances]
  matchConditions:
    - name: has-parameters
      expression: has(object.spec.parameters)
  variables:
    - name: params
      expression: object.spec.parameters
  validations:
    - expression: variables.params.storageGB <= 1024
      message: storageGB must be at most 1024
`;

const temporalNamespace = `
apiVersion: temporal.io/v1beta1
kind: TemporalNamespace
metadata: {name: claims, namespace: temporal}
spec:
  clusterRef: {name: platform-temporal}
  retentionPeriod: 720h
  description: claims workflows
  ownerEmail: claims@example.com
  allowDeletion: false
  data: {CostCenter: "1234"}
`;

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
