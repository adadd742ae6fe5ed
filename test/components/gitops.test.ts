import * as assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "yaml";
import {
    argoCdValues,
    bootstrapProject,
    defaultRole,
    oidcExternalSecret,
    rbacPolicyCsv,
    repositoryExternalSecret,
    rootApplication,
    tenantsProject,
} from "../../components/gitops";
import { externalSecret } from "../../components/secrets";
import { charts } from "../../components/versions";
import type { ResourceGraph } from "../../offline-engine/graph";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { parseStackConfig, type GitopsConfig } from "../../stacks/config";
import { reservedNamespaces } from "../../stacks/config/addon-rules";
import { assertCustomResourcesWaitFor, assertDefaultDeny, assertReleaseWaitsForNamespace, customResources, namespaceObjects, policyNamed, release, rulePorts } from "../helpers/addons";
import { validStackConfig } from "../helpers/config-arbitrary";
import { waitsFor } from "../helpers/graph";
import { input, repositoryRoot, stackGraph } from "../helpers/stacks";

const configOf = (stack: string) => parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);
const valuesFor = (ha: boolean, g: GitopsConfig) => argoCdValues({ highAvailability: ha, domain: g.domain, sso: g.sso, rbac: g.rbac }) as any;

describe("Argo CD: values and manifests (pure)", () => {
    const gitops = configOf("prod").gitops;

    it("SSO over OIDC with Dex and the local admin off; the client secret is a reference to the ExternalSecret's Secret", () => {
        const v = valuesFor(true, gitops);
        assert.equal(v.dex.enabled, false);
        assert.equal(v.configs.cm["admin.enabled"], false);
        const oidc = parse(v.configs.cm["oidc.config"]);
        assert.deepEqual(oidc, {
            name: "SSO",
            issuer: gitops.sso.issuer,
            clientID: gitops.sso.clientId,
            clientSecret: "$argocd-oidc:clientSecret",
            requestedScopes: ["openid", "profile", "email", "groups"],
        });
        assert.equal(v.global.domain, gitops.domain);
    });

    it("RBAC: read-only by default, group claims, one g line per configured mapping", () => {
        const v = valuesFor(true, gitops);
        assert.equal(v.configs.rbac["policy.default"], "role:readonly");
        assert.equal(v.configs.rbac.scopes, "[groups]");
        const lines = (v.configs.rbac["policy.csv"] as string).trim().split("\n");
        assert.deepEqual(
            lines.filter((l) => l.startsWith("g, ") && !l.startsWith("g, role:")),
            ["g, paved-platform-oncall, role:admin", "g, paved-release-managers, role:operator"],
        );
        assert.ok(!lines.some((l) => /^p, role:operator, (projects|clusters|repositories|accounts|certificates|gpgkeys)/.test(l)), "operators never change Argo CD's settings");
    });

    it("HA: Redis HA, 2 API servers, 2 repo servers, 2 ApplicationSet controllers with PDBs; 1 application controller (it shards); dev runs single", () => {
        const prod = valuesFor(true, gitops);
        assert.equal(prod["redis-ha"].enabled, true);
        for (const c of ["server", "repoServer", "applicationSet"]) {
            assert.equal(prod[c].replicas, 2, c);
            assert.equal(prod[c].pdb.enabled, true, c);
        }
        assert.equal(prod.controller.replicas, 1);
        const dev = valuesFor(false, gitops);
        assert.equal(dev["redis-ha"].enabled, false);
        for (const c of ["server", "repoServer", "applicationSet"]) {
            assert.equal(dev[c].replicas, 1, c);
            assert.equal(dev[c].pdb.enabled, false, c);
        }
    });

    it("the tenants project: the GitOps repository only, exactly the onboarded tenant namespaces (no pattern), no cluster-scoped resources", () => {
        const tenants = Object.keys(configOf("prod").tenants);
        const p = tenantsProject(gitops.repository.url, tenants);
        assert.equal(p.apiVersion, "argoproj.io/v1alpha1");
        assert.equal(p.kind, "AppProject");
        assert.deepEqual(p.spec.sourceRepos, ["https://github.com/acme-bank/paved-gitops.git"]);
        assert.deepEqual(p.spec.destinations, [
            { server: "https://kubernetes.default.svc", namespace: "claims-service" },
            { server: "https://kubernetes.default.svc", namespace: "payments" },
        ]);
        assert.deepEqual(p.spec.clusterResourceWhitelist, []);
        assert.equal(p.spec.clusterResourceBlacklist, undefined);
        assert.deepEqual(tenantsProject(gitops.repository.url, []).spec.destinations, [], "no tenant onboarded: nowhere to deploy");
    });

    it("the root App-of-Apps: repository, revision and path from config; automated sync with retries and server-side apply; only Applications in argocd", () => {
        const app = rootApplication(gitops.repository);
        assert.deepEqual(app.spec.source, { repoURL: gitops.repository.url, targetRevision: "main", path: "clusters/paved-prod" });
        assert.equal(app.spec.project, "bootstrap");
        const sync = app.spec.syncPolicy as any;
        assert.ok(sync.syncOptions.includes("ServerSideApply=true"));
        assert.ok(sync.retry.limit > 0 && sync.retry.backoff.duration && sync.retry.backoff.maxDuration);
        assert.deepEqual(sync.automated, { prune: true, selfHeal: true });
        assert.equal((app.metadata as any).finalizers, undefined, "deleting the root never cascades into tenant applications");
        const bootstrap = bootstrapProject(gitops.repository.url);
        assert.deepEqual(bootstrap.spec.namespaceResourceWhitelist, [{ group: "argoproj.io", kind: "Application" }]);
        assert.deepEqual(bootstrap.spec.destinations, [{ server: "https://kubernetes.default.svc", namespace: "argocd" }]);
        assert.deepEqual(bootstrap.spec.clusterResourceWhitelist, []);
    });

    it("property: for any valid config, read-only default, no Dex, secret by reference, one g line per mapping that cannot inject another, projects fenced", () => {
        fc.assert(
            fc.property(validStackConfig, (c) => {
                const cfg = parseStackConfig(c.flat);
                const g = cfg.gitops;
                const v = valuesFor(cfg.highAvailability, g);
                assert.equal(v.configs.rbac["policy.default"], defaultRole);
                assert.equal(v.dex.enabled, false);
                assert.equal(v.configs.cm["admin.enabled"], false);
                assert.equal(parse(v.configs.cm["oidc.config"]).clientSecret, "$argocd-oidc:clientSecret");
                const csv = rbacPolicyCsv(g.rbac).trim().split("\n");
                const groupLines = csv.filter((l) => l.startsWith("g, ") && !l.startsWith("g, role:"));
                assert.equal(groupLines.length, g.rbac.length);
                for (const [i, line] of groupLines.entries()) {
                    assert.deepEqual(line.split(", "), ["g", g.rbac[i].group, `role:${g.rbac[i].role}`], "a group name never adds a field");
                }
                assert.ok(csv.every((l) => !l.startsWith("p, ") || l.startsWith("p, role:operator,")), "only the operator role gets permissions here");
                if (cfg.highAvailability) {
                    assert.equal(v["redis-ha"].enabled, true);
                    assert.ok(v.server.replicas >= 2 && v.repoServer.replicas >= 2 && v.applicationSet.replicas >= 2);
                }
                const tenants = tenantsProject(g.repository.url, Object.keys(cfg.tenants));
                assert.deepEqual(tenants.spec.clusterResourceWhitelist, []);
                assert.deepEqual(tenants.spec.sourceRepos, [g.repository.url]);
                const destinations = tenants.spec.destinations as { server: string; namespace: string }[];
                assert.deepEqual(destinations.map((d) => d.namespace).sort(), Object.keys(cfg.tenants).sort(), "exactly the onboarded namespaces");
                for (const d of destinations) {
                    assert.equal(d.server, "https://kubernetes.default.svc");
                    assert.ok(!d.namespace.includes("*"), "no pattern");
                    assert.ok(!reservedNamespaces.includes(d.namespace) && !d.namespace.startsWith("kube-"), "tenants never reach a platform namespace");
                }
                const oidc = externalSecret({ ...oidcExternalSecret(g.sso.clientSecret), refreshInterval: "1h" });
                assert.equal((oidc.spec.data as any[])[0].remoteRef.key, g.sso.clientSecret.name);
            }),
            { numRuns: 100 },
        );
    });

    it("repository credentials: a repository Secret Argo CD discovers, username and password from Secrets Manager, URL as a literal", () => {
        const es = externalSecret({ ...repositoryExternalSecret({ ...gitops.repository, credentialsSecret: "paved/prod/argocd/gitops-repository" }), refreshInterval: "1h" });
        const target = es.spec.target as any;
        assert.equal(target.template.metadata.labels["argocd.argoproj.io/secret-type"], "repository");
        assert.equal(target.template.metadata.labels["app.kubernetes.io/part-of"], "argocd");
        assert.deepEqual(target.template.data, { type: "git", url: gitops.repository.url });
        assert.equal(target.template.mergePolicy, "Merge");
        assert.deepEqual((es.spec.data as any[]).map((d) => d.remoteRef), [
            { key: "paved/prod/argocd/gitops-repository", property: "username" },
            { key: "paved/prod/argocd/gitops-repository", property: "password" },
        ]);
    });
});

describe("Argo CD add-on under mocks", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    const argoCrs = (g: ResourceGraph) => customResources(g, "argoproj.io");
    const named = (g: ResourceGraph, kind: string, name: string) => argoCrs(g).find((r) => r.type.endsWith(`:${kind}`) && input(r, "metadata.name") === name)!;

    it("installs the pinned chart into argocd with the values of the stack's config", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const r = release(g, "argocd");
            assert.equal(r.inputs.chart, charts.argoCd.chart);
            assert.equal(r.inputs.version, charts.argoCd.version);
            assert.deepEqual(r.inputs.repositoryOpts, { repo: charts.argoCd.repository });
            const cfg = configOf(stack);
            assert.deepEqual(r.inputs.values, valuesFor(cfg.highAvailability, cfg.gitops));
        }
        assert.equal(input(release(prod, "argocd"), "values.redis-ha.enabled"), true);
        assert.equal(input(release(dev, "argocd"), "values.redis-ha.enabled"), false);
    });

    it("the AppProjects and the root Application are exactly the config's", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const { gitops, tenants } = configOf(stack);
            assert.deepEqual(named(g, "AppProject", "tenants").inputs, tenantsProject(gitops.repository.url, Object.keys(tenants)));
            assert.deepEqual(named(g, "AppProject", "bootstrap").inputs, bootstrapProject(gitops.repository.url));
            assert.deepEqual(named(g, "Application", "root").inputs, rootApplication(gitops.repository));
            assert.equal(input(named(g, "Application", "root"), "metadata.namespace"), "argocd");
        }
    });

    it("CRD ordering: every Argo CD resource waits for the release; the root waits for its project and the repository credentials", () => {
        for (const g of [dev, prod]) {
            assertCustomResourcesWaitFor(g, "argoproj.io", "argocd", 3);
            const root = named(g, "Application", "root");
            assert.ok(waitsFor(g, root, named(g, "AppProject", "bootstrap")));
            const repo = customResources(g, "external-secrets.io").find((r) => input(r, "metadata.name") === "gitops-repository")!;
            assert.ok(waitsFor(g, root, repo));
        }
    });

    it("the tenants project waits for every tenant namespace and its default-deny: nothing syncs into an unfenced namespace", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const project = named(g, "AppProject", "tenants");
            for (const ns of Object.keys(configOf(stack).tenants)) {
                const { namespace, policies } = namespaceObjects(g, ns);
                assert.ok(waitsFor(g, project, namespace), `${stack}: ${ns}`);
                assert.ok(waitsFor(g, project, policies.find((p) => input(p, "metadata.name") === "default-deny")!), `${stack}: ${ns} default-deny`);
            }
        }
    });

    it("the OIDC client secret comes from Secrets Manager by name, into a Secret Argo CD reads, before Argo CD starts", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const { gitops } = configOf(stack);
            const es = customResources(g, "external-secrets.io").find((r) => input(r, "metadata.name") === "argocd-oidc")!;
            assert.equal(input(es, "metadata.namespace"), "argocd");
            assert.deepEqual(input(es, "spec.data"), [{ secretKey: "clientSecret", remoteRef: { key: gitops.sso.clientSecret.name, property: gitops.sso.clientSecret.property } }]);
            assert.equal(input(es, "spec.target.name"), "argocd-oidc");
            assert.equal(input(es, "spec.target.template.metadata.labels")["app.kubernetes.io/part-of"], "argocd");
            assert.ok(waitsFor(g, release(g, "argocd"), es), "Argo CD starts with its SSO secret in place");
        }
    });

    it("every namespace the program creates is reserved or an onboarded tenant's: paved:tenants can never name a platform namespace", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const tenants = Object.keys(configOf(stack).tenants);
            const created = g.resources.filter((r) => r.type === "kubernetes:core/v1:Namespace").map((r) => input<string>(r, "metadata.name"));
            assert.ok(created.length >= 4);
            assert.deepEqual(created.filter((ns) => !reservedNamespaces.includes(ns) && !tenants.includes(ns)), [], "add the namespace to reservedNamespaces in stacks/config/addon-rules.ts");
        }
    });

    it("namespace: default-deny, HTTPS out (Git, IdP), metrics in from monitoring only; the release waits for all of it", () => {
        for (const g of [dev, prod]) {
            assertDefaultDeny(g, "argocd");
            assertReleaseWaitsForNamespace(g, "argocd", "argocd");
            assert.deepEqual(rulePorts(policyNamed(g, "argocd", "allow-internet-https")!, "egress"), [443]);
            assert.deepEqual(rulePorts(policyNamed(g, "argocd", "allow-from-monitoring")!, "ingress").sort(), [8080, 8082, 8083, 8084]);
            assert.equal(policyNamed(g, "argocd", "allow-webhooks-from-control-plane"), undefined);
        }
    });
});
