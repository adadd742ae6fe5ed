import type { Policies } from "@pulumi/policy";
import { configureHighAvailability } from "./kubernetes/helm/configure-high-availability";
import { configureHelmPinnedVersion } from "./kubernetes/helm/configure-pinned-version";
import { disallowTraffic } from "./ec2/defaultsecuritygroup/disallow-traffic";
import { disallowUnencryptedVolumes } from "./ec2/launchtemplate/disallow-unencrypted-volumes";
import { enableImdsv2 } from "./ec2/launchtemplate/enable-imdsv2";
import { disallowPublicIngress } from "./ec2/securitygroup/disallow-public-ingress";
import { enableFlowLogs } from "./ec2/vpc/enable-flow-logs";
import { configureRetention } from "./cloudwatch/loggroup/configure-retention";
import { enableKmsEncryption } from "./cloudwatch/loggroup/enable-kms-encryption";
import { enableNetworkPolicy } from "./eks/addon/enable-network-policy";
import { configureApiAuthenticationMode } from "./eks/cluster/configure-api-authentication-mode";
import { disallowUnrestrictedApiEndpoint } from "./eks/cluster/disallow-unrestricted-api-endpoint";
import { enableControlPlaneLogging } from "./eks/cluster/enable-control-plane-logging";
import { enableSecretsEncryption } from "./eks/cluster/enable-secrets-encryption";
import { enableNodeGroupImdsv2 } from "./eks/nodegroup/enable-imdsv2";
import { configureDeletionWindow } from "./kms/key/configure-deletion-window";
import { disallowPublicAccess } from "./kms/key/disallow-public-access";
import { enableKeyRotation } from "./kms/key/enable-key-rotation";
import { disallowClusterAdmin } from "./eks/accessentry/disallow-cluster-admin";
import { disallowWildcardAdmin } from "./iam/policy/disallow-wildcard-admin";
import { configurePermissionsBoundary } from "./iam/role/configure-permissions-boundary";
import { disallowUnscopedOidcTrust } from "./iam/role/disallow-unscoped-oidc-trust";
import { configureDefaultDeny } from "./kubernetes/namespace/configure-default-deny";
import { disallowEc2NodeClassUnencryptedVolumes } from "./kubernetes/karpenter/disallow-unencrypted-volumes";
import { enableEc2NodeClassImdsv2 } from "./kubernetes/karpenter/enable-imdsv2";
import { enableEncryption as enableSqsEncryption } from "./sqs/queue/enable-encryption";
import { disallowInsecureTransport as disallowSqsInsecureTransport } from "./sqs/queuepolicy/disallow-insecure-transport";
import { missingRequiredTags } from "./tagging/missing-required-tags";
import { remediateMissingTags } from "./tagging/remediate-missing-tags";
import { configurePinnedVersion as configureCrossplanePinnedVersion } from "./kubernetes/crossplane/configure-pinned-version";
import { configureBackupRetention as configureRdsBackupRetention } from "./rds/instance/configure-backup-retention";
import { disallowPublicAccess as disallowRdsPublicAccess } from "./rds/instance/disallow-public-access";
import { enableDeletionProtection as enableRdsDeletionProtection } from "./rds/instance/enable-deletion-protection";
import { enableIamAuthentication as enableRdsIamAuthentication } from "./rds/instance/enable-iam-authentication";
import { enableLogExports as enableRdsLogExports } from "./rds/instance/enable-log-exports";
import { enableStorageEncryption as enableRdsStorageEncryption } from "./rds/instance/enable-storage-encryption";
import { configureComplianceFields as configureCompositionComplianceFields } from "./kubernetes/composition/configure-compliance-fields";
import { configureDataStoreAccess as configureCompositionDataStoreAccess } from "./kubernetes/composition/configure-data-store-access";
import { missingRequiredTags as missingCompositionRequiredTags } from "./kubernetes/composition/missing-required-tags";
import { disallowUnencryptedVolume } from "./ebs/volume/disallow-unencrypted-volume";
import { disallowPublicIp } from "./ec2/instance/disallow-public-ip";
import { disallowInstanceUnencryptedVolumes } from "./ec2/instance/disallow-unencrypted-volumes";
import { enableEfsEncryption } from "./efs/filesystem/enable-encryption";
import { enableMultiAz } from "./rds/instance/enable-multi-az";
import { disallowPublicAccess as disallowBucketPublicAccess } from "./s3/bucket/disallow-public-access";
import { enableAccessLogging as enableBucketAccessLogging } from "./s3/bucket/enable-access-logging";
import { enableServerSideEncryption as enableBucketEncryption } from "./s3/bucket/enable-server-side-encryption";
import { enableVersioning as enableBucketVersioning } from "./s3/bucket/enable-versioning";
import { configureInterfaceEndpoints } from "./ec2/vpc/configure-interface-endpoints";
import { configureAudience } from "./iam/openidconnectprovider/configure-audience";
import { disallowAdminAccess } from "./iam/rolepolicyattachment/disallow-admin-access";
import { disallowStaticCredentials } from "./kubernetes/providerconfig/disallow-static-credentials";
import { disallowWildcardsAndEscalation } from "./kubernetes/rbac/disallow-wildcards";
import { configureManualUpdates } from "./kubernetes/xrd/configure-manual-updates";

/** Every policy of the pack, as a plain array (tests and the offline engine use this; only ../index.ts builds the PolicyPack). */
export const policies: Policies = [
    enableSecretsEncryption,
    disallowUnrestrictedApiEndpoint,
    enableControlPlaneLogging,
    configureApiAuthenticationMode,
    enableNetworkPolicy,
    enableNodeGroupImdsv2,
    enableFlowLogs,
    disallowTraffic,
    disallowPublicIngress,
    enableImdsv2,
    disallowUnencryptedVolumes,
    enableKeyRotation,
    configureDeletionWindow,
    disallowPublicAccess,
    enableKmsEncryption,
    configureRetention,
    missingRequiredTags,
    remediateMissingTags,
    disallowWildcardAdmin,
    configurePermissionsBoundary,
    disallowUnscopedOidcTrust,
    disallowClusterAdmin,
    configureDefaultDeny,
    enableSqsEncryption,
    disallowSqsInsecureTransport,
    enableEc2NodeClassImdsv2,
    disallowEc2NodeClassUnencryptedVolumes,
    configureHelmPinnedVersion,
    configureHighAvailability,
    configureCrossplanePinnedVersion,
    disallowRdsPublicAccess,
    enableRdsStorageEncryption,
    configureRdsBackupRetention,
    enableRdsDeletionProtection,
    enableRdsIamAuthentication,
    enableRdsLogExports,
    configureCompositionComplianceFields,
    missingCompositionRequiredTags,
    configureCompositionDataStoreAccess,
    disallowPublicIp,
    disallowInstanceUnencryptedVolumes,
    disallowUnencryptedVolume,
    enableEfsEncryption,
    enableMultiAz,
    enableBucketEncryption,
    disallowBucketPublicAccess,
    enableBucketAccessLogging,
    enableBucketVersioning,
    configureInterfaceEndpoints,
    configureAudience,
    disallowAdminAccess,
    disallowWildcardsAndEscalation,
    configureManualUpdates,
    disallowStaticCredentials,
];
