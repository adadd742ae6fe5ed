import type { PolicyComplianceFramework } from "@pulumi/policy";

/** Control frameworks the pack maps to. */
export const frameworks = {
    fsbp: { name: "AWS Foundational Security Best Practices", version: "1.0.0", tag: "fsbp" },
    cisEks: { name: "CIS Amazon EKS Benchmark", version: "1.7.0", tag: "cis-eks" },
    nist: { name: "NIST SP 800-53", version: "Rev. 5", tag: "nist-800-53" },
    tagging: { name: "AWS Resource Tagging Standard", version: "1.0.0", tag: "aws-tagging" },
} as const;

export type FrameworkKey = keyof typeof frameworks;
export type ControlRef = `${FrameworkKey}:${string}`;

/**
 * Policy metadata for the controls a policy implements: `framework` names the primary control
 * (the SDK has room for one), `tags` list every control as `<framework>:<id>` for reports and evidence.
 */
export function implementsControls(primaryDescription: string, ...refs: [ControlRef, ...ControlRef[]]): { framework: PolicyComplianceFramework; tags: string[] } {
    const [first] = refs;
    const [key, id] = splitRef(first);
    const fw = frameworks[key];
    return {
        framework: { name: fw.name, version: fw.version, reference: id, specification: primaryDescription },
        tags: refs.map((r) => {
            const [k, i] = splitRef(r);
            return `${frameworks[k].tag}:${i}`;
        }),
    };
}

function splitRef(ref: ControlRef): [FrameworkKey, string] {
    const i = ref.indexOf(":");
    return [ref.slice(0, i) as FrameworkKey, ref.slice(i + 1)];
}

/** Parses a tag written by `implementsControls` back into framework name and control id. */
export function parseControlTag(tag: string): { framework: string; id: string } | undefined {
    const i = tag.indexOf(":");
    const fw = Object.values(frameworks).find((f) => f.tag === tag.slice(0, i));
    return fw && i > 0 ? { framework: fw.name, id: tag.slice(i + 1) } : undefined;
}
