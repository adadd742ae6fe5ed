import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { runExport } from "../../cli/commands/export";
import { UserInputError } from "../../cli/errors";
import { charts } from "../../components/versions";
import { exportManifests, exportSources, fileSegment, indexFile, renderExport, type ExportResult } from "../../manifest-export";
import { formatProblems, loadCrdDirectory, parseManifests, validateManifest, type SchemaRegistry } from "../../manifest-validator";
import type { ResourceGraph } from "../../offline-engine/graph";
import { isAdmissionPolicy } from "../../admission-policies/export-source";
import { isCatalogObject } from "../../catalog/export-source";
import { crdDirectory, describeWithCrds } from "../helpers/crds";
import { repositoryRoot, stackGraph } from "../helpers/stacks";

/**
 * Kinds Kubernetes serves itself: no CRD in PAVED_CRD_DIR, so their shape is checked here by hand
 * (`builtInProblems`). Any other kind without a schema fails the CRD suite, unless listed in
 * `noUpstreamSchema` with the reason.
 */
const builtInKinds = new Set(["v1/Namespace", "networking.k8s.io/v1/NetworkPolicy", "rbac.authorization.k8s.io/v1/ClusterRole", "v1/Secret", "v1/ConfigMap"]);
/** Kinds whose upstream CRD is not in PAVED_CRD_DIR (Argo CD's CRDs were not collected), skipped visibly. */
const noUpstreamSchema: Record<string, string> = {
    "argoproj.io/v1alpha1/Application": "Argo CD CRDs are not in PAVED_CRD_DIR",
    "argoproj.io/v1alpha1/AppProject": "Argo CD CRDs are not in PAVED_CRD_DIR",
    "meta.pkg.crossplane.io/v1/Configuration": "package metadata (catalog/crossplane.yaml) is read by the package build, never served by an API server: no CRD exists",
};

const kindKey = (m: { apiVersion?: unknown; kind?: unknown }) => `${String(m.apiVersion)}/${String(m.kind)}`;
const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Shape checks for the built-in kinds the program creates (what the API server would reject). */
function builtInProblems(m: any): string[] {
    const problems: string[] = [];
    const name = m.metadata?.name;
    const labels = m.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(labels)) {
        if (typeof v !== "string" || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v) || v.length > 63) {
            problems.push(`metadata.labels[${k}]: ${JSON.stringify(v)} is not a label value`);
        }
    }
    switch (kindKey(m)) {
        case "v1/Namespace":
            if (!dnsLabel.test(name)) {
                problems.push(`metadata.name: ${name} is not a DNS label`);
            }
            break;
        case "networking.k8s.io/v1/NetworkPolicy": {
            if (!dnsLabel.test(m.metadata?.namespace ?? "")) {
                problems.push("metadata.namespace: required");
            }
            const spec = m.spec ?? {};
            if (typeof spec.podSelector !== "object" || spec.podSelector === null) {
                problems.push("spec.podSelector: required");
            }
            for (const t of spec.policyTypes ?? []) {
                if (t !== "Ingress" && t !== "Egress") {
                    problems.push(`spec.policyTypes: ${t}`);
                }
            }
            for (const [dir, peersKey] of [["ingress", "from"], ["egress", "to"]] as const) {
                (spec[dir] ?? []).forEach((rule: any, i: number) => {
                    for (const peer of rule[peersKey] ?? []) {
                        const keys = Object.keys(peer);
                        if (keys.length === 0 || keys.some((k) => !["ipBlock", "namespaceSelector", "podSelector"].includes(k)) || (peer.ipBlock && keys.length > 1)) {
                            problems.push(`spec.${dir}[${i}].${peersKey}: invalid peer ${JSON.stringify(peer)}`);
                        }
                        if (peer.ipBlock && !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(peer.ipBlock.cidr)) {
                            problems.push(`spec.${dir}[${i}].${peersKey}: ipBlock.cidr ${peer.ipBlock.cidr}`);
                        }
                    }
                    for (const p of rule.ports ?? []) {
                        if (!["TCP", "UDP", "SCTP"].includes(p.protocol) || !(typeof p.port === "bigint" || typeof p.port === "number") || Number(p.port) < 1 || Number(p.port) > 65535) {
                            problems.push(`spec.${dir}[${i}].ports: ${JSON.stringify(p, (_, v) => (typeof v === "bigint" ? Number(v) : v))}`);
                        }
                    }
                });
            }
            break;
        }
        case "rbac.authorization.k8s.io/v1/ClusterRole":
            for (const [i, r] of (m.rules ?? []).entries()) {
                for (const field of ["apiGroups", "resources", "verbs"]) {
                    if (!Array.isArray(r[field]) || r[field].length === 0 || r[field].some((x: unknown) => typeof x !== "string")) {
                        problems.push(`rules[${i}].${field}: must list strings`);
                    }
                }
                if ((r.verbs ?? []).includes("*")) {
                    problems.push(`rules[${i}].verbs: "*"`);
                }
            }
            break;
    }
    return problems;
}

function readExport(result: ExportResult): { path: string; manifest: any }[] {
    return Object.entries(result.files)
        .filter(([p]) => p !== indexFile)
        .map(([p, text]) => {
            const docs = parseManifests(text, p);
            assert.equal(docs.length, 1, `${p} holds one object`);
            return { path: p, manifest: docs[0] };
        });
}

describe("paved export (library)", () => {
    const results: Record<string, ExportResult> = {};
    const graphs: Record<string, ResourceGraph> = {};
    before(async () => {
        for (const stack of ["dev", "prod"]) {
            graphs[stack] = await stackGraph(stack);
            results[stack] = await renderExport({ stack, graph: graphs[stack] }, exportSources);
        }
    });

    it("writes every Kubernetes object of the graph, one file each, under substrate/<namespace or _cluster>/<kind>-<name>.yaml", () => {
        for (const stack of ["dev", "prod"]) {
            const objects = graphs[stack].resources.filter((r) => /^kubernetes:[^:]+\/[^:]+:[A-Za-z0-9]+$/.test(r.type) && r.type !== "kubernetes:helm.sh/v3:Release");
            // The admission policies are the admission source's (admission/), everything else the substrate's.
            const substrateObjects = objects.filter((r) => !isAdmissionPolicy(graphs[stack], r) && !isCatalogObject(graphs[stack], r));
            const files = readExport(results[stack]).filter((f) => f.path.startsWith("substrate/"));
            assert.equal(files.length, substrateObjects.length);
            // Every object once, plus the catalog package's crossplane.yaml (package metadata, not an installed object).
            assert.equal(results[stack].manifests, objects.length + 1);
            for (const { path: p, manifest: m } of files) {
                const ns = m.metadata.namespace ?? "_cluster";
                assert.match(p, new RegExp(`^substrate/${ns}/[a-z0-9]+(\\.[a-z0-9.]+)?-[a-z0-9._-]+\\.yaml$`));
                assert.ok(p.endsWith(`-${fileSegment(m.metadata.name)}.yaml`), p);
            }
            const kinds = new Set(files.map((f) => f.manifest.kind));
            for (const k of ["Provider", "Function", "ProviderConfig", "EnvironmentConfig", "DeploymentRuntimeConfig", "ClusterRole", "TemporalCluster", "ExternalSecret", "NetworkPolicy", "Namespace", "ClusterSecretStore", "NodePool", "EC2NodeClass"]) {
                assert.ok(kinds.has(k), `${stack}: ${k} exported`);
            }
        }
    });

    it("indexes every file and lists Helm releases with chart and version instead of rendering them", () => {
        const index = parse(results.prod.files[indexFile]);
        assert.equal(index.stack, "prod");
        const listed = index.sources.flatMap((s: any) => s.manifests.map((m: any) => m.path)).sort();
        assert.deepEqual(listed, Object.keys(results.prod.files).filter((p) => p !== indexFile).sort());
        const releases = index.sources.flatMap((s: any) => s.helmReleases);
        const crossplane = releases.find((r: any) => r.name === "crossplane");
        assert.deepEqual(crossplane, { ...crossplane, namespace: "crossplane-system", chart: charts.crossplane.chart, version: charts.crossplane.version, repository: charts.crossplane.repository });
        for (const name of ["temporal-operator", "cert-manager"]) {
            assert.ok(releases.some((r: any) => r.name === name), name);
        }
        assert.ok(!Object.values(results.prod.files).some((text) => /kind: Release/.test(text)), "no release is written as a manifest");
    });

    it("is deterministic: the same graph gives the same bytes", async () => {
        const again = await renderExport({ stack: "dev", graph: graphs.dev }, exportSources);
        assert.deepEqual(again.files, results.dev.files);
    });

    it("export sources plug in: each writes its own folder and appears in the index", async () => {
        const extra = {
            name: "extra",
            description: "test source",
            collect: () => ({
                manifests: [{ path: "extra/_cluster/configuration-platform.yaml", object: { apiVersion: "pkg.crossplane.io/v1", kind: "Configuration", metadata: { name: "platform" }, spec: {} }, origin: "extra/" }],
                helmReleases: [],
            }),
        };
        const result = await renderExport({ stack: "dev", graph: graphs.dev }, [...exportSources, extra]);
        assert.ok(result.files["extra/_cluster/configuration-platform.yaml"]);
        assert.deepEqual(parse(result.files[indexFile]).sources.map((s: any) => s.name), ["substrate", "catalog", "admission", "extra"]);
        const rogue = { ...extra, collect: () => ({ manifests: [{ ...extra.collect().manifests[0], path: "substrate/x.yaml" }], helmReleases: [] }) };
        await assert.rejects(renderExport({ stack: "dev", graph: graphs.dev }, [rogue]), /outside its folder/);
    });

    it("never writes Secret values, and refuses objects it cannot name", async () => {
        const base = graphs.dev.resources.find((r) => r.type === "kubernetes:core/v1:Namespace")!;
        const secret = { ...base, urn: "urn:x::kubernetes:core/v1:Secret::s", type: "kubernetes:core/v1:Secret", inputs: { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "a" }, stringData: { token: "hunter2" }, data: { key: "c2VjcmV0" } } };
        const result = await renderExport({ stack: "dev", graph: { ...graphs.dev, resources: [secret] } }, exportSources);
        const text = result.files["substrate/a/secret-s.yaml"];
        assert.ok(!text.includes("hunter2") && !text.includes("c2VjcmV0"));
        assert.match(parse(result.files[indexFile]).sources[0].manifests[0].redacted, /not exported/);
        const unnamed = { ...base, inputs: { apiVersion: "v1", kind: "Namespace", metadata: {} } };
        await assert.rejects(renderExport({ stack: "dev", graph: { ...graphs.dev, resources: [unnamed] } }, exportSources), /metadata\.name is not set/);
    });

    it("bad config: one UserInputError (exit 2) before anything is rendered", async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-export-config-"));
        try {
            fs.writeFileSync(path.join(tmp, "Pulumi.yaml"), `name: paved\nruntime: nodejs\nmain: ${path.join(repositoryRoot, "stacks", "index.ts")}\n`);
            const dev = fs.readFileSync(path.join(repositoryRoot, "Pulumi.dev.yaml"), "utf8");
            fs.writeFileSync(path.join(tmp, "Pulumi.broken.yaml"), dev.replace("backupRetentionDays: 7", "backupRetentionDays: 3"));
            await assert.rejects(exportManifests({ programPath: tmp, stack: "broken" }), (e: unknown) => {
                assert.ok(e instanceof UserInputError);
                assert.equal(e.exitCode, 2);
                assert.match(e.message, /paved:temporal\.database\.backupRetentionDays: must be at least 7/);
                return true;
            });
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});

describeWithCrds("paved export: manifests validate against the upstream CRD schemas", () => {
    let registry: SchemaRegistry;
    const results: Record<string, ExportResult> = {};
    before(async () => {
        registry = loadCrdDirectory(crdDirectory()!);
        for (const stack of ["dev", "prod"]) {
            results[stack] = await renderExport({ stack, graph: await stackGraph(stack) }, exportSources);
        }
    });

    for (const stack of ["dev", "prod"]) {
        it(`${stack}: every custom resource is valid against its CRD; built-in kinds pass the shape checks; kinds without a schema are only those listed`, () => {
            const problems: string[] = [];
            const skipped = new Set<string>();
            let validated = 0;
            for (const { path: p, manifest } of readExport(results[stack])) {
                const key = kindKey(manifest);
                if (builtInKinds.has(key)) {
                    problems.push(...builtInProblems(manifest).map((x) => `${p}: ${x}`));
                    continue;
                }
                if (noUpstreamSchema[key]) {
                    skipped.add(key);
                    continue;
                }
                const errors = validateManifest(registry, manifest).filter((x) => x.severity === "error");
                problems.push(...formatProblems(manifest, errors).map((x) => `${p}: ${x}`));
                validated++;
            }
            assert.deepEqual(problems, []);
            assert.ok(validated >= 20, `validated ${validated} custom resources`);
            for (const key of skipped) {
                assert.ok(noUpstreamSchema[key], key);
            }
        });
    }

    it("the validation can fail: a broken Provider, TemporalCluster and ExternalSecret are rejected", () => {
        const files = readExport(results.dev);
        const find = (kind: string) => structuredClone(files.find((f) => f.manifest.kind === kind)!.manifest);
        const provider = find("Provider");
        provider.spec.revisionActivationPolicy = 7n;
        const cluster = find("TemporalCluster");
        delete cluster.spec.persistence.defaultStore.sql.user;
        const secret = find("ExternalSecret");
        secret.spec.secretStoreRef.kind = "Vault";
        for (const m of [provider, cluster, secret]) {
            assert.ok(validateManifest(registry, m).some((x) => x.severity === "error"), `${m.kind} with a broken field is rejected`);
        }
    });
});

describe("paved export (CLI)", () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-export-"));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const paved = (args: string[]) => {
        const r = spawnSync(process.execPath, [path.join(repositoryRoot, "bin", "paved.js"), ...args], { cwd: repositoryRoot, encoding: "utf8" });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    it("exports prod: exit 0, the files the index names, stale files of an earlier export removed, others left alone", async () => {
        const out = path.join(tmp, "prod");
        fs.mkdirSync(path.join(out, "substrate", "_cluster"), { recursive: true });
        fs.writeFileSync(path.join(out, "substrate", "_cluster", "provider-gone.yaml"), "stale\n");
        fs.writeFileSync(path.join(out, indexFile), "sources:\n  - manifests:\n      - path: substrate/_cluster/provider-gone.yaml\n");
        fs.writeFileSync(path.join(out, "NOTES.md"), "mine\n");
        const written: string[] = [];
        const write = process.stdout.write;
        process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
        try {
            assert.equal(await runExport(["--stack", "prod", "--out", out]), 0);
        } finally {
            process.stdout.write = write;
        }
        assert.match(written.join(""), /^exported \d+ manifests \(substrate, catalog, admission\) and listed \d+ Helm releases for stack prod into /);
        const index = parse(fs.readFileSync(path.join(out, indexFile), "utf8"));
        for (const m of index.sources[0].manifests) {
            assert.ok(fs.existsSync(path.join(out, m.path)), m.path);
        }
        assert.ok(fs.existsSync(path.join(out, "substrate", "_cluster", "provider-provider-aws-rds.yaml")));
        assert.ok(!fs.existsSync(path.join(out, "substrate", "_cluster", "provider-gone.yaml")), "stale file of the earlier export removed");
        assert.equal(fs.readFileSync(path.join(out, "NOTES.md"), "utf8"), "mine\n");
    });

    it("bad usage: exit 2 with one line on stderr, nothing on stdout", () => {
        assert.deepEqual(paved(["export", "--stack", "dev"]), { code: 2, stdout: "", stderr: "paved export: --out is required: the folder to write the manifests into\n" });
    });

    it("bad usage: one message naming the flag, checked before the program runs, nothing written", async () => {
        const out = path.join(tmp, "never");
        const rejects = (argv: string[], message: string | RegExp) =>
            assert.rejects(runExport(argv), (e: unknown) => {
                assert.ok(e instanceof UserInputError);
                assert.equal(e.exitCode, 2);
                typeof message === "string" ? assert.equal(e.message, message) : assert.match(e.message, message);
                return true;
            });
        await rejects(["--out", out, "--format", "json"], "unknown option --format (known: --stack, --out)");
        await rejects(["--out"], "--out needs a value");
        await rejects(["extra", "--out", out], "unexpected argument extra");
        await rejects(["--stack", "staging", "--out", out], /^--stack: no stack "staging"/);
        const file = path.join(tmp, "a-file");
        fs.writeFileSync(file, "x");
        await rejects(["--out", file], `--out: ${file} exists and is not a directory`);
        await rejects(["--out", path.join(tmp, "no", "such", "dir")], /^--out: the parent folder of .* does not exist$/);
        assert.ok(!fs.existsSync(out));
        assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes(".tmp-")), [], "no staging folder left behind");
    });
});
