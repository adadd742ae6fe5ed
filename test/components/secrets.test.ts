import * as assert from "node:assert/strict";
import fc from "fast-check";
import { errorsOf, formatProblem, loadCrdDirectory, validateManifest, type SchemaRegistry } from "../../manifest-validator";
import {
    clusterSecretStore,
    dataKeyDecryptPolicy,
    externalSecret,
    externalSecretsValues,
    secretArnPatterns,
    secretReadActions,
    secretsManagerReadPolicy,
} from "../../components/secrets";
import { charts } from "../../components/versions";
import type { PolicyDocument } from "../../components/iam-documents";
import type { RecordedResource, ResourceGraph } from "../../offline-engine/graph";
import { parseStackConfig } from "../../stacks/config";
import { assertCustomResourcesWaitFor, assertDefaultDeny, assertReleaseWaitsForNamespace, customResources, policyNamed, release, rulePorts, stringLeaves } from "../helpers/addons";
import { validStackConfig } from "../helpers/config-arbitrary";
import { crdDirectory, describeWithCrds } from "../helpers/crds";
import { waitsFor } from "../helpers/graph";
import { findProject, loadStackConfigFile } from "../../offline-engine/project-files";
import { input, one, ofType, repositoryRoot, stackGraph } from "../helpers/stacks";

const account = "123456789012";
const dataKey = `arn:aws:kms:eu-west-1:${account}:key/1b2c3d4e-0000-4000-a000-000000000001`;
const ctx = { accountId: account, region: "eu-west-1", prefixes: ["paved/dev/"], dataKeyArn: dataKey };
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every Allow statement's actions and resources of the role's two inline policies. */
function grants(documents: PolicyDocument[]): { actions: string[]; resources: string[] }[] {
    return documents.flatMap((d) => d.Statement.filter((s) => s.Effect === "Allow").map((s) => ({ actions: asList(s.Action), resources: asList(s.Resource) })));
}

describe("External Secrets: IAM documents and values (pure)", () => {
    it("reads secrets by name under the prefixes only: GetSecretValue and DescribeSecret, never List or write", () => {
        const doc = secretsManagerReadPolicy(ctx);
        assert.deepEqual(grants([doc]), [{ actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: [`arn:aws:secretsmanager:eu-west-1:${account}:secret:paved/dev/*`] }]);
        assert.ok(!JSON.stringify(doc).includes("ListSecrets"));
    });

    it("decrypts with the data key only, only through Secrets Manager, only for secrets under the prefixes (FSBP KMS.1/KMS.2)", () => {
        const [statement] = dataKeyDecryptPolicy(ctx).Statement;
        assert.equal(statement.Action, "kms:Decrypt");
        assert.equal(statement.Resource, dataKey);
        assert.deepEqual(statement.Condition, {
            StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" },
            StringLike: { "kms:EncryptionContext:SecretARN": [`arn:aws:secretsmanager:eu-west-1:${account}:secret:paved/dev/*`] },
        });
    });

    it("property: for any prefixes, account and region, no wildcard action and every resource inside a prefix or the data key", () => {
        const segment = fc.stringMatching(/^[A-Za-z0-9_+=.@-]{1,10}$/);
        const prefix = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `${s.join("/")}/`);
        fc.assert(
            fc.property(
                fc.record({
                    accountId: fc.stringMatching(/^\d{12}$/),
                    region: fc.constantFrom("eu-west-1", "us-east-1", "us-gov-west-1", "cn-north-1"),
                    prefixes: fc.uniqueArray(prefix, { minLength: 1, maxLength: 4 }),
                }),
                (c) => {
                    const partition = c.region.startsWith("us-gov-") ? "aws-us-gov" : c.region.startsWith("cn-") ? "aws-cn" : "aws";
                    const key = `arn:${partition}:kms:${c.region}:${c.accountId}:key/k`;
                    const read = grants([secretsManagerReadPolicy({ ...c, dataKeyArn: key })]);
                    const decrypt = grants([dataKeyDecryptPolicy({ ...c, dataKeyArn: key })]);
                    for (const g of [...read, ...decrypt]) {
                        for (const a of g.actions) {
                            assert.ok(!a.includes("*"), `wildcard action ${a}`);
                        }
                    }
                    assert.deepEqual(read.flatMap((g) => g.actions).sort(), [...secretReadActions].sort());
                    assert.deepEqual(decrypt, [{ actions: ["kms:Decrypt"], resources: [key] }]);
                    const allowed = c.prefixes.map((p) => `arn:${partition}:secretsmanager:${c.region}:${c.accountId}:secret:${p}*`);
                    for (const r of read.flatMap((g) => g.resources)) {
                        assert.ok(allowed.includes(r), `${r} is not a prefix pattern`);
                        assert.equal(r.indexOf("*"), r.length - 1, "the only wildcard ends the prefix");
                    }
                    assert.deepEqual(secretArnPatterns(c), allowed);
                },
            ),
            { numRuns: 200 },
        );
    });

    it("values: CRDs from the chart, leader election always, 2 replicas and PDBs for every deployment in HA, 1 and none otherwise", () => {
        const prod = externalSecretsValues({ highAvailability: true }) as any;
        const dev = externalSecretsValues({ highAvailability: false }) as any;
        assert.equal(prod.installCRDs, true);
        assert.equal(prod.leaderElect, true);
        assert.equal(dev.leaderElect, true, "a rolling update runs two pods even with one replica");
        for (const [values, replicas, pdb] of [[prod, 2, true], [dev, 1, false]] as const) {
            for (const component of [values, values.webhook, values.certController]) {
                assert.equal(component.replicaCount, replicas);
                assert.equal(component.podDisruptionBudget.enabled, pdb);
            }
        }
        assert.equal(prod.topologySpreadConstraints[0].topologyKey, "topology.kubernetes.io/zone");
        assert.deepEqual(dev.topologySpreadConstraints, []);
        assert.equal(prod.serviceAccount.name, "external-secrets", "the name the Pod Identity association targets");
    });

    it("property: for any valid config, the values replicate exactly when paved:highAvailability is on", () => {
        fc.assert(
            fc.property(validStackConfig, (c) => {
                const cfg = parseStackConfig(c.flat);
                const v = externalSecretsValues({ highAvailability: cfg.highAvailability }) as any;
                const replicas = [v.replicaCount, v.webhook.replicaCount, v.certController.replicaCount];
                assert.deepEqual(replicas, cfg.highAvailability ? [2, 2, 2] : [1, 1, 1]);
                assert.equal(v.leaderElect, true);
                assert.equal(v.installCRDs, true);
            }),
            { numRuns: 50 },
        );
    });
});

describe("External Secrets add-on under mocks", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    const rolePolicies = (g: ResourceGraph) => ofType(g, "aws:iam/rolePolicy:RolePolicy").filter((r) => r.name.startsWith("external-secrets-controller-"));

    it("installs the pinned chart into its namespace, replicated in prod only", () => {
        for (const g of [dev, prod]) {
            const r = release(g, "external-secrets");
            assert.equal(r.inputs.chart, charts.externalSecrets.chart);
            assert.equal(r.inputs.version, charts.externalSecrets.version);
            assert.deepEqual(r.inputs.repositoryOpts, { repo: charts.externalSecrets.repository });
            assert.equal(r.inputs.skipCrds, false, "the chart's CRDs are installed");
        }
        assert.equal(input(release(prod, "external-secrets"), "values.replicaCount"), 2);
        assert.equal(input(release(prod, "external-secrets"), "values.podDisruptionBudget.enabled"), true);
        assert.equal(input(release(dev, "external-secrets"), "values.replicaCount"), 1);
    });

    it("the catalog grant reads only catalog-managed secrets and decrypts only with catalog keys, through Secrets Manager", () => {
        for (const g of [dev, prod]) {
            const catalog = rolePolicies(g).find((p) => input(p, "name") === "catalog-secrets-read")!;
            const doc = JSON.parse(input<string>(catalog, "policy")) as PolicyDocument;
            const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
            assert.equal(bySid.ReadRdsManagedMasterSecrets.Resource, `arn:aws:secretsmanager:eu-west-1:${account}:secret:rds!db-*`);
            assert.deepEqual(bySid.ReadCatalogManagedSecrets.Condition, { StringEquals: { "secretsmanager:ResourceTag/crossplane-kind": "secret.secretsmanager.aws.upbound.io" } });
            assert.deepEqual(bySid.DecryptWithCatalogKeysThroughSecretsManager.Condition, {
                StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com", "aws:ResourceTag/crossplane-kind": "key.kms.aws.upbound.io" },
            });
            for (const st of doc.Statement) {
                assert.ok(asList(st.Action).every((a) => !a.includes("*")), "no wildcard action");
                assert.ok(String(st.Resource).startsWith(`arn:aws:`) && String(st.Resource).includes(`:${account}:`), "scoped to this account");
                assert.ok(st.Sid === "ReadRdsManagedMasterSecrets" || st.Condition, "a wide resource needs a tag condition");
            }
        }
    });

    it("the role's inline policies allow only reading the configured prefixes and decrypting with the data key", () => {
        for (const [g, env] of [[dev, "dev"], [prod, "prod"]] as const) {
            const policies = rolePolicies(g).filter((p) => input(p, "name") !== "catalog-secrets-read");
            assert.deepEqual(policies.map((p) => input(p, "name")).sort(), ["kms-decrypt-data-key", "secrets-manager-read"]);
            const documents = policies.map((p) => JSON.parse(input<string>(p, "policy")) as PolicyDocument);
            const all = grants(documents);
            assert.deepEqual(all.flatMap((x) => x.actions).sort(), ["kms:Decrypt", "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]);
            for (const d of documents) {
                for (const s of d.Statement) {
                    assert.equal(s.Effect, "Allow");
                    for (const a of asList(s.Action)) {
                        assert.ok(!a.includes("*"));
                    }
                }
            }
            const read = all.find((x) => x.actions.includes("secretsmanager:GetSecretValue"))!;
            assert.deepEqual(read.resources, [`arn:aws:secretsmanager:eu-west-1:${account}:secret:paved/${env}/*`]);
            const decrypt = all.find((x) => x.actions.includes("kms:Decrypt"))!;
            assert.equal(decrypt.resources.length, 1);
            assert.match(decrypt.resources[0], new RegExp(`^arn:aws:kms:eu-west-1:${account}:key/[0-9a-f-]{36}$`));
            const kms = policies.find((p) => input(p, "name") === "kms-decrypt-data-key")!;
            assert.ok(kms.propertyDependencies.policy.includes(one(g, "aws:kms/key:Key", "keys-data").urn), "the key is the platform data key");
        }
    });

    it("the role carries the permissions boundary, trusts Pod Identity of this cluster, and is associated with the controller's service account", () => {
        const role = one(dev, "aws:iam/role:Role", "external-secrets-controller");
        assert.ok(role.propertyDependencies.permissionsBoundary.length > 0);
        const trust = JSON.parse(input<string>(role, "assumeRolePolicy"));
        assert.deepEqual(trust.Statement[0].Principal, { Service: "pods.eks.amazonaws.com" });
        const association = one(dev, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "external-secrets-controller");
        assert.equal(input(association, "namespace"), "external-secrets");
        assert.equal(input(association, "serviceAccount"), "external-secrets");
        assert.deepEqual(association.propertyDependencies.roleArn, [role.urn]);
        assert.ok(waitsFor(dev, release(dev, "external-secrets"), association), "pods start only after the association exists");
    });

    it("the aws-secretsmanager ClusterSecretStore reads Secrets Manager in the stack's region with the controller's identity, after the release", () => {
        const [store] = customResources(dev, "external-secrets.io").filter((r) => r.type.endsWith(":ClusterSecretStore"));
        assert.equal(input(store, "apiVersion"), "external-secrets.io/v1");
        assert.equal(input(store, "metadata.name"), "aws-secretsmanager");
        assert.deepEqual(input(store, "spec"), { provider: { aws: { service: "SecretsManager", region: "eu-west-1" } } });
        assert.equal(input(store, "metadata.annotations")["pulumi.com/waitFor"], "condition=Ready");
        assert.ok(waitsFor(dev, store, release(dev, "external-secrets")));
    });

    it("every external-secrets.io resource waits for the release serving its CRD; every ExternalSecret also for the store", () => {
        for (const g of [dev, prod]) {
            const crs = assertCustomResourcesWaitFor(g, "external-secrets.io", "external-secrets", 4);
            const store = crs.find((r) => r.type.endsWith(":ClusterSecretStore"))!;
            for (const es of crs.filter((r) => r.type.endsWith(":ExternalSecret"))) {
                assert.ok(waitsFor(g, es, store), `${es.name} waits for the store`);
                assert.deepEqual(input(es, "spec.secretStoreRef"), { kind: "ClusterSecretStore", name: "aws-secretsmanager" });
            }
        }
    });

    it("no secret value anywhere: configured secrets appear only as ExternalSecret remoteRef keys, and the program writes no Secret itself", () => {
        for (const [g, stack] of [[dev, "dev"], [prod, "prod"]] as const) {
            const cfg = parseStackConfig(loadStackConfigFile(findProject(repositoryRoot), stack).config);
            const names = [cfg.gitops.sso.clientSecret.name, cfg.gitops.repository.credentialsSecret, cfg.observability.credentials.name].filter((n): n is string => !!n);
            assert.equal(names.length, 3);
            const uses = g.resources.flatMap((r) => stringLeaves(r.inputs).filter((l) => names.some((n) => l.value.includes(n))).map((l) => ({ r, path: l.path, value: l.value })));
            for (const use of uses) {
                assert.ok(use.r.type.endsWith(":ExternalSecret") && /^spec\.data\[\d+\]\.remoteRef\.key$/.test(use.path), `${use.r.type} ${use.r.name} uses ${use.value} at ${use.path}`);
                assert.ok(names.includes(use.value), "a reference is the exact name");
            }
            assert.deepEqual([...new Set(uses.map((u) => u.value))].sort(), [...names].sort(), "every configured secret is read, each through an ExternalSecret");
            const ours = ofType(g, "kubernetes:core/v1:Secret").filter((r) => ["external-secrets", "argocd", "kyverno", "monitoring"].includes(input(r, "metadata.namespace")));
            assert.deepEqual(ours.map((r) => r.name), [], "these add-ons' Secrets are written by External Secrets in the cluster, never by the program");
            const oidc = (release(g, "argocd").inputs.values as any).configs.cm["oidc.config"] as string;
            assert.match(oidc, /^clientSecret: \$argocd-oidc:clientSecret$/m, "Argo CD's client secret is a reference to the synced Secret");
        }
    });

    it("namespace: default-deny, the Pod Identity agent, the webhook port from the control plane, no internet; the release waits for all of it", () => {
        for (const g of [dev, prod]) {
            assertDefaultDeny(g, "external-secrets");
            assertReleaseWaitsForNamespace(g, "external-secrets", "external-secrets");
            const agent = policyNamed(g, "external-secrets", "allow-pod-identity-agent")!;
            assert.deepEqual(input(agent, "spec.egress"), [{ to: [{ ipBlock: { cidr: "169.254.170.23/32" } }], ports: [{ protocol: "TCP", port: 80 }] }]);
            assert.deepEqual(rulePorts(policyNamed(g, "external-secrets", "allow-webhooks-from-control-plane")!, "ingress"), [10250]);
            assert.equal(policyNamed(g, "external-secrets", "allow-internet-https"), undefined, "Secrets Manager is reached through its VPC endpoint");
            assert.deepEqual(rulePorts(policyNamed(g, "external-secrets", "allow-from-monitoring")!, "ingress"), [8080]);
        }
    });
});

describeWithCrds("External Secrets manifests against the upstream CRDs", () => {
    let registry: SchemaRegistry;
    let objects: RecordedResource[];
    before(async () => {
        registry = loadCrdDirectory(crdDirectory()!);
        objects = [...customResources(await stackGraph("dev"), "external-secrets.io"), ...customResources(await stackGraph("prod"), "external-secrets.io")];
    });

    const errors = (m: unknown) => errorsOf(validateManifest(registry, m)).map(formatProblem);

    it("every ClusterSecretStore and ExternalSecret the program creates is valid (strict: no unknown fields)", () => {
        assert.ok(objects.filter((o) => o.type.endsWith(":ExternalSecret")).length >= 6);
        for (const o of objects) {
            assert.deepEqual(errors(o.inputs), [], `${o.type} ${o.name}`);
        }
    });

    it("the builders' output is valid for literals, labels and several keys; a bad key name is caught", () => {
        const es = externalSecret({
            name: "repo",
            namespace: "argocd",
            target: "repo",
            refreshInterval: "30m",
            data: [{ secretKey: "password", remoteKey: "paved/prod/x", property: "password" }],
            targetLabels: { "argocd.argoproj.io/secret-type": "repository" },
            literals: { url: "https://git.example.com/gitops.git", type: "git" },
        });
        assert.deepEqual(errors(es), []);
        assert.deepEqual(errors(clusterSecretStore("us-gov-west-1")), []);
        const bad = structuredClone(es) as any;
        bad.spec.data[0].secretKey = "pass word";
        assert.equal(errors(bad).length, 1);
    });
});
