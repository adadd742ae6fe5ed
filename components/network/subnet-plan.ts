import { formatCidr, mustParseCidr, nthBlock } from "./cidr";

/** Largest and smallest VPC the plan supports (AWS allows /16 to /28; /20 keeps public subnets at /28). */
export const vpcPrefixRange = { min: 16, max: 20 } as const;
export const azCountRange = { min: 2, max: 6 } as const;

export interface SubnetPlan {
    /** Workload subnets (nodes and pods, VPC CNI): one eighth of the VPC each. */
    readonly private: string[];
    /** Data subnets (RDS, ElastiCache): no route to the internet. */
    readonly data: string[];
    /** Load-balancer subnets only. */
    readonly public: string[];
}

/**
 * Splits the VPC into eighths: eighths 0..n-1 hold one private subnet per AZ, eighth 6 holds the
 * data subnets (/p+6) and eighth 7 the public ones (/p+8). Subnets never overlap and always fit.
 */
export function planSubnets(vpcCidr: string, azCount: number): SubnetPlan {
    const vpc = mustParseCidr(vpcCidr);
    if (vpc.prefix < vpcPrefixRange.min || vpc.prefix > vpcPrefixRange.max) {
        throw new Error(`VPC prefix /${vpc.prefix} is outside /${vpcPrefixRange.min}-/${vpcPrefixRange.max}`);
    }
    if (!Number.isInteger(azCount) || azCount < azCountRange.min || azCount > azCountRange.max) {
        throw new Error(`AZ count ${azCount} is outside ${azCountRange.min}-${azCountRange.max}`);
    }
    const dataEighth = nthBlock(vpc, vpc.prefix + 3, 6);
    const publicEighth = nthBlock(vpc, vpc.prefix + 3, 7);
    const azs = [...Array(azCount).keys()];
    return {
        private: azs.map((i) => formatCidr(nthBlock(vpc, vpc.prefix + 3, i))),
        data: azs.map((i) => formatCidr(nthBlock(dataEighth, vpc.prefix + 6, i))),
        public: azs.map((i) => formatCidr(nthBlock(publicEighth, vpc.prefix + 8, i))),
    };
}
