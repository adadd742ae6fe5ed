/** The reference claim of DESIGN.md ("The reference claim"), verbatim: it must be accepted and render unchanged. */
export const referenceClaimText = `apiVersion: platform.example.com/v1alpha1
kind: PostgreSQLInstance
metadata:
  name: claims-service-db
  namespace: claims-service
spec:
  parameters:
    storageGB: 50
    instanceClass: db.t3.medium
    multiAZ: true
  compositionRef:
    name: postgresql-aws-standard
  writeConnectionSecretToRef:
    name: claims-service-db-connection
`;
