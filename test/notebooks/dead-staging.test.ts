// After `kill -9` a notebook run's staging folder stays; the next run removes it, and never
// the folder of a run that is still going.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { removeDeadStaging } from "../../lib/notebooks/index";

test("staging folders of gone processes are removed, a live one's kept", async () => {
  const root = join(mkdtempSync(join(tmpdir(), "t3kit-staging-")), ".staging");
  // A process that has ended: its pid names nothing now.
  const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  }).stdout;
  for (const n of [`01-probing-${gone}`, `02-synthesis-${process.pid}`]) {
    mkdirSync(join(root, n), { recursive: true });
    writeFileSync(join(root, n, "half.ipynb"), "{");
  }
  assert.deepEqual(await removeDeadStaging(root), [`01-probing-${gone}`]);
  assert.equal(existsSync(join(root, `01-probing-${gone}`)), false);
  assert.equal(existsSync(join(root, `02-synthesis-${process.pid}`, "half.ipynb")), true);
});
