import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import { validateManifest, type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { composition } from "./fixtures";


type Obj = Record<string, unknown>;
const spec = (m: Obj) => m.spec as Obj;

describeWithCrds("manifest-validator: Crossplane core and function kinds", () => {
    let reg: SchemaRegistry;
    before(() => {
        reg = crdRegistry();
    });

    it("accepts a Pipeline Composition, and each step's input against its function's input CRD", () => {
        const c = manifest(composition);
        assertValid(reg, c);
        for (const step of spec(c).pipeline as Obj[]) assertValid(reg, step.input, { requireName: false });
    });

    it("mode Resources is gone in v2 (enum, so the CEL rule is skipped)", () => {
        const c = manifest(composition);
        spec(c).mode = "Resources";
        assertErrors(reg, c, ['spec.mode: must be one of ["Pipeline"]']);
    });

    it("the CEL rule requires a pipeline; steps are keyed by name; an input is an embedded resource", () => {
        const none = manifest(composition);
        delete spec(none).pipeline;
        assertErrors(reg, none, ["spec: an array of pipeline steps is required in Pipeline mode"]);
        const dup = manifest(composition);
        const steps = spec(dup).pipeline as Obj[];
        steps[1].step = "environment";
        delete (steps[0].input as Obj).apiVersion;
        assertErrors(reg, dup, ['spec.pipeline[1]: duplicate key {"step":"environment"} of [0]', "spec.pipeline[0].input.apiVersion: is required"]);
    });

    it("a P&T input: resources need names, bases need apiVersion and kind", () => {
        const input = (spec(manifest(composition)).pipeline as Obj[])[1].input as Obj;
        const resources = input.resources as Obj[];
        delete resources[0].name;
        delete (resources[0].base as Obj).kind;
        assertErrors(reg, input, ["resources[0].name: is required", "resources[0].base.kind: is required"], { requireName: false });
    });

    it("Provider and Function: a fully qualified package (CEL matches), defaults applied", () => {
        const provider = manifest(`
apiVersion: pkg.crossplane.io/v1
kind: Provider
metadata: {name: provider-aws-rds}
spec:
  package: xpkg.crossplane.io/crossplane-contrib/provider-aws-rds:v2.6.0
  runtimeConfigRef: {name: aws-irsa}
`);
        assertValid(reg, provider);
        spec(provider).package = "provider-aws-rds";
        const problems = assertErrors(reg, provider, [
            "spec.package: must be a fully qualified image name, including the registry, repository, and tag or digest. For example, 'registry.example.com/repo/package:tag' or 'registry.example.com/repo/package[:tag]@sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef'.",
        ]);
        assert.equal(problems.length, 1);
        const fn = manifest(`
apiVersion: pkg.crossplane.io/v1
kind: Function
metadata: {name: crossplane-contrib-function-patch-and-transform}
spec:
  package: xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8
  revisionHistoryLimit: "1"
`);
        assertErrors(reg, fn, ["spec.revisionHistoryLimit: must be integer"]);
    });

    it("EnvironmentConfig v1beta1 keeps free-form data; DeploymentRuntimeConfig checks its deployment template", () => {
        assertValid(
            reg,
            manifest(`
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata: {name: platform-aws-defaults}
data:
  aws: {region: us-east-1, eksNodeSecurityGroupId: sg-0123}
  tags: {Environment: dev, CostCenter: "1234"}
`),
        );
        const drc = manifest(`
apiVersion: pkg.crossplane.io/v1beta1
kind: DeploymentRuntimeConfig
metadata: {name: aws-irsa}
spec:
  serviceAccountTemplate:
    metadata:
      annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/crossplane-aws"}
  deploymentTemplate:
    spec:
      selector: {}
      template:
        spec:
          containers: [{name: package-runtime, args: [--debug]}]
`);
        assertValid(reg, drc);
        const deployment = (spec(drc).deploymentTemplate as Obj).spec as Obj;
        delete deployment.selector;
        const problems = validateManifest(reg, drc);
        assert.deepEqual(
            problems.filter((p) => p.severity === "error").map((p) => `${p.path}: ${p.rule}`),
            ["spec.deploymentTemplate.spec.selector: is required"],
        );
    });
});
