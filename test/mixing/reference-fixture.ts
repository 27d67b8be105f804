// Small inputs for the reference recipe: synthetic mix1M-like records plus hand-written
// ones that catch byte-level differences (non-ASCII, escapes, floats, big ints, repeated
// keys, extra keys, text-only records), and the 13 T3 files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticLlava, writeSyntheticT3Dir } from "../fixtures/synthetic-mix-data";

export const TRICKY_LLAVA = [
  '{"id": "tricky_0", "image": "coco\\/train2017\\/000000000001.jpg", "conversations": [{"from": "human", "value": "<image>\\nCaf\\u00E9 or café? 😀 \\ud83d\\ude00 tab\\there"}, {"from": "gpt", "value": "Both \\u0041. \\u007f"}]}',
  '{"id": 12345678901234567890123, "score": 1.0, "small": 1e-05, "big": 1E16, "neg": -0.0, "zero": -0, "conversations": [{"from": "human", "value": "x"}, {"from": "gpt", "value": "y"}]}',
  '{"id": "dup", "conversations": [{"from": "human", "value": "first"}], "image": "a.jpg", "conversations": [{"from": "human", "value": "<image>\\nlast wins"}, {"from": "gpt", "value": "ok", "from": "gpt"}]}',
  '{"id": "text-only", "meta": {}, "tags": [], "conversations": [{"from": "human", "value": "no image"}, {"from": "gpt", "value": "ok"}]}',
  '{"id": "10", "1": "index-like key", "conversations": [{"from": "human", "value": "\\u65e5\\u672c"}, {"from": "gpt", "value": "日本"}]}',
];

/** Writes llava.json (n synthetic records + the tricky ones) and t3/ into a temp folder. */
export async function makeReferenceInputs(
  n = 700,
  pairs = 60,
): Promise<{ dir: string; llava: string; t3Dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-ref-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const llava = join(dir, "llava.json");
  await writeSyntheticLlava(llava, n, { seed: 3 });
  const body = readFileSync(llava, "utf8").trim();
  writeFileSync(llava, `[\n${TRICKY_LLAVA.join(",\n")},\n${body.slice(1)}`);
  const t3Dir = join(dir, "t3");
  await writeSyntheticT3Dir(t3Dir, pairs, 2, { seed: 11 });
  return { dir, llava, t3Dir };
}

function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}

/** Both folders hold the same file names with the same bytes. */
export function assertSameFiles(ours: string, theirs: string): void {
  const a = filesOf(ours);
  const b = filesOf(theirs);
  assert.deepEqual([...a.keys()], [...b.keys()]);
  for (const [name, bytes] of a)
    assert.ok(bytes.equals(b.get(name)!), `${name} differs from Python's`);
}

const ORACLE = join(__dirname, "..", "oracle", "reference_mix.py");

/** Runs the Python recipe (test/oracle/reference_mix.py, written from the released t3_sft/data_creation.py): the oracle. */
export function runPythonRecipe(llava: string, t3Dir: string, out: string, force = false): void {
  const args = [ORACLE, "--llava", llava, "--t3-dir", t3Dir, "--out", out];
  if (force) args.push("--force");
  const r = spawnSync("python3", args, { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
}
