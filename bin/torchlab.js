#!/usr/bin/env node
// The command-line entry; all logic lives in the compiled kernel/cli.ts.
require("../dist/kernel/cli.js").main(process.argv.slice(2));
