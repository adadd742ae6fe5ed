import type { SubstrateContext } from "./substrate-context";

/**
 * The substrate's add-ons, in install order. Each is a component in components/<add-on>/,
 * configured from `Pulumi.<stack>.yaml` and installed into its own default-deny namespace.
 */
export function buildAddons(ctx: SubstrateContext) {
    void ctx;
    return {};
}
