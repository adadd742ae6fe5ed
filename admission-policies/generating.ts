import { defaultDeny, dnsAllow } from "../components/network-policies/policies";
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
 * GeneratingPolicy: every tenant namespace (any namespace but the reserved ones and those the
 * program creates for its controllers) gets default-deny ingress and egress plus a DNS allow, kept
 * in sync (a tenant who deletes them gets them back), also for namespaces that existed before.
 * Claims' own NetworkPolicies, composed by the catalog, are then the only way out.
 *
 * A GeneratingPolicy rather than Pulumi resources: tenant namespaces are created by Argo CD from
 * the GitOps repository (paved:gitops), not by this program, which cannot know their names.
 */
export function tenantNetworkPolicy(plan: AdmissionPlan): PolicyObject {
    const platform = `object.?metadata.?labels.orValue({})[?'${PLATFORM_NAMESPACE_LABEL.key}'].orValue('') != '${PLATFORM_NAMESPACE_LABEL.value}'`;
    return {
        apiVersion: POLICY_API_VERSION,
        kind: "GeneratingPolicy",
        metadata: metadataFor(
            plan,
            TENANT_NETWORK_POLICY,
            "Tenant namespaces start with default-deny and a DNS allow",
            `Every namespace except ${reservedNamespaces.join(", ")} and those labelled ${PLATFORM_NAMESPACE_LABEL.key}=${PLATFORM_NAMESPACE_LABEL.value} gets the NetworkPolicies default-deny (all ingress and egress) and allow-dns (UDP/TCP 53 to kube-dns), re-created if deleted; claims' composed NetworkPolicies are the only other way out.`,
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
            ],
            variables: [{ name: "namespace", expression: "string(object.metadata.name)" }, ...tenantNetworkPolicyLiterals()],
            generate: [{ expression: "generator.Apply(variables.namespace, [variables.defaultDeny, variables.allowDns])" }],
        },
    };
}
