import { loadCatalog } from "../catalog";
import { admissionSchema } from "./config";
import { planAdmission } from "./plan";

/**
 * Cross-checks `paved:admission` against the catalog's XRDs while the stack config is read (the
 * stack's config errors come all at once, exit 2): kinds, parameters, values and compositions the
 * catalog does not have. Runs only on a section that is well-formed on its own.
 */
export function admissionConfigProblems(values: Record<string, unknown>): string[] {
    const parsed = admissionSchema.safeParse(values.admission);
    if (!parsed.success) return [];
    const environment = typeof values.environment === "string" ? values.environment : "";
    return planAdmission({ stack: "", environment, admission: parsed.data, catalog: loadCatalog() }).problems;
}
