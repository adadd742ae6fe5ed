/**
 * The labels a developer's golden-path template puts on every claim it scaffolds: the team that
 * owns it, the application, the environment of the cluster it is deployed to, and the team's cost
 * center. The compositions turn them into the Owner, App, Environment and CostCenter tags.
 */
export interface GoldenPathInput {
    team: string;
    app: string;
    environment: string;
    costCenter: string;
}

export function goldenPathLabels(input: GoldenPathInput): Record<string, string> {
    return { owner: input.team, app: input.app, environment: input.environment, "cost-center": input.costCenter };
}

/** A copy of the claim with the golden-path labels added (existing labels kept). */
export function withGoldenPathLabels<T extends Record<string, unknown>>(claim: T, input: GoldenPathInput): T {
    const copy = structuredClone(claim) as Record<string, any>;
    copy.metadata = { ...(copy.metadata ?? {}) };
    copy.metadata.labels = { ...(copy.metadata.labels ?? {}), ...goldenPathLabels(input) };
    return copy as T;
}

/** The golden-path labels for a catalog example: its namespace is the team's and the app's. */
export function exampleLabels(claim: Record<string, unknown>, environment: string): GoldenPathInput {
    const namespace = String((claim.metadata as Record<string, unknown> | undefined)?.namespace ?? "default");
    return { team: `${namespace}-team`, app: namespace, environment, costCenter: "CC-4200-APPS" };
}
