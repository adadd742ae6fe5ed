import * as assert from "node:assert/strict";
import fc from "fast-check";
import { parseStackConfig, StackConfigError } from "../../stacks/config";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { invalidStackConfig, validStackConfig } from "../helpers/config-arbitrary";
import { repositoryRoot } from "../helpers/stacks";

const problemLine = /^(paved|aws):[A-Za-z0-9_.[\]-]*: \S.*$/;

function problemsOf(flat: Record<string, string>): string[] {
    try {
        parseStackConfig(flat);
    } catch (e) {
        assert.ok(e instanceof StackConfigError, `expected StackConfigError, got ${String(e)}`);
        return e.problems;
    }
    assert.fail("config was accepted");
}

describe("stack config", () => {
    for (const stack of ["dev", "prod"]) {
        it(`accepts Pulumi.${stack}.yaml`, () => {
            const file = loadStackConfigFile(findProject(repositoryRoot), stack);
            const config = parseStackConfig(file.config);
            assert.equal(config.environment, stack);
        });
    }

    it("prod is the hardened variant: 3 AZs, NAT per AZ, deletion protection, protected state", () => {
        const prod = parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), "prod").config);
        assert.equal(prod.network.availabilityZoneCount, 3);
        assert.equal(prod.network.natGateways, "onePerAz");
        assert.equal(prod.cluster.deletionProtection, true);
        assert.equal(prod.protectStatefulResources, true);
    });

    it("paved:tenants: the onboarded namespaces with their owner, cost center and app", () => {
        const dev = parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), "dev").config);
        assert.deepEqual(dev.tenants["claims-service"], { owner: "claims-team", costCenter: "CC-4200-CLAIMS", app: "claims-service" });
        assert.ok(Object.keys(dev.tenants).length >= 2);
        const prod = parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), "prod").config);
        assert.ok("claims-service" in prod.tenants);
    });

    it("reports every problem at once, each as `key.path: rule`", () => {
        const flat = {
            "aws:region": "mars-1",
            "paved:environment": "dev",
            "paved:owner": "team",
            "paved:costCenter": "CC-1",
            "paved:protectStatefulResources": "false",
            "paved:colour": "blue",
            "paved:network": JSON.stringify({ cidr: "10.0.0.0/33", availabilityZoneCount: 9, natGateways: "single" }),
            "paved:cluster": JSON.stringify({
                name: "c",
                kubernetesVersion: "1.34",
                endpoint: { publicAccess: true },
                deletionProtection: false,
                systemNodeGroup: { instanceTypes: ["m7i.large"], minSize: 3, desiredSize: 2, maxSize: 4 },
            }),
        };
        const problems = problemsOf(flat);
        assert.deepEqual(
            [...problems].sort(),
            [
                'aws:region: "mars-1" is not an AWS region name such as eu-west-1',
                "paved:cluster.endpoint.publicAccessCidrs: must list at least one CIDR when publicAccess is true (a public endpoint needs an allow-list)",
                "paved:cluster.systemNodeGroup: must satisfy minSize <= desiredSize <= maxSize (got 3 <= 2 <= 4)",
                "paved:colour: unknown key",
                "paved:highAvailability: is required",
                "paved:iam: is required",
                "paved:karpenter: is required",
                "paved:secrets: is required",
                "paved:gitops: is required",
                "paved:observability: is required",
                "paved:temporal: is required",
                "paved:admission: is required",
                "paved:tenants: is required",
                'paved:network.availabilityZoneCount: must be at most 6',
                'paved:network.cidr: "10.0.0.0/33" is not an IPv4 CIDR (octets 0-255, prefix 0-32)',
            ].sort(),
        );
    });

    it("the error message has no stack trace and starts with a title", () => {
        try {
            parseStackConfig({ "aws:region": "eu-west-1" });
            assert.fail("accepted");
        } catch (e) {
            const message = (e as Error).message;
            assert.match(message, /^invalid stack config:\n/);
            assert.doesNotMatch(message, /\n\s+at /);
        }
    });

    it("property: every config the schema accepts parses, and keeps its values", () => {
        fc.assert(
            fc.property(validStackConfig, (c) => {
                const parsed = parseStackConfig(c.flat);
                assert.equal(parsed.region, c.region);
                assert.deepEqual(parsed.network.cidr, (c.values.network as { cidr: string }).cidr);
            }),
            { numRuns: 300 },
        );
    });

    it("property: any config the schema rejects gives one StackConfigError naming the field, never another exception", () => {
        fc.assert(
            fc.property(invalidStackConfig, ({ config, corruption }) => {
                const problems = problemsOf(config.flat);
                assert.ok(problems.length > 0);
                for (const p of problems) {
                    assert.match(p, problemLine, `malformed problem line for ${corruption.describe}: ${p}`);
                }
                assert.ok(
                    problems.some((p) => p.startsWith(corruption.expectPath)),
                    `${corruption.describe}: no problem names ${corruption.expectPath}: ${problems.join(" | ")}`,
                );
            }),
            { numRuns: 500 },
        );
    });
});
