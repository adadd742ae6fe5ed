import { strict as assert } from "assert";
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { readKubernetesYaml } from "../../admission-evaluator";
import { MATCH_FIELDS, RULE_FIELDS, SPEC_FIELDS, VALIDATION_FIELDS } from "../../admission-evaluator/policy-shape";
import { FIXTURES } from "./helpers";

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: string[] };

/** The upstream ValidatingPolicy CRD (read from PAVED_CRD_DIR, never vendored). */
function crdVersions(): { name: string; schema: Schema }[] | undefined {
    const dir = process.env.PAVED_CRD_DIR;
    const file = dir && path.join(dir, "kyverno", "policies.kyverno.io_validatingpolicies.yaml");
    if (!file || !fs.existsSync(file)) return undefined;
    // Plain numbers: the schema's maxLength and friends must be JSON numbers for ajv.
    const crd = YAML.parse(fs.readFileSync(file, "utf8")) as { spec: { versions: { name: string; schema: { openAPIV3Schema: Schema } }[] } };
    return crd.spec.versions.map((v) => ({ name: v.name, schema: v.schema.openAPIV3Schema }));
}

const keys = (schema: Schema | undefined): string[] => Object.keys(schema?.properties ?? {}).sort();

describe("admission-evaluator: policy shape against the upstream ValidatingPolicy CRD", function () {
    const versions = crdVersions();
    before(function () {
        if (!versions) this.skip();
    });

    it("accepts exactly the CRD's fields under spec, matchConstraints, resource rules and validations, in every served version", () => {
        for (const { name, schema } of versions ?? []) {
            const spec = schema.properties?.spec;
            const match = spec?.properties?.matchConstraints;
            assert.deepEqual([...SPEC_FIELDS].sort(), keys(spec), `${name} spec`);
            assert.deepEqual([...MATCH_FIELDS].sort(), keys(match), `${name} matchConstraints`);
            assert.deepEqual([...RULE_FIELDS].sort(), keys(match?.properties?.resourceRules.items), `${name} resourceRules`);
            assert.deepEqual([...RULE_FIELDS].sort(), keys(match?.properties?.excludeResourceRules.items), `${name} excludeResourceRules`);
            assert.deepEqual([...VALIDATION_FIELDS].sort(), keys(spec?.properties?.validations.items), `${name} validations`);
        }
    });

    it("uses the CRD's enums for failurePolicy and validationActions", () => {
        const spec = versions?.find((v) => v.name === "v1")?.schema.properties?.spec;
        assert.deepEqual(spec?.properties?.failurePolicy.enum?.sort(), ["Fail", "Ignore"]);
        assert.deepEqual(spec?.properties?.validationActions.items?.enum?.sort(), ["Audit", "Deny", "Warn"]);
    });

    it("the fixture policies are valid ValidatingPolicy objects for the CRD", () => {
        const schema = versions?.find((v) => v.name === "v1")?.schema;
        const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false }).compile(schema as object);
        const files = fs.readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".yaml") && !f.includes(".kyverno-test") && !f.endsWith("xrds.yaml"));
        assert.equal(files.length, 5);
        for (const file of files) {
            for (const doc of readKubernetesYaml(path.join(FIXTURES, file))) {
                assert.ok(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`);
            }
        }
    });
});
