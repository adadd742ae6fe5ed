import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FIXTURES } from "./helpers";

/** Temporary folders for test suites, removed after each test. */
export class TempSuites {
    private readonly dirs: string[] = [];

    /** Writes files (relative path → content) into a fresh folder and returns it. */
    write(files: Record<string, string>): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-kyverno-test-"));
        this.dirs.push(dir);
        for (const [name, content] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), content);
        }
        return dir;
    }

    /** A copy of a fixture folder (policy and its .kyverno-test). */
    copyFixture(folder: string): string {
        const dir = this.write({});
        fs.cpSync(path.join(FIXTURES, folder), path.join(dir, folder), { recursive: true });
        return path.join(dir, folder);
    }

    cleanup(): void {
        for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** A ConfigMap policy with one validation, as YAML. */
export function policyYaml(name: string, expression: string, extra = ""): string {
    return `apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata:
  name: ${name}
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [""]
        apiVersions: [v1]
        operations: [CREATE, UPDATE, DELETE]
        resources: [configmaps]
${extra}  validations:
    - expression: "${expression}"
      message: ${name} failed
`;
}

export const CONFIGMAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: small
  namespace: team-a
data:
  size: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: large
  namespace: team-b
  labels:
    tier: gold
data:
  size: "100"
`;

/** A Test document whose results are given as YAML list items. */
export function testYaml(results: string, extra = ""): string {
    return `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata:
  name: generated
policies: [policy.yaml]
resources: [resources.yaml]
${extra}results:
${results}`;
}
