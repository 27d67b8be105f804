#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner (through tsx), or only the
// files whose path contains one of the arguments: `npm test -- mixing json`.
const { readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");

function findTests(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return findTests(p);
      return name.endsWith(".test.ts") ? [p] : [];
    });
}

const filters = process.argv.slice(2);
const files = findTests("test").filter(
  (f) => filters.length === 0 || filters.some((x) => f.includes(x)),
);
if (files.length === 0) {
  console.error(`no test files match ${filters.join(" ")}`);
  process.exit(1);
}
const res = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...files],
  { stdio: "inherit" },
);
process.exit(res.status ?? 1);
