import { defaultDeny, dnsAllow } from "../components/network-policies/policies";
import { MANAGED_BY_PAVED } from "../components/tenants/manifests";
import { reservedNamespaces } from "../stacks/config/addon-rules";
import { celList, celLiteral } from "./cel";
import type { AdmissionPlan } from "./plan";
import { metadataFor, POLICY_API_VERSION, type PolicyObject } from "./validating";

export const TENANT_NETWORK_POLICY = "tenant-namespace-network";

/** The label PlatformNamespace (components/network-policies) puts on the namespaces the program fences itself. */
export const PLATFORM_NAMESPACE_LABEL = { key: "paved.io/namespace-kind", value: "platform" };

/** Marks the object a CEL literal's namespace is filled in for. */
const NAMESPACE_PLACEHOLDER = "__namespace__";

/**
 * The two NetworkPolicies every tenant namespace gets, as CEL literals whose namespace is
 * `variables.namespace`: the same objects as components/network-policies' defaultDeny and dnsAllow.
 */
export function tenantNetworkPolicyLiterals(): { name: string; expression: string }[] {
    return [
        { name: "defaultDeny", expression: literalFor(defaultDeny(NAMESPACE_PLACEHOLDER)) },
        { name: "allowDns", expression: literalFor(dnsAllow(NAMESPACE_PLACEHOLDER)) },
    ];
}

function literalFor(manifest: object): string {
    return celLiteral(manifest).replace(`'${NAMESPACE_PLACEHOLDER}'`, "variables.namespace");
}

/**
 * GeneratingPolicy, defense in depth: every namespace created outside the program (not a reserved
 * one, not one the program manages) gets default-deny ingress and egress plus a DNS allow, kept in
 * sync (a tenant who deletes them gets them back), also for namespaces that existed before.
 * Claims' own NetworkPolicies, composed by the catalog, are then the only way out.
 *
 * The namespaces the program creates — platform ones (components/network-policies) and the onboarded
 * tenants' (components/tenants, `paved:tenants`) — carry `app.kubernetes.io/managed-by: paved` and
 * get the same two NetworkPolicies from Pulumi; Kyverno leaves them alone so the two never fight
 * over the same objects.
 */
export function tenantNetworkPolicy(plan: AdmissionPlan): PolicyObject {
    const platform = `object.?metadata.?labels.orValue({})[?'${PLATFORM_NAMESPACE_LABEL.key}'].orValue('') != '${PLATFORM_NAMESPACE_LABEL.value}'`;
    const managed = `object.?metadata.?labels.orValue({})[?'${MANAGED_BY_PAVED.key}'].orValue('') != '${MANAGED_BY_PAVED.value}'`;
    return {
        apiVersion: POLICY_API_VERSION,
        kind: "GeneratingPolicy",
        metadata: metadataFor(
            plan,
            TENANT_NETWORK_POLICY,
            "Namespaces created outside the program start with default-deny and a DNS allow",
            `Every namespace except ${reservedNamespaces.join(", ")}, those labelled ${PLATFORM_NAMESPACE_LABEL.key}=${PLATFORM_NAMESPACE_LABEL.value} and those the program manages (${MANAGED_BY_PAVED.key}=${MANAGED_BY_PAVED.value}: platform and onboarded tenant namespaces, which get the same NetworkPolicies from Pulumi) gets the NetworkPolicies default-deny (all ingress and egress) and allow-dns (UDP/TCP 53 to kube-dns), re-created if deleted; claims' composed NetworkPolicies are the only other way out.`,
        ),
        spec: {
            evaluation: {
                admission: { enabled: true },
                generateExisting: { enabled: true },
                synchronize: { enabled: true },
            },
            matchConstraints: {
                resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["namespaces"] }],
            },
            matchConditions: [
                { name: "not-reserved", expression: `!(object.metadata.name in ${celList(reservedNamespaces)})` },
                { name: "not-platform", expression: platform },
                { name: "not-managed-by-paved", expression: managed },
            ],
            variables: [{ name: "namespace", expression: "string(object.metadata.name)" }, ...tenantNetworkPolicyLiterals()],
            generate: [{ expression: "generator.Apply(variables.namespace, [variables.defaultDeny, variables.allowDns])" }],
        },
    };
}
