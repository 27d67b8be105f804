#!/usr/bin/env node
// The `t3kit` command. The library runs from its TypeScript sources through tsx, so a
// checkout never runs stale compiled code.
require("tsx/cjs");
require("./cli.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
