import * as assert from "node:assert/strict";
import fc from "fast-check";
import { deployRoleTrust, permissionsBoundaryDocument, previewRoleTrust } from "../../components/iam-baseline";
import { input, ofType, one, stackGraph } from "../helpers/stacks";
import type { ResourceGraph } from "../../offline-engine/graph";

const provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

describe("IAM baseline", () => {
    let prod: ResourceGraph;
    before(async () => {
        prod = await stackGraph("prod");
    });
    const roleNamed = (name: string) => prod.resources.find((r) => r.type === "aws:iam/role:Role" && input(r, "name") === name)!;
    const trustOf = (name: string) => JSON.parse(input<string>(roleNamed(name), "assumeRolePolicy"));

    it("only the deploy branch's workflow of the platform repository can assume the deploy role", () => {
        const trust = trustOf("paved-prod-deploy");
        assert.equal(trust.Statement.length, 1);
        assert.deepEqual(trust.Statement[0].Condition, {
            StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": "repo:acme-bank/paved-platform:ref:refs/heads/main",
                "token.actions.githubusercontent.com:job_workflow_ref": "acme-bank/paved-platform/.github/workflows/deploy.yml@refs/heads/main",
            },
        });
        assert.equal(trust.Statement[0].Action, "sts:AssumeRoleWithWebIdentity");
    });

    it("pull requests get the read-only preview role, nothing more", () => {
        const trust = trustOf("paved-prod-preview");
        assert.equal(trust.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"], "repo:acme-bank/paved-platform:pull_request");
        const attached = ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.propertyDependencies.role?.includes(roleNamed("paved-prod-preview").urn));
        assert.deepEqual(attached.map((a) => input<string>(a, "policyArn")), ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    });

    it("break-glass and auditor roles trust the named humans only; every role carries the boundary", () => {
        assert.deepEqual(trustOf("paved-prod-break-glass").Statement[0].Principal, { AWS: ["arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformBreakGlass_3f1c2a9d"] });
        assert.deepEqual(trustOf("paved-prod-auditor").Statement[0].Principal, { AWS: ["arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Auditors_8b2e71c4"] });
        const boundary = one(prod, "aws:iam/policy:Policy", "iam-boundary");
        for (const role of ofType(prod, "aws:iam/role:Role")) {
            assert.equal(input(role, "permissionsBoundary"), "arn:aws:iam::123456789012:policy/paved-prod-permissions-boundary", `${role.name} carries the boundary`);
            assert.deepEqual(role.propertyDependencies.permissionsBoundary, [boundary.urn], `${role.name}'s boundary is the program's`);
        }
    });

    it("the boundary stops long-lived credentials, unbounded roles, boundary tampering and audit switch-off", () => {
        const doc = permissionsBoundaryDocument({ accountId: "123456789012", region: "eu-west-1", boundaryArn: "arn:b", deployRoleArn: "arn:d" });
        const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
        assert.ok((bySid.DenyLongLivedCredentials.Action as string[]).includes("iam:CreateAccessKey"));
        assert.deepEqual(bySid.DenyRolesWithoutThisBoundary.Condition, { StringNotEquals: { "iam:PermissionsBoundary": "arn:b" } });
        assert.deepEqual(bySid.DenyBoundaryChangesOutsideThePipeline.Condition, { ArnNotEquals: { "aws:PrincipalArn": "arn:d" } });
        assert.ok((bySid.DenyTurningOffAuditTrails.Action as string[]).includes("cloudtrail:StopLogging"));
        assert.deepEqual(bySid.AllowPlatformServicesInTheStackRegion.Condition, { StringEquals: { "aws:RequestedRegion": "eu-west-1" } });
        for (const s of doc.Statement.filter((x) => x.Effect === "Allow")) {
            assert.ok(![s.Action].flat().includes("*"), "the boundary never allows every action");
        }
    });

    it("property: for any repository and branch, the trust policies name exactly that repository and ref, with no wildcard", () => {
        const segment = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
        fc.assert(
            fc.property(segment, fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9._/-]{1,20}$/), (owner, name, branch) => {
                const repository = `${owner}/${name}`;
                const deploy = deployRoleTrust({ repository, oidcProviderArn: provider, branch }).Statement[0].Condition!.StringEquals;
                const preview = previewRoleTrust({ repository, oidcProviderArn: provider }).Statement[0].Condition!.StringEquals;
                assert.equal(deploy["token.actions.githubusercontent.com:sub"], `repo:${repository}:ref:refs/heads/${branch}`);
                assert.equal(preview["token.actions.githubusercontent.com:sub"], `repo:${repository}:pull_request`);
                for (const v of [...Object.values(deploy), ...Object.values(preview)]) {
                    assert.doesNotMatch(String(v), /[*?]/);
                }
            }),
            { numRuns: 300 },
        );
    });
});
