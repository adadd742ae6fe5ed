/** Reading IAM policy documents as policies see them (JSON text or objects). */

export interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Principal?: string | Record<string, string | string[]>;
    Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of a policy document, or a reason it cannot be read. */
export function statementsOf(document: unknown): Statement[] | string {
    let doc = document;
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return "the policy is not valid JSON";
        }
    }
    const statements = (doc as { Statement?: unknown })?.Statement;
    if (statements === undefined) {
        return "the policy has no Statement";
    }
    return (Array.isArray(statements) ? statements : [statements]) as Statement[];
}

export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
