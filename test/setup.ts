import * as fs from "node:fs";
import * as path from "node:path";

// Suites that validate manifests read upstream CRDs from PAVED_CRD_DIR; default it to the workspace's shared copy
// (see test/helpers/crds.ts for what happens without one).
const shared = path.resolve(__dirname, "..", "..", "shared", "crds");
if (!process.env.PAVED_CRD_DIR && fs.existsSync(shared)) {
    process.env.PAVED_CRD_DIR = shared;
}
