/** Reading Karpenter EC2NodeClass custom resources as policies see them. */

export const ec2NodeClassType = "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass";

export interface EC2NodeClassSpec {
    metadataOptions?: { httpEndpoint?: string; httpTokens?: string; httpPutResponseHopLimit?: number };
    blockDeviceMappings?: { deviceName?: string; rootVolume?: boolean; ebs?: { encrypted?: boolean | string; kmsKeyID?: string } }[];
}

/** The spec of an EC2NodeClass resource, or undefined for any other resource type. */
export function ec2NodeClassSpec(args: { type: string; props: Record<string, any> }): EC2NodeClassSpec | undefined {
    return args.type === ec2NodeClassType ? ((args.props.spec ?? {}) as EC2NodeClassSpec) : undefined;
}
