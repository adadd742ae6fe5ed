import { strict as assert } from "assert";
import { loadCatalog } from "../../catalog";
import { admissionSchema, generateAdmissionPolicies, planAdmission } from "../../admission-policies";

const catalog = loadCatalog();
const problemsOf = (claims: unknown) => planAdmission({ stack: "dev", environment: "dev", admission: admissionSchema.parse({ claims }), catalog }).problems;

describe("admission-policies: paved:admission checked against the catalog", () => {
    it("names the field and the rule for a kind, parameter, value, type or composition the catalog does not have", () => {
        assert.deepEqual(problemsOf({ RedisCluster: {} }), [`paved:admission.claims.RedisCluster: no catalog API has claim kind RedisCluster (catalog: ${catalog.apis.map((a) => a.claimKind).join(", ")})`]);
        const problems = problemsOf({
            PostgreSQLInstance: {
                compositions: ["postgresql-aws-gold"],
                parameters: {
                    storageGiB: { max: 100 },
                    instanceClass: { allowed: ["db.t3.micro", "db.x1.huge"], min: 1 },
                    multiAZ: { allowed: ["yes"], noDecrease: true },
                    storageGB: { equals: "big", noDisable: true },
                },
            },
        });
        assert.deepEqual(problems, [
            "paved:admission.claims.PostgreSQLInstance.parameters.storageGiB: PostgreSQLInstance has no parameter storageGiB (catalog/postgresql/definition.yaml declares: storageGB, instanceClass, multiAZ, engineVersion, databaseName)",
            "paved:admission.claims.PostgreSQLInstance.parameters.instanceClass.allowed[1]: \"db.x1.huge\" is not one of the XRD's values (db.t3.micro, db.t3.small, db.t3.medium, db.t4g.small, db.t4g.medium, db.m6g.large, db.m6g.xlarge, db.m7g.large, db.m7g.xlarge, db.r6g.large, db.r6g.xlarge, db.r7g.large, db.r7g.xlarge)",
            "paved:admission.claims.PostgreSQLInstance.parameters.instanceClass.min: applies to integer parameters only (instanceClass is string)",
            "paved:admission.claims.PostgreSQLInstance.parameters.multiAZ.allowed: does not apply to a boolean parameter (use equals)",
            "paved:admission.claims.PostgreSQLInstance.parameters.multiAZ.noDecrease: applies to integer parameters only (multiAZ is boolean)",
            "paved:admission.claims.PostgreSQLInstance.parameters.storageGB.equals: \"big\" is not a valid integer value of storageGB",
            "paved:admission.claims.PostgreSQLInstance.parameters.storageGB.noDisable: applies to boolean parameters only (storageGB is integer)",
            "paved:admission.claims.PostgreSQLInstance.compositions[0]: postgresql-aws-gold is not a Composition of PostgreSQLInstance (catalog: postgresql-aws-hardened, postgresql-aws-standard)",
        ]);
        assert.deepEqual(problemsOf({ S3Bucket: { parameters: { lifecycle: { max: 3 } } } }), ["paved:admission.claims.S3Bucket.parameters.lifecycle: rules apply to integer, string and boolean parameters (lifecycle is object)"]);
    });

    it("the generator refuses such a config with exit code 2 and every problem", () => {
        assert.throws(
            () => generateAdmissionPolicies({ stack: "dev", environment: "dev", admission: admissionSchema.parse({ claims: { SQSQueue: { parameters: { retention: { max: 1 } } } } }), catalog }),
            (e: Error & { exitCode?: number }) => e.name === "UserInputError" && e.exitCode === 2 && /paved:admission.claims.SQSQueue.parameters.retention: SQSQueue has no parameter retention/.test(e.message),
        );
    });

    it("an API without an entry is still covered: labels, the XRD's default composition only, and a warning", () => {
        const { plan, problems } = planAdmission({ stack: "dev", environment: "dev", admission: { claims: {} }, catalog });
        assert.deepEqual(problems, []);
        assert.equal(plan.claims.length, catalog.apis.length);
        for (const c of plan.claims) {
            assert.deepEqual(c.approvedCompositions, c.defaultComposition ? [c.defaultComposition] : []);
            assert.ok(plan.warnings.some((w) => w.startsWith(`${c.api.claimKind}: no paved:admission.claims entry`)));
        }
    });
});
