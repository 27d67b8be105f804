// `mix inspect --against` on lmms-eval samples files of its newest main (75571cfe, the corpus
// under test/corpus/lmms-eval), whose lines have no `doc` (the sample logger pops it): the
// question comes from a metric entry (TempCompass) or the prompt (`input`, MLVU), the item is
// the doc_id. The leaked questions and their doc_ids are read from the files by Debian's
// python3.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { inspectMix } from "../../lib/mixing/index";
import { debianPythonJson } from "../oracle/debian-python";

const MAIN = join(__dirname, "..", "corpus", "lmms-eval", "main-75571cfe");
const MLVU = join(
  MAIN,
  "mlvu_dev",
  "lmms-lab__LongVA-7B",
  "20260807_110000_samples_mlvu_dev.jsonl",
);
const TC = join(
  MAIN,
  "tempcompass-group",
  "lmms-lab__LongVA-7B",
  "20260807_093000_samples_tempcompass_multi_choice.jsonl",
);

// Line 2 of each file (a question asked once): its doc_id, and the question as the benchmark asks it.
const PY = `
import json, sys
out = {}
for f in sys.stdin.read().split("\\n"):
    s = [json.loads(l) for l in open(f, encoding="utf-8")][2]
    assert "doc" not in s
    q = next((v["question"] for v in s.values() if isinstance(v, dict) and "question" in v), None)
    out[f] = [str(s["doc_id"]), q if q is not None else s["input"]]
print(json.dumps(out))
`;

test("lmms-eval main's doc-less samples are --against items: a leaked question is flagged with its doc_id", async () => {
  const leaked = debianPythonJson<Record<string, [string, string]>>(PY, `${MLVU}\n${TC}`);
  const dir = mkdtempSync(join(tmpdir(), "t3kit-against-main-"));
  const mix = join(dir, "mix.json");
  const records = Object.values(leaked).map(([, question], i) => ({
    id: `leak-${i}`,
    conversations: [
      { from: "human", value: question },
      { from: "gpt", value: "B" },
    ],
  }));
  records.push({
    id: "clean",
    conversations: [
      { from: "human", value: "Which came first in the story, the storm or the harvest?" },
      { from: "gpt", value: "The storm." },
    ],
  });
  writeFileSync(mix, JSON.stringify(records));
  const r = await inspectMix([mix], { against: [MLVU, TC] });
  // The corpus's questions are templated: a near twin of a leak is an overlap, never verbatim.
  assert.ok(r.contamination.every((f) => f.id !== "clean"));
  assert.deepEqual(
    r.contamination
      .filter((f) => f.kind === "verbatim")
      .map((f) => [f.id, f.against, f.item, f.kind]),
    Object.entries(leaked).map(([file, [docId]], i) => [`leak-${i}`, file, docId, "verbatim"]),
  );
});
