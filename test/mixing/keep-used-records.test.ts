// A large LLaVA file is not held by `mix run`: each point reads back the records it uses.
// The files written must be the ones written from the file held whole.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadMixSpec, runMix } from "../../lib/mixing/index";
import { dataDir } from "../../lib/paths/index";

test("mix run reading back only the LLaVA records each point uses writes the same files", async () => {
  // Two sweep points, a holdout, and the LLaVA file next to the 13 T3 files.
  const file = join(dataDir, "mixes", "released-t3-all-lratio2.yaml");
  const spec = loadMixSpec(file);
  const dir = mkdtempSync(join(tmpdir(), "t3kit-keep-used-"));
  const held = join(dir, "held");
  const readBack = join(dir, "read-back");
  await runMix(spec, { specFile: file, outDir: held });
  await runMix(spec, { specFile: file, outDir: readBack, keepWholeLlavaBelow: 0 });
  const names = readdirSync(held).sort();
  assert.ok(names.filter((n) => n.endsWith(".holdout.json")).length === 2, names.join(", "));
  assert.deepEqual(readdirSync(readBack).sort(), names);
  // The summary and the manifests name the output folder; nothing else may differ.
  for (const n of names)
    assert.equal(
      readFileSync(join(readBack, n), "utf8").split(readBack).join(held),
      readFileSync(join(held, n), "utf8"),
      `${n} differs`,
    );
});
