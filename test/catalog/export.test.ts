// `paved export` writes the catalog as a Crossplane Configuration package: crossplane.yaml depending
// on exactly the pinned packages the Compositions use, and one folder per API with what the program installs.
import * as assert from "node:assert/strict";
import { configurationManifest } from "../../catalog/export-source";
import { plainJson, xrdReadyAnnotation } from "../../components/catalog/manifests";
import { crossplanePackages, providerPackage } from "../../components/versions";
import { exportSources, indexFile, renderExport, type ExportResult } from "../../manifest-export";
import { parseManifests } from "../../manifest-validator";
import { stackGraph } from "../helpers/stacks";
import { catalog } from "./helpers/catalog";

describe("paved export: the catalog as a Crossplane Configuration package", () => {
    let result: ExportResult;
    before(async () => {
        result = await renderExport({ stack: "dev", graph: await stackGraph("dev") }, exportSources);
    });
    const files = () => Object.keys(result.files).filter((f) => f.startsWith("catalog/"));

    it("crossplane.yaml and one folder per API holding its XRD and Compositions under their catalog/ names", () => {
        const expected = ["catalog/crossplane.yaml", ...catalog.apis.flatMap((a) => [`catalog/${a.xrdFile}`, ...a.compositions.map((c) => `catalog/${c.file}`)])];
        assert.deepEqual(files().sort(), expected.sort());
        assert.ok(!Object.keys(result.files).some((f) => f.startsWith("substrate/") && /compositeresourcedefinition|composition-/.test(f)), "catalog objects also under substrate/");
    });

    it("each object is the catalog file as the program installs it (an XRD also carries Pulumi's wait annotation)", () => {
        for (const api of catalog.apis) {
            const xrd = parseManifests(result.files[`catalog/${api.xrdFile}`])[0] as any;
            assert.deepEqual(xrd.metadata.annotations, xrdReadyAnnotation);
            const { annotations, ...metadata } = xrd.metadata;
            void annotations;
            assert.deepEqual(plainJson({ ...xrd, metadata }), plainJson(api.xrd));
            for (const c of api.compositions) {
                assert.deepEqual(plainJson(parseManifests(result.files[`catalog/${c.file}`])[0]), plainJson(c.object), c.file);
            }
        }
    });

    it("crossplane.yaml: a meta.pkg.crossplane.io/v1 Configuration depending on the pinned providers of every composed AWS group and the pinned functions", () => {
        const config = parseManifests(result.files["catalog/crossplane.yaml"])[0] as any;
        assert.deepEqual(parseManifests(result.files["catalog/crossplane.yaml"])[0], configurationManifest(catalog));
        assert.equal(config.apiVersion, "meta.pkg.crossplane.io/v1");
        assert.equal(config.kind, "Configuration");
        const services = ["ec2", "elasticache", "kms", "rds", "s3", "secretsmanager", "sqs"] as const;
        assert.deepEqual(
            config.spec.dependsOn.filter((d: any) => d.provider).map((d: any) => `${d.provider}:${d.version}`),
            services.map((s) => providerPackage(s)),
        );
        assert.deepEqual(
            config.spec.dependsOn.filter((d: any) => d.function).map((d: any) => `${d.function}:${d.version}`),
            [crossplanePackages.functions.environmentConfigs.package, crossplanePackages.functions.patchAndTransform.package],
        );
    });

    it("the index lists the catalog source with every file and its origin", () => {
        const index = parseManifests(result.files[indexFile])[0] as any;
        const source = index.sources.find((s: any) => s.name === "catalog");
        assert.deepEqual(source.manifests.map((m: any) => m.path).sort(), files().sort());
        for (const m of source.manifests) assert.ok(m.origin.length > 0, m.path);
    });
});
