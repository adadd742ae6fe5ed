import { describeWithCrds } from "../helpers/crds";
import { type SchemaRegistry } from "../../manifest-validator";
import { assertErrors, assertValid, crdRegistry, manifest } from "./helpers";
import { nodeClass, nodePool } from "./fixtures";



type Obj = Record<string, unknown>;
const spec = (m: Obj) => m.spec as Obj;

describeWithCrds("manifest-validator: Karpenter NodePool and EC2NodeClass v1", () => {
    let reg: SchemaRegistry;
    before(() => {
        reg = crdRegistry();
    });

    it("accepts a node pool and a node class", () => {
        assertValid(reg, manifest(nodePool));
        assertValid(reg, manifest(nodeClass));
    });

    it("NodePool: requirement CEL rules, enum, int-or-string limits, budget pattern", () => {
        const m = manifest(nodePool);
        const tpl = (spec(m).template as Obj).spec as Obj;
        tpl.requirements = [
            { key: "karpenter.sh/capacity-type", operator: "In", values: [] },
            { key: "karpenter.k8s.aws/instance-cpu", operator: "Gt", values: ["4", "8"] },
            { key: "karpenter.sh/unknown-label", operator: "Exists" },
        ];
        assertErrors(reg, m, [
            "spec.template.spec.requirements: requirements with operator 'In' must have a value defined",
            "spec.template.spec.requirements: requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value",
            'spec.template.spec.requirements[2].key: label domain "karpenter.sh" is restricted',
        ]);
        const e = manifest(nodePool);
        spec(e).limits = { cpu: true };
        (spec(e).disruption as Obj).consolidationPolicy = "Never";
        assertErrors(reg, e, [
            "spec.limits[cpu]: must be integer or string",
            'spec.disruption.consolidationPolicy: must be one of ["WhenEmpty", "WhenEmptyOrUnderutilized", "Balanced"]',
        ]);
        const b = manifest(nodePool);
        (spec(b).disruption as Obj).budgets = [{ nodes: "110%" }];
        assertErrors(reg, b, ["spec.disruption.budgets[0].nodes: must match pattern '^((100|[0-9]{1,2})%|[0-9]+)$'"]);
    });

    it("NodePool: nodeClassRef and requirements are required; weight is bounded", () => {
        const m = manifest(nodePool);
        const tpl = (spec(m).template as Obj).spec as Obj;
        delete tpl.nodeClassRef;
        delete tpl.requirements;
        spec(m).weight = 101n;
        assertErrors(reg, m, [
            "spec.template.spec.nodeClassRef: is required",
            "spec.template.spec.requirements: is required",
            "spec.weight: must be <= 100",
        ]);
    });

    it("EC2NodeClass: role xor instanceProfile, alias checks, reserved tags", () => {
        const both = manifest(nodeClass);
        spec(both).instanceProfile = "KarpenterNodeInstanceProfile";
        assertErrors(reg, both, ["spec: must specify exactly one of ['role', 'instanceProfile']"]);
        const alias = manifest(nodeClass);
        spec(alias).amiSelectorTerms = [{ alias: "ubuntu@latest" }];
        assertErrors(reg, alias, [
            "spec.amiSelectorTerms[0].alias: family is not supported, must be one of the following: 'al2', 'al2023', 'bottlerocket', 'windows2019', 'windows2022', 'windows2025'",
        ]);
        const tags = manifest(nodeClass);
        spec(tags).tags = { "karpenter.sh/nodepool": "x" };
        assertErrors(reg, tags, ["spec.tags: tag contains a restricted tag matching karpenter.sh/nodepool"]);
    });

    it("EC2NodeClass: a missing selector list is required; metadataOptions enums", () => {
        const m = manifest(nodeClass);
        delete spec(m).subnetSelectorTerms;
        (spec(m).metadataOptions as Obj).httpTokens = "maybe";
        assertErrors(reg, m, ["spec.subnetSelectorTerms: is required", 'spec.metadataOptions.httpTokens: must be one of ["required", "optional"]']);
    });
});
