import { readStackConfig } from "./config";
import { buildPlatform } from "./platform";

/** Pulumi entry point. Config is validated before any resource is registered. */
export = async () => buildPlatform(readStackConfig());
