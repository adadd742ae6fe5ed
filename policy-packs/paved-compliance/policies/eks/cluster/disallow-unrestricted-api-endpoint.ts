import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * The API server is reachable privately; a public endpoint is allowed only with an allow-list.
 * @severity high
 * @frameworks fsbp:EKS.1, cis-eks:5.4.1, cis-eks:5.4.2
 */
export const disallowUnrestrictedApiEndpoint: ResourceValidationPolicy = {
    name: "aws-eks-cluster-disallow-unrestricted-api-endpoint",
    description: "EKS clusters must enable the private API endpoint and keep the public one off, or restrict it to an allow-list that excludes 0.0.0.0/0.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("EKS cluster endpoints should not be publicly accessible", "fsbp:EKS.1", "cisEks:5.4.1", "cisEks:5.4.2"),
    remediationSteps: "Set endpointPrivateAccess: true and endpointPublicAccess: false. If operators need the public endpoint, set paved:cluster.endpoint.publicAccess with a publicAccessCidrs allow-list of corporate egress ranges.",
    validateResource: [
        validateResourceOfType(aws.eks.Cluster, (cluster, _, report) => {
            const vpc = cluster.vpcConfig;
            // The AWS API defaults: private off, public on for everyone.
            check(vpc?.endpointPrivateAccess ?? false, vpc?.endpointPublicAccess ?? true, vpc?.publicAccessCidrs, report, "vpcConfig.");
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            // @pulumi/eks defaults: private off, public on.
            check(cluster.endpointPrivateAccess ?? false, cluster.endpointPublicAccess ?? true, cluster.publicAccessCidrs, report, "");
        }),
    ],
};

function check(privateAccess: boolean, publicAccess: boolean, cidrs: string[] | undefined, report: (m: string) => void, prefix: string): void {
    if (!privateAccess) {
        report(`${prefix}endpointPrivateAccess is not true: nodes and pods reach the API server over the internet.`);
    }
    if (!publicAccess) {
        return;
    }
    const list = cidrs ?? [];
    if (list.length === 0) {
        report(`${prefix}endpointPublicAccess is true without publicAccessCidrs: the API server is open to the internet.`);
    } else if (list.some((c) => c === "0.0.0.0/0" || c === "::/0")) {
        report(`${prefix}publicAccessCidrs contains ${list.find((c) => c === "0.0.0.0/0" || c === "::/0")}: the allow-list allows everyone.`);
    }
}
