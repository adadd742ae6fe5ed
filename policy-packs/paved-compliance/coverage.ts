/**
 * Which policy covers which resource type, for what the type-specific validations cannot declare
 * themselves (stack policies, untyped validations), and which types no control applies to — each
 * with its reason. `test/policy-packs/coverage.test.ts` fails when the program or a catalog
 * Composition creates a type that is neither covered nor exempt here.
 */

const vpcs = ["aws:ec2/vpc:Vpc", "awsx:ec2:Vpc"];
const buckets = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const composition = ["kubernetes:apiextensions.crossplane.io/v1:Composition"];

/** Policies whose validations do not name their types: the types each judges. */
export const declaredCoverage: Record<string, string[]> = {
    "aws-ec2-vpc-enable-flow-logs": [...vpcs, "aws:ec2/flowLog:FlowLog"],
    "aws-ec2-defaultsecuritygroup-disallow-traffic": [...vpcs, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    "aws-ec2-vpc-configure-interface-endpoints": [...vpcs, "aws:ec2/vpcEndpoint:VpcEndpoint"],
    "aws-sqs-queuepolicy-disallow-insecure-transport": ["aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy"],
    "kubernetes-core-namespace-configure-default-deny": ["kubernetes:core/v1:Namespace", "kubernetes:networking.k8s.io/v1:NetworkPolicy"],
    "kubernetes-karpenter-ec2nodeclass-enable-imdsv2": ["kubernetes:karpenter.k8s.aws/v1:EC2NodeClass"],
    "kubernetes-karpenter-ec2nodeclass-disallow-unencrypted-volumes": ["kubernetes:karpenter.k8s.aws/v1:EC2NodeClass"],
    "kubernetes-helm-release-configure-pinned-version": ["kubernetes:helm.sh/v3:Release"],
    "kubernetes-helm-release-configure-high-availability": ["kubernetes:helm.sh/v3:Release"],
    "kubernetes-crossplane-package-configure-pinned-version": ["kubernetes:pkg.crossplane.io/v1:Provider", "kubernetes:pkg.crossplane.io/v1:Function"],
    "kubernetes-crossplane-composition-configure-compliance-fields": composition,
    "kubernetes-crossplane-composition-missing-required-tags": composition,
    "kubernetes-crossplane-composition-configure-data-store-access": composition,
    "kubernetes-rbac-role-disallow-wildcards": ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"],
    "kubernetes-crossplane-xrd-configure-manual-updates": ["kubernetes:apiextensions.crossplane.io/v1:CompositeResourceDefinition"],
    "kubernetes-crossplane-providerconfig-disallow-static-credentials": ["kubernetes:aws.upbound.io/v1beta1:ProviderConfig"],
    "aws-s3-bucket-enable-server-side-encryption": [...buckets, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"],
    "aws-s3-bucket-disallow-public-access": [...buckets, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    "aws-s3-bucket-enable-access-logging": [...buckets, "aws:s3/bucketLogging:BucketLogging"],
    "aws-s3-bucket-enable-versioning": [...buckets, "aws:s3/bucketVersioning:BucketVersioning"],
};

/** Program resource types no FSBP, CIS EKS or NIST control applies to, and why. `*` ends a prefix. */
export const exemptTypes: Record<string, string> = {
    "pulumi:pulumi:Stack": "the stack itself",
    "pulumi:providers:*": "provider configuration; the tag policy reads its defaultTags",
    "paved:*": "local components group their children, which are judged one by one",
    "aws:cloudwatch/eventRule:EventRule": "routes AWS events to the Karpenter queue; the queue's encryption and TLS policy are judged",
    "aws:cloudwatch/eventTarget:EventTarget": "see EventRule",
    "aws:ec2/tag:Tag": "a tag on another resource",
    "aws:kms/alias:Alias": "a name for a key; the key is judged",
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": "binds a service account to a role; the role's trust, boundary and policies are judged",
    "aws:rds/subnetGroup:SubnetGroup": "placement (data subnets) is asserted by component tests; FSBP RDS.46 needs route tables a real preview resolves",
    "aws:rds/parameterGroup:ParameterGroup": "engine settings; the instance's controls are judged",
    "kubernetes:apiextensions.crossplane.io/v1beta1:EnvironmentConfig": "data the Compositions read; the Compositions are judged",
    "kubernetes:argoproj.io/v1alpha1:AppProject": "no FSBP or CIS control applies to Argo CD objects; the tenants project's scope is asserted by component tests",
    "kubernetes:argoproj.io/v1alpha1:Application": "see AppProject",
    "kubernetes:external-secrets.io/v1:ClusterSecretStore": "implements CIS 4.4.2 (external secret storage) itself; its IAM role is judged",
    "kubernetes:external-secrets.io/v1:ExternalSecret": "see ClusterSecretStore",
    "kubernetes:karpenter.sh/v1:NodePool": "scheduling; node security lives in the EC2NodeClass, which is judged",
    "kubernetes:pkg.crossplane.io/v1beta1:DeploymentRuntimeConfig": "pod settings of the providers; Pod Security admission (restricted) enforces them in the cluster",
    "kubernetes:policies.kyverno.io/v1:ValidatingPolicy": "admission policies are judged by their kyverno-test suites (admission-policies/)",
    "kubernetes:policies.kyverno.io/v1:GeneratingPolicy": "see ValidatingPolicy",
    "kubernetes:temporal.io/v1beta1:TemporalCluster": "mTLS and persistence are asserted by component tests; its database is judged",
};

/** Kinds the catalog's Compositions compose that no compliance field applies to, and why. */
export const exemptComposedKinds: Record<string, string> = {
    "s3.aws.upbound.io/BucketLifecycleConfiguration": "object expiry chosen by the claim within XRD bounds",
    "sqs.aws.upbound.io/QueueRedrivePolicy": "dead-lettering; the queues' encryption and TLS policies are judged",
    "secretsmanager.aws.upbound.io/SecretVersion": "the value of a judged Secret",
    "temporal.io/TemporalNamespace": "retention bounded by the XRD and the admission policies; the namespace's NetworkPolicy is judged",
    "temporal.io/TemporalClusterClient": "an mTLS identity issued by the operator",
    "rds.aws.upbound.io/ParameterGroup": "engine settings (the hardened composition forces TLS); the instance's fields are judged",
};

export function isExemptType(type: string): string | undefined {
    for (const [pattern, reason] of Object.entries(exemptTypes)) {
        if (pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern) {
            return reason;
        }
    }
    return undefined;
}
