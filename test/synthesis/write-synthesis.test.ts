/**
 * A whole synthesis of the embedded caption set: every file the mixing stage loads is
 * there, every item (read back from the files) passes the verifier, Python reads the
 * files as the released format, the manifest matches the files, the bytes depend only on
 * captions and seed, and bad input stops the run before anything is written.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { dataDir } from "../../lib/paths/index";
import { TASK_KEYS, type TaskKey } from "../../lib/records/index";
import type { SynthesisManifest } from "../../lib/records/index";
import {
  PREFIX_POOL,
  SUFFIX_POOL,
  parseRenderedQuestion,
  verifyRendered,
  writeSynthesis,
} from "../../lib/synthesis/index";

const EMBEDDED = join(dataDir, "captions", "embedded-captions.jsonl");
const root = mkdtempSync(join(tmpdir(), "t3kit-synth-"));
const outA = join(root, "a");
const outB = join(root, "b");
let manifest: SynthesisManifest;

/** The 13 file names data_creation.py loads (t3_sft/data_creation.py in llyx97/video-t3). */
const RELEASED = [
  "temp_qa_order_train_long.json",
  "temp_qa_attribute_train_long.json",
  "temp_qa_order_train_long_2x_15k.json",
  "temp_qa_attribute_train_long_2x_15k.json",
  "temp_qa_order_train_long_4x_15k.json",
  "temp_qa_attribute_train_long_4x_15k.json",
  "temp_qa_attribute_train_long_8x_15k.json",
  "temp_qa_order_train_long_8x_15k.json",
  "temp_qa_refer_anchor_temp2any_train.json",
  "temp_qa_refer_begin_end_temp2any_train.json",
  "temp_qa_order_shuffle_phrase_train.json",
  "temp_qa_order_shuffle_prefix_train.json",
  "temp_qa_order_shuffle_sentence_train.json",
];

const all = { tasks: TASK_KEYS, lengths: [1, 2, 4, 8] };

before(async () => {
  manifest = await writeSynthesis({ captionsFile: EMBEDDED, outDir: outA, seed: 7, ...all });
  await writeSynthesis({ captionsFile: EMBEDDED, outDir: outB, seed: 7, ...all });
});

function taskOf(file: string): TaskKey {
  return manifest.files.find((f) => f.file === file)!.task as TaskKey;
}

test("all 13 released training file names are written", () => {
  const names = readdirSync(outA);
  for (const n of RELEASED) assert.ok(names.includes(n), n);
  assert.ok(names.includes("manifest.json"));
  assert.ok(names.includes("order_val_long_8x.jsonl"));
  assert.ok(!names.some((n) => n.endsWith(".tmp")), "no temp files left");
});

test("every item read back from the files passes the verifier", () => {
  let checked = 0;
  for (const f of manifest.files) {
    const text = readFileSync(join(outA, f.file), "utf8");
    const rows: [string, string][] =
      f.split === "train"
        ? (JSON.parse(text) as { value: string }[][]).map((p) => [p[0].value, p[1].value])
        : text
            .trimEnd()
            .split("\n")
            .map((l) => {
              const r = JSON.parse(l) as { question: string; answer: string };
              return [r.question, r.answer];
            });
    assert.equal(rows.length, f.items, f.file);
    for (const [q, a] of rows) {
      const v = verifyRendered(taskOf(f.file), q, a);
      assert.ok(v.ok, `${f.file}: ${v.problems.join("; ")}\n${q}${a}`);
      const parts = parseRenderedQuestion(q);
      assert.ok(typeof parts !== "string");
      assert.ok(PREFIX_POOL.includes(parts.prefix) && SUFFIX_POOL.includes(parts.suffix));
      checked++;
    }
  }
  assert.ok(checked > 1500, `checked ${checked}`);
  assert.equal(checked, manifest.verifier.checked);
  assert.equal(manifest.verifier.rejectedWhileGenerating, 0);
});

test("Python reads the files as the released format", () => {
  const script = `
import json, os, re, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
human = re.compile(r"\\A[^\\n]+\\n\\nCaptions:\\n(?:[^\\n]+\\n)+Question: [^\\n]+\\n\\(A\\) [^\\n]+\\n\\n[^\\n]+:\\n\\Z")
n = 0
for f in m["files"]:
    p = os.path.join(out, f["file"])
    if f["split"] == "train":
        rows = json.load(open(p, encoding="utf-8"))
        for pair in rows:
            assert [t["from"] for t in pair] == ["human", "gpt"], pair
            assert human.match(pair[0]["value"]), pair[0]["value"]
            assert re.match(r"\\A\\([A-F]\\) \\S", pair[1]["value"]), pair[1]["value"]
            n += 1
    else:
        stem = f["file"][: -len(".jsonl")]
        for i, line in enumerate(open(p, encoding="utf-8")):
            row = json.loads(line)
            assert sorted(row) == ["answer", "qid", "question"], row
            assert row["qid"] == f"{stem}-{i}", row["qid"]
            assert human.match(row["question"])
            n += 1
    assert len(rows if f["split"] == "train" else open(p).readlines()) == f["items"]
print(n)
`;
  const r = spawnSync("python3", ["-c", script, outA], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    Number(r.stdout.trim()),
    manifest.totals.trainItems + manifest.totals.validationItems,
  );
});

test("options are distinct and answer letters are balanced per file", () => {
  for (const f of manifest.files) {
    const counts = Object.values(f.answerLetters);
    if (f.items < 100) continue;
    // Each option count deals its letters from a shuffled deck: within one file the
    // letters of one option count differ by at most the number of decks in progress.
    const byCount = f.task === "order" || f.task === "attribute" ? 3 : 1;
    const common = counts.slice(0, 3);
    assert.ok(
      Math.max(...common) - Math.min(...common) <= byCount + 1,
      `${f.file}: ${JSON.stringify(f.answerLetters)}`,
    );
  }
});

test("same captions and seed give the same bytes; another seed differs", async () => {
  for (const name of readdirSync(outA)) {
    assert.ok(readFileSync(join(outA, name)).equals(readFileSync(join(outB, name))), name);
  }
  const outC = join(root, "c");
  await writeSynthesis({
    captionsFile: EMBEDDED,
    outDir: outC,
    seed: 8,
    tasks: ["grounding"],
    lengths: [1],
  });
  assert.notEqual(
    readFileSync(join(outC, "temp_qa_grounding_train.json"), "utf8"),
    readFileSync(join(outA, "temp_qa_grounding_train.json"), "utf8"),
  );
});

test("a task's file does not depend on which other tasks were asked for", async () => {
  const outD = join(root, "d");
  await writeSynthesis({
    captionsFile: EMBEDDED,
    outDir: outD,
    seed: 7,
    tasks: ["attribute"],
    lengths: [2],
  });
  const name = "temp_qa_attribute_train_long_2x_15k.json";
  assert.ok(readFileSync(join(outD, name)).equals(readFileSync(join(outA, name))));
});

test("the manifest records seed, input hash, counts and letters", () => {
  const m = JSON.parse(readFileSync(join(outA, "manifest.json"), "utf8")) as SynthesisManifest;
  const r = spawnSync("sha256sum", [EMBEDDED], { encoding: "utf8" });
  assert.equal(m.input.sha256, r.stdout.split(" ")[0]);
  assert.equal(m.seed, 7);
  assert.equal(m.input.captions, 480);
  assert.equal(m.input.train + m.input.validation, 480);
  for (const f of m.files) {
    assert.equal(
      Object.values(f.answerLetters).reduce((a, b) => a + b, 0),
      f.items,
      f.file,
    );
  }
});

async function failure(captions: string, outDir: string, valPerTask?: number): Promise<InputError> {
  try {
    await writeSynthesis({ captionsFile: captions, outDir, seed: 1, ...all, valPerTask });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail("expected an InputError");
}

test("a caption set too small for a length fails before any output is written", async () => {
  const small = join(root, "small.jsonl");
  const lines = readFileSync(EMBEDDED, "utf8").trimEnd().split("\n").slice(0, 20);
  writeFileSync(small, `${lines.join("\n")}\n`);
  const out = join(root, "small-out");
  let e = await failure(small, out, 0);
  assert.match(
    e.message,
    /small\.jsonl: too few captions: task order at 8x needs 32 distinct captions per item, the train split has 20/,
  );
  assert.equal(existsSync(out), false);
  // 60 captions: 53 for training are enough at 8x, the 7 kept for validation are not at 2x.
  const lines60 = readFileSync(EMBEDDED, "utf8").trimEnd().split("\n").slice(0, 60);
  writeFileSync(small, `${lines60.join("\n")}\n`);
  e = await failure(small, out);
  assert.match(
    e.message,
    /task order at 2x needs 8 distinct captions per item, the validation split has 7 \(of 60/,
  );
  assert.equal(existsSync(out), false);
});

test("a bad record fails before any output is written", async () => {
  const bad = join(root, "bad.jsonl");
  const lines = readFileSync(EMBEDDED, "utf8").trimEnd().split("\n");
  lines[300] = JSON.stringify({ id: "x", caption: ["not", "a", "string"] });
  writeFileSync(bad, `${lines.join("\n")}\n`);
  const out = join(root, "bad-out");
  const e = await failure(bad, out);
  assert.match(e.message, /bad\.jsonl, line 301, field caption: expected a string, got an array/);
  assert.equal(existsSync(out), false);
});
