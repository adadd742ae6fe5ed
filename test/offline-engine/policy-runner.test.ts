import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { validateResourceOfType, type Policies, type ResourceValidationPolicy, type StackValidationPolicy } from "@pulumi/policy";
import { UserInputError } from "../../cli/errors";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { runPolicyPacks, type PolicyPackDefinition } from "../../offline-engine/policy-runner";
import { recorded } from "../policy-packs/fixtures";

const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A recorded resource as the engine would hand it to the runner. */
const resource = (type: string, name: string, inputs: Record<string, unknown>, extra: Partial<RecordedResource> = {}): RecordedResource => recorded(type, inputs, { name, ...extra });

function graph(resources: RecordedResource[], config: Record<string, string> = {}): ResourceGraph {
    return { project: "proj", stack: "test", resources, invokes: [], stackOutputs: {}, config };
}

const keyRotation: ResourceValidationPolicy = {
    name: "rotation",
    description: "keys rotate",
    validateResource: validateResourceOfType(aws.kms.Key, (key, _, report) => {
        if (!key.enableKeyRotation) {
            report("no rotation");
        }
    }),
};

function pack(policies: Policies, enforcementLevel?: PolicyPackDefinition["enforcementLevel"]): PolicyPackDefinition {
    return { name: "p", version: "1.0.0", enforcementLevel, policies };
}

const badKey = resource("aws:kms/key:Key", "k", { enableKeyRotation: false });

describe("offline engine: policy runner", () => {
    it("enforcement level: pack config, then the policy, then the pack, then advisory", async () => {
        const levelOf = async (policyLevel: ResourceValidationPolicy["enforcementLevel"], packLevel: PolicyPackDefinition["enforcementLevel"], config?: Record<string, unknown>) => {
            const r = await runPolicyPacks(graph([badKey]), [{ pack: pack([{ ...keyRotation, enforcementLevel: policyLevel }], packLevel), config }]);
            return r.results.map((x) => x.level);
        };
        assert.deepEqual(await levelOf(undefined, undefined), ["advisory"]);
        assert.deepEqual(await levelOf(undefined, "mandatory"), ["mandatory"]);
        assert.deepEqual(await levelOf("advisory", "mandatory"), ["advisory"]);
        assert.deepEqual(await levelOf("advisory", "mandatory", { rotation: "mandatory" }), ["mandatory"]);
        assert.deepEqual(await levelOf("mandatory", undefined, { rotation: { enforcementLevel: "advisory" } }), ["advisory"]);
        assert.deepEqual(await levelOf("mandatory", undefined, { all: "advisory" }), ["advisory"]);
        assert.deepEqual(await levelOf("mandatory", undefined, { all: "advisory", rotation: "mandatory" }), ["mandatory"]);
        assert.deepEqual(await levelOf("mandatory", undefined, { rotation: "disabled" }), []);
    });

    it("remediations run first, on remediate-level policies only, and validation sees the remediated inputs", async () => {
        const fix: ResourceValidationPolicy = {
            name: "fix-rotation",
            description: "turns rotation on",
            enforcementLevel: "remediate",
            remediateResource: (args) => (args.type === "aws:kms/key:Key" ? { ...args.props, enableKeyRotation: true } : undefined),
        };
        const r = await runPolicyPacks(graph([badKey]), [{ pack: pack([keyRotation, fix], "mandatory") }]);
        assert.deepEqual(r.results.map((x) => [x.kind, x.policy, x.level]), [["remediation", "fix-rotation", "mandatory"]]);
        assert.equal(r.remediatedInputs.get(badKey.urn)?.enableKeyRotation, true);
        const notRemediating = await runPolicyPacks(graph([badKey]), [{ pack: pack([keyRotation, { ...fix, enforcementLevel: "mandatory" }], "mandatory") }]);
        assert.deepEqual(notRemediating.results.map((x) => x.policy), ["rotation"]);
    });

    it("a violation of a remediate-level policy is reported as mandatory", async () => {
        const r = await runPolicyPacks(graph([badKey]), [{ pack: pack([{ ...keyRotation, enforcementLevel: "remediate" }]) }]);
        assert.deepEqual(r.results.map((x) => x.level), ["mandatory"]);
    });

    it("honours notApplicable: typed validations skip other types; explicit notApplicable records no check", async () => {
        const sg = resource("aws:ec2/securityGroup:SecurityGroup", "sg", {});
        const never: ResourceValidationPolicy = { name: "never", description: "d", validateResource: (args) => args.notApplicable("never") };
        const r = await runPolicyPacks(graph([badKey, sg]), [{ pack: pack([keyRotation, never], "mandatory") }]);
        assert.deepEqual(r.evaluations.map((e) => [e.policy, e.urn, e.outcome]), [["rotation", badKey.urn, "violation"]]);
    });

    it("an unknown value makes the policy advisory with the server's message, not a violation", async () => {
        const k = resource("aws:kms/key:Key", "k", { enableKeyRotation: unknown });
        const r = await runPolicyPacks(graph([k]), [{ pack: pack([keyRotation], "mandatory") }]);
        assert.equal(r.results.length, 1);
        assert.equal(r.results[0].kind, "unknown-during-preview");
        assert.equal(r.results[0].level, "advisory");
        assert.equal(r.results[0].message, "can't run policy 'rotation' from policy pack 'p@v1.0.0' during preview: string value at .enableKeyRotation can't be known during preview");
        assert.equal(r.evaluations[0].outcome, "unknown");
    });

    it("stack policies see parents, dependencies and property dependencies as resource objects", async () => {
        const parent = resource("paved:x:Component", "comp", {}, { custom: false });
        const a = resource("aws:kms/key:Key", "a", { enableKeyRotation: true }, { parent: parent.urn });
        const b = resource("aws:kms/alias:Alias", "b", { name: "alias/a" }, { parent: parent.urn, dependencies: [a.urn], propertyDependencies: { targetKeyId: [a.urn] } });
        const seen: string[] = [];
        const stack: StackValidationPolicy = {
            name: "links",
            description: "d",
            validateStack: (args, report) => {
                const alias = args.resources.find((r) => r.name === "b")!;
                seen.push(alias.parent!.name, alias.dependencies[0].name, alias.propertyDependencies.targetKeyId[0].name, String(alias.dependencies[0].props.enableKeyRotation));
                report("found it", alias.urn);
            },
        };
        const r = await runPolicyPacks(graph([parent, a, b]), [{ pack: pack([stack], "mandatory") }]);
        assert.deepEqual(seen, ["comp", "a", "a", "true"]);
        assert.deepEqual(r.results.map((x) => [x.policy, x.urn, x.level]), [["links", b.urn, "mandatory"]]);
    });

    it("passes each policy its config with schema defaults, and rejects config the schema does not allow", async () => {
        let seen: unknown;
        const configurable: ResourceValidationPolicy = {
            name: "configurable",
            description: "d",
            configSchema: { properties: { minimum: { type: "integer", default: 30 }, mode: { type: "string", enum: ["a", "b"] } } },
            validateResource: (args) => {
                seen = args.getConfig();
            },
        };
        await runPolicyPacks(graph([badKey]), [{ pack: pack([configurable]), config: { configurable: { enforcementLevel: "mandatory", mode: "b" } } }]);
        assert.deepEqual(seen, { minimum: 30, mode: "b" });
        await assert.rejects(
            runPolicyPacks(graph([badKey]), [{ pack: pack([configurable]), config: { configurable: { mode: "c" }, nonesuch: "advisory", all: "loud" } }]),
            (e: unknown) => {
                assert.ok(e instanceof UserInputError);
                assert.match(e.message, /configurable\.mode: must be equal to one of the allowed values/);
                assert.match(e.message, /nonesuch: no policy of that name in pack p/);
                assert.match(e.message, /all: "loud" is not an enforcement level/);
                return true;
            },
        );
    });

    it("gives resources without an explicit provider the default provider, configured from the stack's config", async () => {
        let tags: unknown;
        const readsProvider: ResourceValidationPolicy = {
            name: "reads-provider",
            description: "d",
            validateResource: (args) => {
                tags = args.provider?.props.defaultTags;
            },
        };
        await runPolicyPacks(graph([badKey], { "aws:defaultTags": '{"tags":{"Owner":"x"}}', "aws:region": "eu-west-1" }), [{ pack: pack([readsProvider]) }]);
        assert.equal(tags, '{"tags":{"Owner":"x"}}');
    });

    it("a policy that throws is reported as a mandatory policy error, so the preview cannot pass silently", async () => {
        const broken: ResourceValidationPolicy = {
            name: "broken",
            description: "d",
            enforcementLevel: "advisory",
            validateResource: () => {
                throw new Error("bug");
            },
        };
        const r = await runPolicyPacks(graph([badKey]), [{ pack: pack([broken]) }]);
        assert.deepEqual(r.results.map((x) => [x.kind, x.level, x.message]), [["policy-error", "mandatory", "policy validation failed: bug"]]);
    });
});
