#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner (through tsx), or only the
// files whose path contains one of the arguments: `npm test -- mixing json`.
// Every test's temporary files go under one folder of this run (TMPDIR), removed at the
// end, so that a test that forgets its temp folder leaves nothing behind
// (T3KIT_KEEP_TEST_TMP=1 keeps it, and says where).
const { mkdtempSync, readdirSync, rmSync, statSync } = require("node:fs");
const { tmpdir } = require("node:os");
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
const runTmp = mkdtempSync(join(tmpdir(), "t3kit-tests-"));
const res = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...files],
  { stdio: "inherit", env: { ...process.env, TMPDIR: runTmp } },
);
if (process.env.T3KIT_KEEP_TEST_TMP === "1")
  console.error(`test temporary files kept in ${runTmp}`);
else rmSync(runTmp, { recursive: true, force: true });
process.exit(res.status ?? 1);
