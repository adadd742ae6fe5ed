import { admit, formatAdmissionResult, readKubernetesYaml, type AdmissionResult } from "../../admission-evaluator";
import { compiledAdmissionPolicies, namespaceObjectForStack } from "../../admission-policies";
import { parseFlags } from "../args";
import { UserInputError } from "../errors";

export const admitUsage = "paved admit RESOURCE.yaml... [--stack S]";

/**
 * Judges each object of the given files (multi-document YAML) with the stack's admission policies,
 * as a CREATE by a developer. A namespaced object without a namespace goes to `default`, as kubectl
 * sends it; its Namespace is the one the stack's cluster holds (an onboarded tenant's from
 * `paved:tenants`, labels included, else a bare one). Exit 0 when every object is admitted, 1 when
 * any is denied, 2 on bad usage or input.
 */
export async function runAdmit(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(argv, { stack: { type: "string" } }, true);
    if (positionals.length === 0) throw new UserInputError(`no resource file given (usage: ${admitUsage})`);
    const stack = values.stack ?? "dev";
    const objects = positionals.flatMap((file) => readKubernetesYaml(file).map((object, i) => ({ file, index: i, object })));
    if (objects.length === 0) throw new UserInputError(`${positionals.join(", ")}: no YAML document found`);
    const compiled = compiledAdmissionPolicies(stack);
    const verdicts: AdmissionResult[] = [];
    for (const { file, index, object } of objects) {
        if (typeof object !== "object" || object === null || Array.isArray(object)) {
            throw new UserInputError(`${file}: document ${index + 1} is not a Kubernetes object`);
        }
        const subject = inDefaultNamespace(object as Record<string, unknown>, compiled.resourceMap);
        const verdict = admit(compiled, { object: subject, namespaceObject: namespaceOf(stack, subject) });
        verdicts.push(verdict);
        process.stdout.write(`${formatAdmissionResult(verdict)}\n`);
        for (const denial of verdict.denials) process.stdout.write(`  denied: ${denial}\n`);
    }
    const denied = verdicts.filter((v) => !v.admitted).length;
    process.stdout.write(`${verdicts.length - denied} admitted, ${denied} denied (stack ${stack}, ${compiled.policies.length} policies)\n`);
    return denied > 0 ? 1 : 0;
}

function inDefaultNamespace(object: Record<string, unknown>, map: ReturnType<typeof compiledAdmissionPolicies>["resourceMap"]): Record<string, unknown> {
    const metadata = object.metadata;
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return object;
    const meta = metadata as Record<string, unknown>;
    const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    const kind = typeof object.kind === "string" ? object.kind : "";
    if ((meta.namespace === undefined || meta.namespace === "") && map.resolve(group, kind).info.namespaced) {
        return { ...object, metadata: { ...meta, namespace: "default" } };
    }
    return object;
}

/** The Namespace the API server would hand the webhook: as the stack's cluster holds it. */
function namespaceOf(stack: string, object: Record<string, unknown>): Record<string, unknown> | null {
    const namespace = (object.metadata as Record<string, unknown> | undefined)?.namespace;
    if (typeof namespace !== "string" || namespace === "") return null;
    return namespaceObjectForStack(stack, namespace);
}
