import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { implementsControls } from "../../controls";

/**
 * Every role the platform creates carries the platform permissions boundary.
 * @severity high
 * @frameworks nist-800-53:AC-6
 */
export const configurePermissionsBoundary: ResourceValidationPolicy = {
    name: "aws-iam-role-configure-permissions-boundary",
    description: "Every IAM role the program creates must carry the platform permissions boundary, and no component may create roles the program cannot bound.",
    enforcementLevel: "mandatory",
    severity: "high",
    ...implementsControls("Least privilege", "nist:AC-6", "nist:AC-6(10)"),
    remediationSteps: "Set permissionsBoundary to the IamBaseline's permissionsBoundaryArn (PodIdentityRole does this); give eks.Cluster a serviceRole you created and createInstanceRole: false.",
    configSchema: { properties: { boundaryNameSuffix: { type: "string", default: "-permissions-boundary" } } },
    validateResource: [
        validateResourceOfType(aws.iam.Role, (role, args, report) => {
            const { boundaryNameSuffix } = args.getConfig<{ boundaryNameSuffix: string }>();
            if (!role.permissionsBoundary) {
                report("permissionsBoundary is not set.");
            } else if (!role.permissionsBoundary.endsWith(boundaryNameSuffix)) {
                report(`permissionsBoundary ${role.permissionsBoundary} is not the platform boundary (a policy named *${boundaryNameSuffix}).`);
            }
        }),
        validateResourceOfType(eks.Cluster, (cluster, _, report) => {
            if (!cluster.serviceRole) {
                report("no serviceRole: the component creates an EKS cluster role without the permissions boundary.");
            }
            if (cluster.createInstanceRole === true || (cluster.skipDefaultNodeGroup !== true && !cluster.instanceRole && !cluster.instanceRoles)) {
                report("the component creates a node instance role without the permissions boundary (set createInstanceRole: false and bring your own roles).");
            }
        }),
    ],
};
