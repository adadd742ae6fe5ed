import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repositoryRoot } from "../helpers/stacks";

function paved(args: string[], cwd = repositoryRoot) {
    const r = spawnSync(process.execPath, [path.join(repositoryRoot, "bin", "paved.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("paved CLI (as a process)", () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-cli-"));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("preview of dev exits 0 and writes every format with --out", () => {
        const out = path.join(tmp, "out");
        const r = paved(["preview", "--stack", "dev", "--format", "json", "--out", out]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(JSON.parse(r.stdout).stack, "dev");
        assert.deepEqual(fs.readdirSync(out).sort(), ["preview.json", "preview.md", "preview.sarif", "preview.txt"]);
    });

    it("preview of a non-compliant program (--program) exits 1", () => {
        const r = paved(["preview", "--program", path.join(repositoryRoot, "test", "fixtures", "programs", "unguarded-app"), "--format", "sarif"]);
        assert.equal(r.code, 1);
        assert.ok(JSON.parse(r.stdout).runs[0].results.length > 0);
    });

    it("bad config: exit 2, one message listing the problems, no stack trace, nothing written", () => {
        const project = path.join(tmp, "bad-config");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), `name: paved\nruntime: nodejs\nmain: ${path.join(repositoryRoot, "stacks", "index.ts")}\n`);
        const dev = fs.readFileSync(path.join(repositoryRoot, "Pulumi.dev.yaml"), "utf8");
        fs.writeFileSync(path.join(project, "Pulumi.broken.yaml"), dev.replace("availabilityZoneCount: 2", "availabilityZoneCount: 9").replace("cidr: 10.40.0.0/16", "cidr: 10.32.0.0/12"));
        const out = path.join(tmp, "never-written");
        const r = paved(["preview", "--program", project, "--stack", "broken", "--out", out]);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, "");
        assert.equal(
            r.stderr,
            "paved preview: invalid stack config:\n  - paved:network.cidr: prefix length must be between /16 and /20\n  - paved:network.availabilityZoneCount: must be at most 6\n",
        );
        assert.ok(!fs.existsSync(out));
    });

    it("bad YAML: exit 2 naming the file and line", () => {
        const project = path.join(tmp, "bad-yaml");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: app\nruntime: nodejs\n");
        fs.writeFileSync(path.join(project, "index.ts"), "export const x = 1;\n");
        fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  aws:region: eu-west-1\n   bad: [\n");
        const r = paved(["preview", "--program", project]);
        assert.equal(r.code, 2);
        assert.equal(r.stderr, "paved preview: Pulumi.dev.yaml:2:15: Nested mappings are not allowed in compact mappings\n");
    });

    it("bad flags: exit 2 with one line naming the flag", () => {
        assert.deepEqual(paved(["preview", "--formt", "json"]), { code: 2, stdout: "", stderr: "paved preview: unknown option --formt (known: --stack, --program, --format, --out)\n" });
        assert.deepEqual(paved(["preview", "--format", "xml"]), { code: 2, stdout: "", stderr: 'paved preview: --format: "xml" is not one of text, json, md, sarif\n' });
        assert.deepEqual(paved(["preview", "--stack"]), { code: 2, stdout: "", stderr: "paved preview: --stack needs a value\n" });
        const unknown = paved(["deploy"]);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /^paved: unknown command "deploy"\nusage:\n/);
    });
});
