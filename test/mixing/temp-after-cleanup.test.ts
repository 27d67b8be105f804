// Defect 6: the T3 worker thread of `mix reference` could create its temp file after the
// SIGINT cleanup had removed the temp files, leaving a `.tmp` behind. A reserved temp file
// now exists from the moment it is reserved, and a writer only ever opens an existing one:
// once the cleanup ran, a late writer fails instead of creating a leftover.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { TempOutputs } from "../../lib/mixing/reference/temp-outputs";
import { writeMixRecordsTo } from "../../lib/mixing/run/write-mix-file";
import { packRef } from "../../lib/mixing/sources/record-refs";
import { MemorySource } from "../../lib/mixing/sources/record-source";

test("a writer that starts after the cleanup cannot leave a temp file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-late-writer-"));
  const temps = new TempOutputs();
  const temp = temps.reserve(join(dir, "mix.json"));
  assert.ok(existsSync(temp), "the temp file exists as soon as it is reserved");
  temps.abortAll(); // what the SIGINT handler does
  const source = new MemorySource("s", "memory", [
    {
      id: "a",
      conversations: [
        { from: "human", value: "q" },
        { from: "gpt", value: "a" },
      ],
    },
  ]);
  await assert.rejects(writeMixRecordsTo(temp, [packRef(0, 0)], [source], "llava-json"), /ENOENT/);
  assert.deepEqual(readdirSync(dir), []);
});

test("a reserved temp file is written in full and committed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-late-writer-"));
  const temps = new TempOutputs();
  const target = join(dir, "mix.json");
  const temp = temps.reserve(target);
  const source = new MemorySource("s", "memory", [
    {
      id: "a",
      conversations: [
        { from: "human", value: "q" },
        { from: "gpt", value: "a" },
      ],
    },
  ]);
  await writeMixRecordsTo(temp, [packRef(0, 0)], [source], "json-compact");
  temps.commitAll();
  assert.deepEqual(readdirSync(dir), ["mix.json"]);
});
