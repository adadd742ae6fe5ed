import type { AdmissionResult } from "./types";

/** Text rendering of one admission verdict: the request, one line per policy, the decision. */
export function formatAdmissionResult(result: AdmissionResult): string {
    const r = result.request;
    const where = r.namespace ? `${r.namespace}/${r.name}` : r.name;
    const lines = [`${r.operation} ${r.kind || "<no kind>"} ${where || "<no name>"}: ${result.admitted ? "admitted" : "denied"}`];
    for (const p of result.results) {
        lines.push(`  ${p.status.padEnd(5)} ${p.policy} [${p.actions.join(",")}]: ${p.message}`);
    }
    for (const note of result.notes) lines.push(`  note: ${note}`);
    return lines.join("\n");
}
