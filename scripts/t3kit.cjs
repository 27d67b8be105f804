#!/usr/bin/env node
// The `t3kit` command. The library runs from its TypeScript sources through tsx, so a
// checkout never runs stale compiled code.
// The process that started this one, read first: when it goes away (`npx` or its shell
// killed without passing the signal on), this one ends too (lib/processes).
const parentPid = process.ppid;
require("tsx/cjs");
require("../lib/processes/index.ts").endWithParent(parentPid);
require("./cli.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
