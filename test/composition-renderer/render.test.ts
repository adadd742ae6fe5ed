// renderComposition end to end: claim -> XR -> environment -> patch-and-transform,
// over three reconciles as observed state catches up.
import { strict as assert } from "node:assert";
import { UserInputError } from "../../cli/errors";
import { ComposedResource, JsonObject, RenderOutput, claimToComposite, renderComposition } from "../../composition-renderer";
import { renderFixture } from "./load";
import { ptComposition } from "./pt-composition";

const xrd = renderFixture("xrd.yaml");
const composition = renderFixture("composition.yaml");
const env = renderFixture("environmentconfig.yaml");
const observedFixture = renderFixture("observed.yaml");
const xr = claimToComposite(renderFixture("claim.yaml"), xrd);

function byName(out: RenderOutput, name: string): ComposedResource {
    const r = out.resources.find((x) => x.name === name);
    assert.ok(r, `no composed resource ${name}; have ${out.resources.map((x) => x.name).join(", ")}`);
    return r;
}

function get(o: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
}

const observedResources = (): JsonObject[] => Object.values(observedFixture).map((v) => (v as JsonObject).resource as JsonObject);
const observedDetails = (): Record<string, Record<string, string>> =>
    Object.fromEntries(Object.entries(observedFixture).map(([k, v]) => [k, ((v as JsonObject).connectionDetails ?? {}) as Record<string, string>]));

describe("renderComposition: first reconcile (nothing observed)", () => {
    const out = renderComposition({ composite: xr, composition, environmentConfigs: [env], xrd });

    it("composes the templates whose required inputs exist and warns about the one that waits", () => {
        assert.deepEqual(out.resources.map((r) => r.name), ["egress-networkpolicy", "rds-instance"]);
        assert.deepEqual(out.results, [
            {
                step: "patch-and-transform",
                severity: "Warning",
                target: "Composite",
                message:
                    'not adding new composed resource "credentials-externalsecret" to desired state because "FromCompositeFieldPath" ' +
                    "patch at index 2 has 'policy.fromFieldPath: Required': status: no such field",
            },
        ]);
        assert.equal(out.ready, false);
        const ready = (get(out.composite, "status.conditions") as JsonObject[]).find((c) => c.type === "Ready");
        assert.deepEqual(ready, { type: "Ready", status: "False", reason: "Creating" });
    });

    it("patches from the environment and the XR, keeping integers integers", () => {
        const rds = byName(out, "rds-instance").resource;
        assert.deepEqual(get(rds, "spec.forProvider.tags"), {
            App: "claims-service-db",
            Owner: "claims-service",
            Environment: "dev",
            CostCenter: "4711",
        });
        assert.equal(get(rds, "spec.forProvider.region"), "eu-west-1");
        assert.equal(get(rds, "spec.forProvider.allocatedStorage"), 50n);
        assert.equal(get(rds, "spec.forProvider.backupRetentionPeriod"), 14n);
        assert.equal(get(rds, "spec.forProvider.multiAz"), true);
        assert.equal(get(rds, "spec.forProvider.finalSnapshotIdentifier"), "claims-service-claims-service-db-final");
        const uid = get(xr, "metadata.uid") as string;
        assert.equal(get(rds, "spec.writeConnectionSecretToRef.name"), `${uid}-postgresql`);
        const np = byName(out, "egress-networkpolicy").resource;
        assert.equal(get(np, "metadata.namespace"), "claims-service");
        assert.equal(get(np, "spec.egress.0.to.0.ipBlock.cidr"), "10.0.128.0/17");
        assert.equal(get(np, "spec.egress.0.ports.0.port"), 5432n);
    });

    it("adds Crossplane's metadata: resource-name annotation, composite labels, controller reference, generated name", () => {
        const meta = byName(out, "rds-instance").resource.metadata as JsonObject;
        const xrName = get(xr, "metadata.name") as string;
        assert.deepEqual(meta.annotations, { "crossplane.io/composition-resource-name": "rds-instance" });
        assert.deepEqual(meta.labels, {
            "crossplane.io/composite": xrName,
            "crossplane.io/claim-name": "claims-service-db",
            "crossplane.io/claim-namespace": "claims-service",
        });
        assert.equal(meta.generateName, `${xrName}-`);
        assert.match(meta.name as string, new RegExp(`^${xrName}-[a-z0-9]{5}$`));
        assert.deepEqual(meta.ownerReferences, [
            {
                apiVersion: "platform.example.com/v1alpha1",
                kind: "XPostgreSQLInstance",
                name: xrName,
                uid: get(xr, "metadata.uid"),
                controller: true,
                blockOwnerDeletion: true,
            },
        ]);
    });

    it("writes the XR connection secret reference into the composition's namespace", () => {
        assert.deepEqual(out.connectionSecretRef, { name: get(xr, "metadata.uid"), namespace: "crossplane-system" });
        assert.equal(get(out.composite, "spec.compositionRef.name"), "postgresql-aws-standard");
    });

    it("merges the EnvironmentConfig over the default data into the context", () => {
        const envCtx = out.context["apiextensions.crossplane.io/environment"];
        assert.deepEqual(get(envCtx, "tags"), { Environment: "dev", CostCenter: "4711" });
    });

    it("is deterministic", () => {
        assert.deepEqual(renderComposition({ composite: xr, composition, environmentConfigs: [env], xrd }), out);
    });
});

describe("renderComposition: later reconciles (observed state)", () => {
    const second = renderComposition({
        composite: xr,
        composition,
        environmentConfigs: [env],
        xrd,
        observed: { resources: observedResources(), connectionDetails: observedDetails() },
    });

    it("patches observed status back to the XR and keeps observed names", () => {
        assert.equal(get(second.composite, "status.address"), "db.internal.example.com");
        assert.equal(get(second.composite, "status.masterSecretArn"), "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds-db-x");
        assert.equal(get(byName(second, "rds-instance").resource, "metadata.name"), "claims-service-db-abcde-12345");
        assert.equal(get(byName(second, "rds-instance").resource, "metadata.generateName"), undefined);
    });

    it("evaluates readiness checks against observed resources", () => {
        assert.equal(byName(second, "rds-instance").ready, true, "Ready condition True");
        assert.equal(byName(second, "egress-networkpolicy").ready, true, "readinessChecks: None");
    });

    it("extracts connection details, filtered by the XRD's connectionSecretKeys", () => {
        assert.deepEqual(second.connectionDetails, {
            username: "dbadmin",
            endpoint: "db.internal.example.com:5432",
            host: "db.internal.example.com",
            port: "5432",
        });
    });

    it("still holds back the Required resource: its source is the observed XR, not this reconcile's output", () => {
        assert.ok(!second.resources.some((r) => r.name === "credentials-externalsecret"));
        assert.equal(second.ready, false);
    });

    it("composes it once the XR status is observed, patching every array element through [*]", () => {
        const third = renderComposition({
            composite: xr,
            composition,
            environmentConfigs: [env],
            xrd,
            observed: {
                resources: observedResources(),
                connectionDetails: observedDetails(),
                compositeStatus: second.composite.status as JsonObject,
            },
        });
        const es = byName(third, "credentials-externalsecret").resource;
        assert.equal(get(es, "metadata.namespace"), "claims-service");
        assert.equal(get(es, "spec.target.name"), "claims-service-db-master-credentials");
        const arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds-db-x";
        assert.deepEqual((get(es, "spec.data") as JsonObject[]).map((d) => get(d, "remoteRef.key")), [arn, arn]);
        assert.deepEqual(third.results, []);
        assert.equal(third.ready, false, "the ExternalSecret is not observed Ready yet");
        const ready = (get(third.composite, "status.conditions") as JsonObject[]).find((c) => c.type === "Ready");
        assert.deepEqual(ready, { type: "Ready", status: "False", reason: "Creating", message: "Unready resources: credentials-externalsecret" });
    });
});

describe("renderComposition: bad input names the field and the rule", () => {
    const pipeline = (c: JsonObject): JsonObject[] => (c.spec as JsonObject).pipeline as JsonObject[];
    const copy = (): JsonObject => JSON.parse(JSON.stringify(composition, (_, v) => (typeof v === "bigint" ? Number(v) : v))) as JsonObject;

    function rejects(args: Parameters<typeof renderComposition>[0], pattern: RegExp): void {
        assert.throws(() => renderComposition(args), (e: unknown) => {
            assert.ok(e instanceof UserInputError, String(e));
            assert.match(e.message, pattern);
            return true;
        });
    }

    it("an unknown function is an error naming the step", () => {
        const c = copy();
        pipeline(c).push({ step: "render-templates", functionRef: { name: "function-go-templating" } });
        rejects({ composite: xr, composition: c, environmentConfigs: [env] }, /spec\.pipeline\[2\]\.functionRef\.name: step "render-templates" uses function "function-go-templating"/);
    });

    it("a fatal function result stops the render with the step and the message", () => {
        rejects({ composite: xr, composition }, /pipeline step "environment" returned a fatal result: .*Required environment config "platform-aws-defaults" not found/);
    });

    it("unknown fields in the patch-and-transform input are rejected, as upstream decodes strictly", () => {
        const c = copy();
        const input = pipeline(c)[1].input as JsonObject;
        ((input.resources as JsonObject[])[0].patches as JsonObject[])[1].mergeOptions = { keepMapValues: true };
        rejects({ composite: xr, composition: c, environmentConfigs: [env] }, /cannot get Function input: json: unknown object member name "mergeOptions"/);
    });

    it("invalid input is reported with its field path", () => {
        const c = copy();
        const input = pipeline(c)[1].input as JsonObject;
        ((input.resources as JsonObject[])[0].patches as JsonObject[])[2].transforms = [{ type: "math", math: { type: "Multiply" } }];
        rejects(
            { composite: xr, composition: c, environmentConfigs: [env] },
            /invalid Function input: resources\[0\]\.patches\[2\]\.transforms\[0\]\.math\.multiply: Required value/,
        );
    });

    it("a composition for another kind is refused", () => {
        const c = copy();
        ((c.spec as JsonObject).compositeTypeRef as JsonObject).kind = "XBucket";
        rejects({ composite: xr, composition: c }, /spec\.compositeTypeRef: composes platform\.example\.com\/v1alpha1 XBucket/);
    });

    it("an observed resource must say which template it belongs to", () => {
        rejects(
            { composite: xr, composition, environmentConfigs: [env], observed: { resources: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }] } },
            /observed resources\[0\] \(ConfigMap "x"\): encountered composed resource without required "crossplane.io\/composition-resource-name" annotation/,
        );
    });
});

describe("renderComposition: upstream quirks kept on purpose", () => {
    it("a [*] toFieldPath only reaches existing fields; otherwise the render fails", () => {
        const c = JSON.parse(JSON.stringify(composition, (_, v) => (typeof v === "bigint" ? Number(v) : v))) as JsonObject;
        const input = ((c.spec as JsonObject).pipeline as JsonObject[])[1].input as JsonObject;
        const es = (input.resources as JsonObject[])[1];
        (((es.base as JsonObject).spec as JsonObject).data as JsonObject[]).forEach((d) => delete (d.remoteRef as JsonObject).key);
        assert.throws(
            () =>
                renderComposition({
                    composite: xr,
                    composition: c,
                    environmentConfigs: [env],
                    observed: { compositeStatus: { masterSecretArn: "arn:x" } },
                }),
            /cannot expand ToFieldPath spec\.data\[\*\]\.remoteRef\.key/,
        );
    });

    it("an XR integer reaches a Format or Combine as a float64, so %d prints %!d(float64=...)", () => {
        const c = JSON.parse(JSON.stringify(composition, (_, v) => (typeof v === "bigint" ? Number(v) : v))) as JsonObject;
        const input = ((c.spec as JsonObject).pipeline as JsonObject[])[1].input as JsonObject;
        const rds = (input.resources as JsonObject[])[0];
        (rds.patches as JsonObject[]).push(
            {
                type: "FromCompositeFieldPath",
                fromFieldPath: "spec.parameters.storageGB",
                toFieldPath: "metadata.annotations[size-d]",
                transforms: [{ type: "string", string: { type: "Format", fmt: "%dGi" } }],
            },
            {
                type: "FromCompositeFieldPath",
                fromFieldPath: "spec.parameters.storageGB",
                toFieldPath: "metadata.annotations[size-v]",
                transforms: [{ type: "string", string: { type: "Format", fmt: "%vGi" } }],
            },
        );
        const out = renderComposition({ composite: xr, composition: c, environmentConfigs: [env] });
        const ann = get(byName(out, "rds-instance").resource, "metadata.annotations") as JsonObject;
        assert.equal(ann["size-d"], "%!d(float64=50)Gi");
        assert.equal(ann["size-v"], "50Gi");
    });
});

describe("renderComposition: MatchInteger against observed state", () => {
    it("never matches live: observed numbers arrive as float64 and GetInteger wants int64", () => {
        const comp = ptComposition([
            {
                name: "q",
                base: { apiVersion: "example.org/v1", kind: "Queue" },
                readinessChecks: [{ type: "MatchInteger", fieldPath: "status.replicas", matchInteger: 3 }],
            },
        ]);
        const q = { apiVersion: "example.org/v1", kind: "Queue", metadata: { name: "q1", annotations: { "crossplane.io/composition-resource-name": "q" } }, status: { replicas: 3n } };
        const out = renderComposition({ composite: { apiVersion: "example.org/v1", kind: "XThing", metadata: { name: "x" } }, composition: comp, observed: { resources: [q] } });
        assert.equal(out.resources[0].ready, false);
        assert.deepEqual(out.results.map((r) => r.message), [
            'cannot check readiness of composed resource "q": cannot run readiness check at index 0: status.replicas: not a (int64) number',
        ]);
    });
});

describe("renderComposition: v2 XRs get a composed connection Secret", () => {
    it("writes the details into a Secret instead of returning them", () => {
        const comp = ptComposition([
            {
                name: "cm",
                base: { apiVersion: "v1", kind: "ConfigMap" },
                connectionDetails: [{ name: "url", type: "FromValue", value: "https://x" }],
            },
        ]);
        const v2xr: JsonObject = { apiVersion: "example.org/v1", kind: "XThing", metadata: { name: "t", namespace: "team-a" }, spec: { crossplane: {} } };
        const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "t-cm", namespace: "team-a", annotations: { "crossplane.io/composition-resource-name": "cm" } } };
        const out = renderComposition({ composite: v2xr, composition: comp, observed: { resources: [cm] } });
        const secret = out.resources.find((r) => r.name === "t-connection-secret");
        assert.ok(secret);
        assert.deepEqual(get(secret.resource, "data"), { url: Buffer.from("https://x").toString("base64") });
        assert.equal(get(secret.resource, "metadata.namespace"), "team-a");
        assert.equal(get(secret.resource, "metadata.name"), "t-connection");
        assert.deepEqual(out.connectionDetails, {});
    });
});
