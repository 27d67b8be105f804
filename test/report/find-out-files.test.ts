import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { findOutFiles } from "../../lib/report/index";
import { runPythonJson } from "../oracle/run-python";

// Names a stage might write: spaces, regex and URL metacharacters, CJK, emoji, dots.
const FILES = [
  "synthesis/manifest.json",
  "synthesis/manifest.json.bak",
  "mixes/a.manifest.json",
  "mixes/a+b (1).manifest.json",
  "mixes/[x]{2}$^.manifest.json",
  "mixes/deep/er/混合 🎉.manifest.json",
  "mixes/.hidden.manifest.json",
  "mixes/.staging/x.manifest.json",
  "mixes/amanifest.json",
  "probing/manifest.json",
  "probing/run 1/probe-manifest.json",
  "probing/run 1/manifest.jsonl",
  "figures/probing-ünï #1?&.png",
  "figures/sub/not-top.png",
  "tables/evaluation-表.csv",
];

const PATTERNS = [
  "synthesis/manifest.json",
  "mixes/*.manifest.json",
  "mixes/**/*.manifest.json",
  "probing/**/*manifest*.json",
  "figures/*.png",
  "tables/*.csv",
  "nothing/**/*.json",
];

test("findOutFiles matches as Python's glob(recursive=True) does, hostile names included", async () => {
  const root = mkdtempSync(join(tmpdir(), "t3kit-find-"));
  for (const f of FILES) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), "{}");
  }
  // Python's glob also skips hidden names for * and **, and ** matches zero or more folders.
  const expected = runPythonJson<Record<string, string[]>>(
    `import glob, json, sys
root, patterns = json.load(sys.stdin)
print(json.dumps({p: sorted(set(glob.glob(p, root_dir=root, recursive=True))) for p in patterns}))`,
    JSON.stringify([root, PATTERNS]),
  );
  for (const p of PATTERNS) {
    assert.deepEqual(await findOutFiles(root, [p]), expected[p], p);
  }
});
