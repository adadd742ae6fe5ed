/** Valid manifests for the upstream CRD suites and the mutation property (YAML, as a developer writes them). */

export const rdsInstance = `
apiVersion: rds.aws.upbound.io/v1beta3
kind: Instance
metadata:
  name: claims-service-db
  labels: {app.kubernetes.io/name: claims-service}
spec:
  forProvider:
    region: us-east-1
    instanceClass: db.t3.medium
    engine: postgres
    engineVersion: "16.3"
    allocatedStorage: 50
    storageEncrypted: true
    kmsKeyIdSelector: {matchControllerRef: true}
    multiAz: true
    publiclyAccessible: false
    backupRetentionPeriod: 7
    deletionProtection: true
    username: app
    autoGeneratePassword: true
    passwordSecretRef: {name: claims-db-password, namespace: crossplane-system, key: password}
    dbSubnetGroupNameSelector: {matchControllerRef: true}
    vpcSecurityGroupIdSelector: {matchControllerRef: true}
    tags: {Owner: claims-service, App: claims-service, Environment: dev, CostCenter: "1234"}
  writeConnectionSecretToRef: {name: claims-db-conn, namespace: crossplane-system}
`;


export const s3Bucket = `
apiVersion: s3.aws.upbound.io/v1beta2
kind: Bucket
metadata: {name: claims-service-artifacts}
spec:
  forProvider:
    region: eu-west-1
    forceDestroy: false
    objectLockEnabled: true
    tags: {Owner: claims-service, CostCenter: "1234"}
`;


export const replicationGroup = `
apiVersion: elasticache.aws.upbound.io/v1beta2
kind: ReplicationGroup
metadata: {name: claims-cache}
spec:
  forProvider:
    region: us-east-1
    description: claims-service cache
    engine: redis
    nodeType: cache.t4g.small
    numCacheClusters: 2
    automaticFailoverEnabled: true
    multiAzEnabled: true
    atRestEncryptionEnabled: "true"
    autoMinorVersionUpgrade: "true"
    transitEncryptionEnabled: true
    kmsKeyIdSelector: {matchControllerRef: true}
`;


export const nodePool = `
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: general}
spec:
  template:
    metadata:
      labels: {paved.dev/pool: general}
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      expireAfter: 720h
      requirements:
        - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand, spot]}
        - {key: kubernetes.io/arch, operator: In, values: [arm64]}
        - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["5"]}
  limits: {cpu: "200", memory: 800Gi}
  disruption:
    consolidationPolicy: WhenEmptyOrUnderutilized
    consolidateAfter: 1m
    budgets: [{nodes: "10%"}]
  weight: 10
`;


export const nodeClass = `
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: default}
spec:
  role: KarpenterNodeRole-platform
  amiSelectorTerms: [{alias: al2023@latest}]
  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: platform}}]
  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: platform}}]
  blockDeviceMappings:
    - deviceName: /dev/xvda
      rootVolume: true
      ebs: {volumeSize: 50Gi, volumeType: gp3, encrypted: true}
  metadataOptions: {httpTokens: required, httpPutResponseHopLimit: 1}
  tags: {CostCenter: "1234"}
`;


export const externalSecret = `
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: claims-db-credentials, namespace: claims-service}
spec:
  refreshInterval: 1h
  secretStoreRef: {name: aws-secrets-manager, kind: ClusterSecretStore}
  target: {name: claims-db-credentials, creationPolicy: Owner}
  data:
    - secretKey: username
      remoteRef: {key: arn:aws:secretsmanager:us-east-1:123456789012:secret:rds-claims, property: username}
    - secretKey: password
      remoteRef: {key: arn:aws:secretsmanager:us-east-1:123456789012:secret:rds-claims, property: password}
`;


export const clusterSecretStore = `
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata: {name: aws-secrets-manager}
spec:
  provider:
    aws:
      service: SecretsManager
      region: us-east-1
      auth:
        jwt:
          serviceAccountRef: {name: external-secrets, namespace: external-secrets}
`;


export const validatingPolicy = `
apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: {name: postgresql-claims}
spec:
  validationActions: [Deny]
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - apiGroups: [platform.example.com]
        apiVersions: [v1alpha1]
        operations: [CREATE, UPDATE]
        resources: [postgresqlinstances]
  matchConditions:
    - name: has-parameters
      expression: has(object.spec.parameters)
  variables:
    - name: params
      expression: object.spec.parameters
  validations:
    - expression: variables.params.storageGB <= 1024
      message: storageGB must be at most 1024
`;


export const temporalNamespace = `
apiVersion: temporal.io/v1beta1
kind: TemporalNamespace
metadata: {name: claims, namespace: temporal}
spec:
  clusterRef: {name: platform-temporal}
  retentionPeriod: 720h
  description: claims workflows
  ownerEmail: claims@example.com
  allowDeletion: false
  data: {CostCenter: "1234"}
`;


export const composition = `
apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: postgresql-aws-standard
  labels: {provider: aws, tier: standard}
spec:
  compositeTypeRef: {apiVersion: platform.example.com/v1alpha1, kind: XPostgreSQLInstance}
  writeConnectionSecretsToNamespace: crossplane-system
  mode: Pipeline
  pipeline:
    - step: environment
      functionRef: {name: crossplane-contrib-function-environment-configs}
      input:
        apiVersion: environmentconfigs.fn.crossplane.io/v1beta1
        kind: Input
        spec:
          environmentConfigs:
            - type: Reference
              ref: {name: platform-aws-defaults}
    - step: patch-and-transform
      functionRef: {name: crossplane-contrib-function-patch-and-transform}
      input:
        apiVersion: pt.fn.crossplane.io/v1beta1
        kind: Resources
        resources:
          - name: rds-instance
            base:
              apiVersion: rds.aws.upbound.io/v1beta3
              kind: Instance
              spec:
                forProvider: {region: us-east-1, instanceClass: db.t3.medium, storageEncrypted: true}
            patches:
              - {type: FromCompositeFieldPath, fromFieldPath: spec.parameters.storageGB, toFieldPath: spec.forProvider.allocatedStorage}
            readinessChecks: [{type: None}]
`;


export const xrd = `
apiVersion: apiextensions.crossplane.io/v1
kind: CompositeResourceDefinition
metadata:
  name: xpostgresqlinstances.platform.example.com
spec:
  group: platform.example.com
  names: {kind: XPostgreSQLInstance, plural: xpostgresqlinstances}
  claimNames: {kind: PostgreSQLInstance, plural: postgresqlinstances}
  scope: LegacyCluster
  connectionSecretKeys: [username, password, endpoint, port]
  defaultCompositionRef: {name: postgresql-aws-standard}
  defaultCompositionUpdatePolicy: Manual
  versions:
    - name: v1alpha1
      served: true
      referenceable: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [parameters]
              properties:
                parameters:
                  type: object
                  required: [storageGB, instanceClass]
                  properties:
                    storageGB: {type: integer, minimum: 20, maximum: 16384}
                    instanceClass: {type: string, pattern: '^db\\.(t3|t4g|m6g|m7g|r6g|r7g)\\.[a-z0-9]+$'}
                    multiAZ: {type: boolean, default: true}
                  x-kubernetes-validations:
                    - rule: "!self.multiAZ || !self.instanceClass.startsWith('db.t3.micro')"
                      message: multiAZ needs an instance class larger than db.t3.micro
            status:
              type: object
              properties:
                address: {type: string}
`;


/** The reference claim from DESIGN.md, unchanged. */
export { referenceClaimText as referenceClaim } from "../helpers/reference-claim";

