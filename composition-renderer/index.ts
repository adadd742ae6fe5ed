// Offline function-patch-and-transform renderer: claims -> XR -> composed resources.
//
// Values follow Go's typing (see go/values.ts): parse YAML with
// `{ intAsBigInt: true }` so integers arrive as bigint (int64) and floats as number (float64).
// Numbers cross the function boundary as a protobuf Struct would carry them,
// so inside a function every observed number is a float64, exactly as upstream.
export { GoInt } from "./go/values";
export type { JsonObject, Value } from "./go/values";
export { sprintf } from "./go/fmt";
export { claimToComposite } from "./crossplane/claim";
export type { ClaimToCompositeOptions } from "./crossplane/claim";
export { renderComposition } from "./crossplane/render";
export type { ComposedResource, ObservedState, RenderInput, RenderOutput } from "./crossplane/render";
export type { StepResult } from "./crossplane/pipeline";
export type { KnownFunction } from "./crossplane/functions";
export { runPatchAndTransform } from "./pt/function";
export { runEnvironmentConfigs } from "./envconfigs/function";
export type { FnRequest, FnResponse, FnResource, FnResult, FnState } from "./pt/function-types";
