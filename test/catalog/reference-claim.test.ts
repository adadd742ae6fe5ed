// The design's reference claim, unchanged, through postgresql-aws-standard: accepted by the XRD,
// rendered to exactly the resources the design promises, compliant in every field that matters.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { admit } from "../../admission-evaluator";
import { admissionDenials, bareNamespace, compiledAdmissionPolicies, namespaceObjectForStack } from "../../admission-policies";
import { renderClaim } from "../../catalog/render";
import { parseManifests } from "../../manifest-validator";
import { byName, catalog, env, environment } from "./helpers/catalog";
import { converge, observedAfter } from "../../catalog/converge";
import { referenceClaimText } from "../helpers/reference-claim";

const claim = parseManifests(referenceClaimText)[0];
const fourTags = { Owner: "claims-service", App: "claims-service-db", Environment: env.tags.Environment, CostCenter: env.tags.CostCenter };

describe("catalog: the reference claim, unchanged", () => {
    it("is the claim the catalog ships as its example (catalog/postgresql/examples/reference-claim.yaml)", () => {
        const file = path.join(catalog.dir, "postgresql", "examples", "reference-claim.yaml");
        assert.deepEqual(parseManifests(fs.readFileSync(file, "utf8"))[0], claim);
    });

    describe("admission, unchanged (no labels on the claim)", () => {
        const { claim: admitted } = renderClaim(claim, { environment });

        it("is admitted in dev: claims-service is onboarded in paved:tenants and the claim inherits owner, app, environment and cost-center", () => {
            assert.deepEqual(admissionDenials("dev", admitted as Record<string, unknown>), []);
            const labels = (namespaceObjectForStack("dev", "claims-service").metadata as { labels: Record<string, string> }).labels;
            assert.deepEqual([labels.owner, labels.app, labels.environment, labels["cost-center"]], ["claims-team", "claims-service", "dev", "CC-4200-CLAIMS"]);
        });

        it("is denied in dev without the onboarded namespace, naming every missing label", () => {
            const verdict = admit(compiledAdmissionPolicies("dev"), { object: admitted, namespaceObject: bareNamespace("claims-service") });
            assert.equal(verdict.admitted, false);
            assert.deepEqual(verdict.denials, [
                "Policy claim-labels failed: PostgreSQLInstance is missing the required labels: owner, app, environment, cost-center (set them on the claim or onboard the namespace in paved:tenants; namespace claims-service does not carry them)",
            ]);
        });

        it("is denied in prod (the hardened composition and a production class only), not for its labels", () => {
            const denials = admissionDenials("prod", admitted as Record<string, unknown>);
            assert.equal(denials.length, 1);
            assert.match(denials[0], /^Policy postgresqlinstance-claims failed: spec\.parameters\.instanceClass db\.t3\.medium is not allowed in prod/);
        });
    });

    describe("first reconcile (nothing exists yet)", () => {
        const { output, claim: admitted } = renderClaim(claim, { environment });

        it("is admitted by the XRD schema, defaults filled in and nothing else changed", () => {
            assert.deepEqual((admitted as any).spec.parameters, { storageGB: 50n, instanceClass: "db.t3.medium", multiAZ: true, engineVersion: "16", databaseName: "app" });
            assert.deepEqual((admitted as any).spec.compositionRef, { name: "postgresql-aws-standard" });
        });

        it("composes the key, subnet group, security group and rule, instance and NetworkPolicy; the ExternalSecret waits for the instance's secret", () => {
            assert.deepEqual(
                output.resources.map((r) => `${r.name}=${r.resource.kind}`),
                ["kms-key=Key", "network-policy=NetworkPolicy", "rds-instance=Instance", "security-group=SecurityGroup", "security-group-ingress=SecurityGroupIngressRule", "subnet-group=SubnetGroup"],
            );
            assert.equal(output.results.length, 1);
            assert.match(output.results[0].message, /not adding new composed resource "credentials".*Required/);
            assert.equal(output.ready, false);
        });
    });

    describe("converged (the providers reported back)", () => {
        const { output, reconciles } = converge(claim, { environment });
        const rds = byName(output, "rds-instance");

        it("renders exactly: KMS key, subnet group, security group + ingress rule, RDS instance, ExternalSecret, NetworkPolicy", () => {
            assert.deepEqual(
                output.resources.map((r) => `${r.name}=${r.resource.apiVersion}/${r.resource.kind}`),
                [
                    "credentials=external-secrets.io/v1/ExternalSecret",
                    "kms-key=kms.aws.upbound.io/v1beta1/Key",
                    "network-policy=networking.k8s.io/v1/NetworkPolicy",
                    "rds-instance=rds.aws.upbound.io/v1beta3/Instance",
                    "security-group=ec2.aws.upbound.io/v1beta1/SecurityGroup",
                    "security-group-ingress=ec2.aws.upbound.io/v1beta1/SecurityGroupIngressRule",
                    "subnet-group=rds.aws.upbound.io/v1beta1/SubnetGroup",
                ],
            );
            assert.deepEqual(output.results, []);
            assert.equal(output.ready, true);
            assert.ok(reconciles <= 4, `took ${reconciles} reconciles`);
        });

        it("the instance: encrypted with its own rotating key, private, Multi-AZ, backed up, protected, sized by the claim", () => {
            const fp = rds.spec.forProvider;
            assert.equal(fp.storageEncrypted, true);
            assert.deepEqual(fp.kmsKeyIdSelector, { matchControllerRef: true });
            assert.equal(byName(output, "kms-key").spec.forProvider.enableKeyRotation, true);
            assert.equal(fp.publiclyAccessible, false);
            assert.equal(fp.multiAz, true);
            assert.ok(fp.backupRetentionPeriod >= 7n);
            assert.equal(fp.deletionProtection, true);
            assert.equal(fp.skipFinalSnapshot, false);
            assert.equal(fp.finalSnapshotIdentifier, "final-claims-service-claims-service-db");
            assert.equal(fp.manageMasterUserPassword, true);
            assert.deepEqual(fp.masterUserSecretKmsKeyIdSelector, { matchControllerRef: true });
            assert.equal(fp.iamDatabaseAuthenticationEnabled, true);
            assert.deepEqual(fp.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
            assert.equal(fp.allocatedStorage, 50n);
            assert.equal(fp.instanceClass, "db.t3.medium");
            assert.equal(fp.engine, "postgres");
            assert.equal(fp.region, env.aws.region);
            assert.deepEqual(fp.dbSubnetGroupNameSelector, { matchControllerRef: true });
            assert.deepEqual(fp.vpcSecurityGroupIdSelector, { matchControllerRef: true });
        });

        it("sits in the data subnets, behind a security group whose only ingress is 5432 from the node security group", () => {
            assert.deepEqual(byName(output, "subnet-group").spec.forProvider.subnetIds, env.aws.dataSubnetIds);
            assert.equal(byName(output, "security-group").spec.forProvider.vpcId, env.aws.vpcId);
            const rules = output.resources.filter((r) => r.resource.kind === "SecurityGroupIngressRule").map((r) => (r.resource as any).spec.forProvider);
            assert.equal(rules.length, 1);
            assert.equal(rules[0].referencedSecurityGroupId, env.aws.nodeSecurityGroupId);
            assert.deepEqual(rules[0].securityGroupIdSelector, { matchControllerRef: true });
            assert.deepEqual([rules[0].ipProtocol, rules[0].fromPort, rules[0].toPort], ["tcp", 5432n, 5432n]);
            for (const open of ["cidrIpv4", "cidrIpv6", "prefixListId"]) assert.equal(rules[0][open], undefined, open);
        });

        it("every AWS resource carries Owner, App, Environment and CostCenter", () => {
            for (const r of output.resources.filter((x) => String(x.resource.apiVersion).includes(".aws.upbound.io"))) {
                assert.deepEqual((r.resource as any).spec.forProvider.tags, fourTags, r.name);
            }
        });

        it("the ExternalSecret syncs the RDS-managed master secret into claims-service from the platform's store", () => {
            const es = byName(output, "credentials");
            const secretArn = (observedAfter(output).resources![output.resources.findIndex((r) => r.name === "rds-instance")] as any).status.atProvider.masterUserSecret[0].secretArn;
            assert.equal(es.metadata.namespace, "claims-service");
            assert.deepEqual(es.spec.secretStoreRef, { kind: "ClusterSecretStore", name: env.platform.secretStore });
            assert.equal(es.spec.target.name, "claims-service-db-credentials");
            assert.deepEqual(
                es.spec.data.map((d: any) => [d.secretKey, d.remoteRef.key, d.remoteRef.property]),
                [
                    ["username", secretArn, "username"],
                    ["password", secretArn, "password"],
                ],
            );
        });

        it("the NetworkPolicy lets claims-service reach the data subnets on 5432, egress only", () => {
            const np = byName(output, "network-policy");
            assert.equal(np.metadata.namespace, "claims-service");
            assert.deepEqual(np.spec.podSelector, {});
            assert.deepEqual(np.spec.policyTypes, ["Egress"]);
            assert.deepEqual(np.spec.egress, [{ to: env.aws.dataSubnetCidrs.map((cidr: string) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port: 5432n }] }]);
        });

        it("publishes endpoint, host, port and username to the claim's connection secret; the password never leaves Secrets Manager", () => {
            assert.deepEqual(Object.keys(output.connectionDetails).sort(), ["endpoint", "host", "port", "username"]);
            assert.equal(output.connectionDetails.port, "5432");
            assert.equal(output.connectionSecretRef?.namespace, "crossplane-system");
        });
    });
});
