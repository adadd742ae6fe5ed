import type { EnforcementLevel } from "@pulumi/policy";
import { policies } from "./policies";

export { policies };

/** The pack's identity, shared by index.ts (the real policy server) and the offline engine. */
export const packName = "paved-compliance";
export const packVersion: string = require("./package.json").version;
/** Policies set their own level; this applies to any that does not. */
export const packEnforcementLevel: EnforcementLevel = "mandatory";

export const pavedCompliancePack = { name: packName, version: packVersion, enforcementLevel: packEnforcementLevel, policies };
