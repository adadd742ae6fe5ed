/**
 * Claims (or XRs) of the catalog's APIs rendered offline through their Compositions, the way the
 * API server and Crossplane would handle them: the claim is validated and defaulted against its
 * XRD's schema (a claim that breaks it is rejected, exit code 1), a Composition is selected
 * (compositionRef, compositionSelector, or the XRD's default), the claim becomes its XR, and one
 * reconcile of the pipeline runs against the EnvironmentConfig and any observed state.
 */
import { UserInputError, problemsError } from "../cli/errors";
import { claimToComposite, renderComposition, type JsonObject, type ObservedState, type RenderOutput } from "../composition-renderer";
import { errorsOf, formatProblem, manifestId, mergeRegistries, schemaRegistryFromXrd, validateAndDefault, type SchemaRegistry } from "../manifest-validator";
import { loadCatalog, type Catalog, type CatalogApi, type CatalogComposition } from "./index";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export const LABEL_CLAIM_NAME = "crossplane.io/claim-name";
export const LABEL_CLAIM_NAMESPACE = "crossplane.io/claim-namespace";
export const LABEL_COMPOSITE = "crossplane.io/composite";

const registries = new WeakMap<Catalog, SchemaRegistry>();

/** The claim and XR kinds of every API in the catalog, as the API server would serve them. */
export function catalogRegistry(catalog: Catalog = loadCatalog()): SchemaRegistry {
    let r = registries.get(catalog);
    if (!r) {
        r = mergeRegistries(...catalog.apis.map((a) => schemaRegistryFromXrd(a.xrd, `catalog/${a.xrdFile}`)));
        registries.set(catalog, r);
    }
    return r;
}

export interface RenderClaimOptions {
    catalog?: Catalog;
    /** The EnvironmentConfig `platform-aws-defaults` (the whole object). */
    environment: JsonObject;
    /** Observed composed resources and XR status for this claim (a later reconcile). */
    observed?: ObservedState;
    /** The XR's name (default: derived from the claim, deterministic; an observed XR's name wins). */
    compositeName?: string;
}

export interface ClaimRender {
    api: CatalogApi;
    composition: CatalogComposition;
    /** The claim as the API server stores it (defaulted); undefined when an XR was rendered. */
    claim?: JsonObject;
    /** The XR as given to the pipeline. */
    input: JsonObject;
    output: RenderOutput;
}

/** Rejects (exit 1) an object its schema refuses: one `path: rule` line per problem. */
export function admitToSchema(registry: SchemaRegistry, object: unknown, source?: string): JsonObject {
    const result = validateAndDefault(registry, object);
    const errors = errorsOf(result.problems);
    if (errors.length > 0 || !result.object) {
        const where = source ? `${source}: ` : "";
        throw problemsError(`${where}${manifestId(object)} is rejected by its schema:`, errors.map(formatProblem), 1);
    }
    return result.object as JsonObject;
}

function labelsMatch(selector: unknown, labels: Record<string, string>): boolean {
    if (!isObj(selector)) return false;
    const match = isObj(selector.matchLabels) ? selector.matchLabels : {};
    return Object.entries(match).every(([k, v]) => labels[k] === v);
}

/**
 * The Composition Crossplane would use: spec.compositionRef, else the first (by name) matching
 * spec.compositionSelector (Crossplane picks one of the matches at random), else the XRD's default.
 */
export function selectComposition(api: CatalogApi, spec: Obj, where: string): CatalogComposition {
    const ref = isObj(spec.compositionRef) ? str(spec.compositionRef.name) : "";
    const known = api.compositions.map((c) => c.name).join(", ");
    if (ref) {
        const c = api.compositions.find((x) => x.name === ref);
        if (!c) throw new UserInputError(`${where}: spec.compositionRef.name: Composition "${ref}" does not exist for ${api.claimKind} (catalog has: ${known})`, 1);
        return c;
    }
    if (spec.compositionSelector !== undefined) {
        const c = [...api.compositions].sort((a, b) => a.name.localeCompare(b.name)).find((x) => labelsMatch(spec.compositionSelector, x.labels));
        if (!c) throw new UserInputError(`${where}: spec.compositionSelector: no Composition for ${api.claimKind} matches (catalog has: ${known})`, 1);
        return c;
    }
    const c = api.compositions.find((x) => x.name === api.defaultComposition);
    if (!c) throw new UserInputError(`${where}: spec.compositionRef: is required (${api.xrKind} has no default Composition; catalog has: ${known})`, 1);
    return c;
}

/** Renders one claim or XR of a catalog API. Throws UserInputError: exit 1 when the object is rejected. */
export function renderClaim(object: unknown, options: RenderClaimOptions, source?: string): ClaimRender {
    const catalog = options.catalog ?? loadCatalog();
    const where = source ? `${source}: ${manifestId(object)}` : manifestId(object);
    if (!isObj(object)) throw new UserInputError(`${where}: must be a Kubernetes object`, 1);
    const api = catalog.apiFor(str(object.apiVersion), str(object.kind));
    if (!api) {
        const served = catalog.apis.map((a) => `${a.apiVersion} ${a.claimKind}`).join(", ");
        throw new UserInputError(`${where}: apiVersion/kind: ${str(object.apiVersion)} ${str(object.kind)} is not a catalog API (served: ${served})`, 1);
    }
    const admitted = admitToSchema(catalogRegistry(catalog), object, source);
    const spec = isObj(admitted.spec) ? admitted.spec : {};
    const composition = selectComposition(api, spec, where);
    const isClaim = str(admitted.kind) === api.claimKind;
    const input = isClaim
        ? claimToComposite(admitted as JsonObject, api.xrd, { composition: composition.object, name: options.compositeName })
        : admitted;
    const output = renderComposition({
        composite: input,
        composition: composition.object,
        environmentConfigs: [options.environment],
        observed: options.observed,
        xrd: api.xrd,
    });
    return { api, composition, claim: isClaim ? admitted : undefined, input, output };
}

/** The object's labels as strings. */
export function labelsOf(o: unknown): Record<string, string> {
    const meta = isObj(o) && isObj(o.metadata) ? o.metadata : {};
    const labels = isObj(meta.labels) ? meta.labels : {};
    return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, str(v)]));
}

/**
 * Picks, from a set of observed objects (what `kubectl get -o yaml` shows), the ones belonging to
 * one claim or XR: the XR (by claim labels or by name) supplies status and the XR's name; composed
 * resources are those labelled with that XR's name.
 */
export function observedFor(
    docs: JsonObject[],
    api: Pick<CatalogApi, "group" | "xrKind" | "claimKind">,
    object: JsonObject,
): { observed?: ObservedState; compositeName?: string } {
    const meta = isObj(object.metadata) ? object.metadata : {};
    const isClaim = str(object.kind) === api.claimKind;
    const claimNs = str(meta.namespace) || "default";
    const xr = docs.find((d) => {
        if (str(d.kind) !== api.xrKind || str(d.apiVersion).split("/")[0] !== api.group) return false;
        const l = labelsOf(d);
        const dm = isObj(d.metadata) ? d.metadata : {};
        return isClaim ? l[LABEL_CLAIM_NAME] === str(meta.name) && l[LABEL_CLAIM_NAMESPACE] === claimNs : str(dm.name) === str(meta.name);
    });
    const xrName = xr && isObj(xr.metadata) ? str(xr.metadata.name) : isClaim ? undefined : str(meta.name);
    const resources = docs.filter((d) => {
        if (d === xr) return false;
        const l = labelsOf(d);
        if (xrName) return l[LABEL_COMPOSITE] === xrName;
        return isClaim && l[LABEL_CLAIM_NAME] === str(meta.name) && l[LABEL_CLAIM_NAMESPACE] === claimNs;
    });
    if (!xr && resources.length === 0) return {};
    const composite = xrName ?? (resources.length > 0 ? labelsOf(resources[0])[LABEL_COMPOSITE] : undefined);
    const observed: ObservedState = { resources };
    if (xr && isObj(xr.status)) observed.compositeStatus = xr.status as JsonObject;
    return { observed, compositeName: isClaim ? composite : undefined };
}
