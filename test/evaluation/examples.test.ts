import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { evaluationExamplesDir, filesUnder } from "../../lib/evaluation/index";
import { tempDir } from "./result-fixtures";

test("data/evaluation/examples is what scripts/make-evaluation-examples.ts makes today", () => {
  const out = tempDir("examples");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/make-evaluation-examples.ts", out], {
    encoding: "utf8",
  });
  const made = filesUnder(out).map((f) => relative(out, f));
  const kept = filesUnder(evaluationExamplesDir())
    .map((f) => relative(evaluationExamplesDir(), f))
    .filter((f) => !f.startsWith("textual/"));
  assert.deepEqual(made, kept);
  for (const f of made) {
    assert.ok(
      readFileSync(join(out, f)).equals(readFileSync(join(evaluationExamplesDir(), f))),
      `${f} differs`,
    );
  }
});
