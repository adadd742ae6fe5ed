import * as assert from "node:assert/strict";
import fc from "fast-check";
import { keyPolicy, type KeyPurpose } from "../../components/encryption/key-policy";

describe("platform key policies", () => {
    it("property: the account root administers every key; a wildcard principal only appears confined to the account and a calling service", () => {
        fc.assert(
            fc.property(
                fc.constantFrom<KeyPurpose>("logs", "kubernetes-secrets", "volumes", "data"),
                fc.stringMatching(/^\d{12}$/),
                fc.constantFrom("eu-west-1", "us-east-1", "us-gov-west-1", "ap-southeast-2"),
                (purpose, accountId, region) => {
                    const doc = keyPolicy(purpose, { accountId, region });
                    assert.equal(doc.Statement[0].Sid, "AccountAdministersKey");
                    assert.match(String((doc.Statement[0].Principal as { AWS: string }).AWS), new RegExp(`^arn:aws(-us-gov)?:iam::${accountId}:root$`));
                    for (const s of doc.Statement.slice(1)) {
                        const aws = (s.Principal as { AWS?: string }).AWS;
                        if (aws === "*") {
                            const conditions = s.Condition!.StringEquals as Record<string, string>;
                            assert.equal(conditions["kms:CallerAccount"], accountId);
                            assert.equal(conditions["kms:ViaService"], `ec2.${region}.amazonaws.com`);
                        }
                        assert.notEqual(s.Action, "kms:*", "only the root statement has every action");
                    }
                },
            ),
            { numRuns: 200 },
        );
    });

    it("the logs key serves CloudWatch Logs of this account and region only", () => {
        const s = keyPolicy("logs", { accountId: "123456789012", region: "eu-west-1" }).Statement[1];
        assert.deepEqual(s.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
        assert.deepEqual(s.Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:*" } });
    });
});
