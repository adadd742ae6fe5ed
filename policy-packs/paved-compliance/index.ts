import { PolicyPack } from "@pulumi/policy";
import { packEnforcementLevel, packName, policies } from "./pack";

// The only place that constructs the pack: `pulumi preview --policy-pack policy-packs/paved-compliance`.
new PolicyPack(packName, {
    description: "paved compliance baseline: AWS FSBP, CIS Amazon EKS and tagging controls for the substrate and catalog.",
    enforcementLevel: packEnforcementLevel,
    policies,
});
