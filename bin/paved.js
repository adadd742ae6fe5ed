#!/usr/bin/env node
// The `paved` command. TypeScript sources run through tsx: there is no build step.
require("tsx/cjs");
require("../cli/main.ts")
    .main(process.argv.slice(2))
    .then((code) => process.exit(code));
