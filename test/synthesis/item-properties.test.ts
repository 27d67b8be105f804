// Properties of synthesized items that only a golden file used to guard (a synthesizer
// that always answers A, or keeps the wrong options in one order, passed): checked on a
// real run over the embedded captions, with the items parsed here, independently of the
// synthesizer's own parser.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { verifyRendered } from "../../lib/synthesis/index";

const out = mkdtempSync(join(tmpdir(), "t3kit-items-"));
const run = spawnSync(
  process.execPath,
  [
    "scripts/t3kit.cjs",
    ...["synthesize", "--out", out, "--tasks", "order,attribute", "--lengths", "1,2,4"],
    ...["--per-task", "150", "--val-per-task", "0", "--seed", "11"],
  ],
  { encoding: "utf8" },
);

interface Item {
  captions: string[];
  options: string[];
  answer: number;
  question: string;
  answerText: string;
}

function itemsOf(file: string): Item[] {
  const pairs = JSON.parse(readFileSync(join(out, file), "utf8")) as { value: string }[][];
  return pairs.map(([h, g]) => {
    const captions = h.value.split("\nCaptions:\n")[1].split("\nQuestion: ")[0].split("\n");
    const optionLine = h.value.split("\nQuestion: ")[1].split("\n")[1];
    const options = optionLine.split(/ ?\([A-Z]\) /).slice(1);
    const letter = /^\(([A-Z])\)/.exec(g.value)![1];
    return {
      captions,
      options,
      answer: letter.charCodeAt(0) - 65,
      question: h.value,
      answerText: g.value,
    };
  });
}

const FILES: [string, "order" | "attribute", number][] = [
  ["temp_qa_order_train_long.json", "order", 1],
  ["temp_qa_order_train_long_2x_15k.json", "order", 2],
  ["temp_qa_order_train_long_4x_15k.json", "order", 4],
  ["temp_qa_attribute_train_long.json", "attribute", 1],
  ["temp_qa_attribute_train_long_2x_15k.json", "attribute", 2],
  ["temp_qa_attribute_train_long_4x_15k.json", "attribute", 4],
];

test("the run succeeds", () => {
  assert.equal(run.status, 0, run.stderr);
});

for (const [file, task, k] of FILES) {
  test(`${file}: ${task === "order" ? "4k" : "2k"} captions per item, every letter used, wrong options in varied places`, () => {
    const items = itemsOf(file);
    assert.equal(items.length, 150);
    for (const it of items) assert.equal(it.captions.length, (task === "order" ? 4 : 2) * k);
    // Among items with n options, each of the n letters is the answer somewhere.
    const byCount = new Map<number, Item[]>();
    for (const it of items)
      byCount.set(it.options.length, [...(byCount.get(it.options.length) ?? []), it]);
    for (const [n, group] of byCount) {
      if (group.length < 8 * n) continue;
      const letters = new Set(group.map((it) => it.answer));
      assert.equal(letters.size, n, `${n}-option items answer only ${[...letters]}`);
      // No letter takes more than half of them.
      for (let l = 0; l < n; l++)
        assert.ok(group.filter((it) => it.answer === l).length <= group.length / 2);
    }
    // The wrong options are not always laid out the same way: the order of the wrong
    // options (by their text) differs between items.
    const layouts = new Set(
      items.map((it) => {
        const wrong = it.options.filter((_, i) => i !== it.answer);
        const sorted = [...wrong].sort();
        return wrong.map((w) => sorted.indexOf(w)).join("");
      }),
    );
    assert.ok(layouts.size > 1, "the wrong options always come in the same order");
  });
}

test("the verifier rejects an item whose phrase is missing from its captions", () => {
  const items = itemsOf("temp_qa_order_train_long.json").slice(0, 20);
  let checked = 0;
  for (const it of items) {
    assert.ok(verifyRendered("order", it.question, it.answerText).ok, "a real item passes");
    // Replace, in every caption, the first option phrase of the right answer with a word
    // no option uses: the item can no longer be answered from its captions.
    const right = it.options[it.answer];
    const phrase = /^\(\d\)/.test(right) ? null : right.split(", ")[0];
    if (!phrase) continue;
    const broken = it.question
      .split("\n")
      .map((line) => (it.captions.includes(line) ? line.split(phrase).join("zzyzx") : line))
      .join("\n");
    if (broken === it.question) continue;
    checked++;
    assert.equal(verifyRendered("order", broken, it.answerText).ok, false, broken);
  }
  // Numbered arrangements name their phrases in the question: break one of those too.
  for (const it of items) {
    const m = /\(1\) (.+?) \(2\)/.exec(it.question);
    if (!m) continue;
    const broken = it.question
      .split("\n")
      .map((line) => (it.captions.includes(line) ? line.split(m[1]).join("zzyzx") : line))
      .join("\n");
    if (broken === it.question) continue;
    checked++;
    assert.equal(verifyRendered("order", broken, it.answerText).ok, false, broken);
  }
  assert.ok(checked >= 10, `only ${checked} items could be broken`);
});
