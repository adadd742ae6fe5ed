// Well-known label and annotation keys (crossplane-runtime xcrd).
export const LABEL_COMPOSITE = "crossplane.io/composite";
export const LABEL_CLAIM_NAME = "crossplane.io/claim-name";
export const LABEL_CLAIM_NAMESPACE = "crossplane.io/claim-namespace";
export const ANNOTATION_RESOURCE_NAME = "crossplane.io/composition-resource-name";
