import * as assert from "node:assert/strict";
import { loadCatalog } from "../../catalog";
import type { ResourceGraph } from "../../offline-engine/graph";
import { declaredCoverage, exemptComposedKinds, exemptTypes, isExemptType } from "../../policy-packs/paved-compliance/coverage";
import { pavedCompliancePack } from "../../policy-packs/paved-compliance/pack";
import { fixedFields, placedFields } from "../../policy-packs/paved-compliance/policies/kubernetes/composition/configure-compliance-fields";
import { stackGraph } from "../helpers/stacks";
import { policyCases } from "./cases";

/** Composed kinds other composition policies judge: TLS-only resource policies, and the claim-namespace objects. */
const judgedByOtherCompositionPolicies = ["s3.aws.upbound.io/BucketPolicy", "sqs.aws.upbound.io/QueuePolicy", "external-secrets.io/ExternalSecret", "networking.k8s.io/NetworkPolicy"];

/** Policy name -> resource types its typed validations target. */
function typedCoverage(): Map<string, Set<string>> {
    const byType = new Map<string, Set<string>>();
    for (const policy of pavedCompliancePack.policies) {
        const validations = [(policy as { validateResource?: unknown }).validateResource].flat().filter(Boolean) as { __pulumiType?: string }[];
        for (const v of validations) {
            if (v.__pulumiType) {
                byType.set(v.__pulumiType, new Set([...(byType.get(v.__pulumiType) ?? []), policy.name]));
            }
        }
    }
    for (const [policy, types] of Object.entries(declaredCoverage)) {
        for (const t of types) {
            byType.set(t, new Set([...(byType.get(t) ?? []), policy]));
        }
    }
    return byType;
}

function composedKinds(): Map<string, string[]> {
    const kinds = new Map<string, string[]>();
    for (const api of loadCatalog().apis) {
        for (const c of api.compositions) {
            for (const step of (c.object as any).spec.pipeline) {
                for (const r of step.input?.resources ?? []) {
                    const [group] = String(r.base.apiVersion).split("/");
                    const key = `${group.includes(".") ? group : "core"}/${r.base.kind}`;
                    kinds.set(key, [...new Set([...(kinds.get(key) ?? []), c.name])]);
                }
            }
        }
    }
    return kinds;
}

describe("paved-compliance: coverage guard", () => {
    let graphs: ResourceGraph[];
    before(async () => {
        graphs = [await stackGraph("dev"), await stackGraph("prod")];
    });

    it("every resource type the program creates is covered by a policy or exempt with a reason", () => {
        const covered = typedCoverage();
        const types = [...new Set(graphs.flatMap((g) => g.resources.map((r) => r.type)))].sort();
        const uncovered = types.filter((t) => !covered.has(t) && !isExemptType(t));
        assert.deepEqual(uncovered, [], "add a policy, or an exemption with its reason in policy-packs/paved-compliance/coverage.ts");
    });

    it("every kind a catalog Composition composes is judged by the composition policies or exempt with a reason", () => {
        const judged = new Set([...Object.keys(fixedFields), ...Object.keys(placedFields), ...judgedByOtherCompositionPolicies]);
        const uncovered = [...composedKinds()].filter(([kind]) => !judged.has(kind) && !exemptComposedKinds[kind]).map(([kind, by]) => `${kind} (composed by ${by.join(", ")})`);
        assert.deepEqual(uncovered, [], "add the kind to the composition policies' tables, or exempt it in coverage.ts");
    });

    it("declared coverage is true: each policy's test cases contain the types it claims to judge", () => {
        for (const [policy, types] of Object.entries(declaredCoverage)) {
            assert.ok(pavedCompliancePack.policies.some((p) => p.name === policy), `${policy} is not in the pack`);
            const c = policyCases[policy];
            const seen = new Set([...c.baselines, ...c.mutations].flatMap((x) => x.graph().resources.map((r) => r.type)));
            const primary = types.filter((t) => seen.has(t));
            assert.ok(primary.length > 0, `${policy}: its cases contain none of ${types.join(", ")}`);
        }
    });

    it("exemptions are not stale: each exact exempt type or kind exists in the program or the catalog", () => {
        const types = new Set(graphs.flatMap((g) => g.resources.map((r) => r.type)));
        for (const t of Object.keys(exemptTypes).filter((x) => !x.endsWith("*"))) {
            assert.ok(types.has(t), `exempt type ${t} no longer appears; remove the exemption`);
        }
        const kinds = composedKinds();
        for (const k of Object.keys(exemptComposedKinds)) {
            assert.ok(kinds.has(k), `exempt composed kind ${k} no longer appears; remove the exemption`);
        }
    });
});
