import { describeWithCrds } from "../helpers/crds";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { UserInputError } from "../../cli/errors";
import { gvkKey, listUnevaluatedRules, loadCrdDirectory, parseManifests, validateManifest } from "../../manifest-validator";
import { crdRegistry } from "./helpers";

/** Every YAML file under the CRD directory, relative to it. */
function crdFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (/\.ya?ml$/.test(e.name)) out.push(path.relative(dir, p));
        }
    };
    walk(dir);
    return out.sort();
}

type Obj = Record<string, unknown>;

describeWithCrds("manifest-validator: loading every upstream CRD", () => {
    const dir = process.env.PAVED_CRD_DIR ?? "";

    it("finds CRD files to check", () => {
        assert.ok(crdFiles(dir).length > 0, `no YAML files under ${dir}`);
    });

    for (const file of dir ? crdFiles(dir) : []) {
        it(`loads ${file}: every served version, no unserved one`, () => {
            const reg = crdRegistry();
            const docs = parseManifests(fs.readFileSync(path.join(dir, file), "utf8"), file) as Obj[];
            const crds = docs.filter((d) => d.kind === "CustomResourceDefinition");
            assert.ok(crds.length > 0, `${file} holds no CustomResourceDefinition`);
            for (const crd of crds) {
                const spec = crd.spec as Obj;
                const kind = (spec.names as Obj).kind as string;
                for (const v of spec.versions as Obj[]) {
                    const entry = reg.lookup(`${spec.group}/${v.name}`, kind);
                    if (v.served === true) {
                        assert.ok(entry, `${spec.group}/${v.name}/${kind} missing`);
                        assert.equal(entry.source, file);
                        assert.equal(entry.scope, spec.scope);
                    } else {
                        assert.equal(entry, undefined, `${spec.group}/${v.name}/${kind} is not served`);
                    }
                }
            }
        });
    }

    it("every CEL rule of every CRD can be evaluated here (no rule is left unchecked)", () => {
        assert.deepEqual(listUnevaluatedRules(crdRegistry()), []);
    });

    it("every kind validates a bare object without throwing, naming its required fields", () => {
        const reg = crdRegistry();
        for (const e of reg.entries()) {
            const bare = { apiVersion: `${e.group}/${e.version}`, kind: e.kind, metadata: { name: "bare" } };
            const problems = validateManifest(reg, bare);
            for (const r of e.schema.required ?? []) {
                assert.ok(
                    problems.some((p) => p.path === r && p.rule === "is required"),
                    `${gvkKey(e)}: ${r} not reported as required`,
                );
            }
        }
    });

    it("loads once: a second call returns the same registry", () => {
        assert.equal(loadCrdDirectory(dir), crdRegistry());
    });

    it("a missing directory or one without CRDs is a UserInputError", () => {
        assert.throws(() => loadCrdDirectory(path.join(dir, "does-not-exist")), UserInputError);
        const empty = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "paved-crds-"));
        try {
            fs.writeFileSync(path.join(empty, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
            assert.throws(() => loadCrdDirectory(empty), /no CustomResourceDefinition found/);
            fs.writeFileSync(path.join(empty, "bad.yaml"), "a: [\n");
            assert.throws(() => loadCrdDirectory(empty), (e: unknown) => e instanceof UserInputError && /bad\.yaml: invalid YAML/.test(e.message));
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });
});
