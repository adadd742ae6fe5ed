#!/usr/bin/env node
// The `paved` command. TypeScript sources run through tsx: there is no build step.
require("tsx/cjs");
require("../cli/main.ts")
    .main(process.argv.slice(2))
    // Exit once stdout is flushed: on a pipe, process.exit would cut a large report short.
    .then((code) => process.stdout.write("", () => process.exit(code)));
