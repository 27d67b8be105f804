import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { compareWithPaper, ingestResults } from "../../lib/evaluation/index";
import { loadPaperTables } from "../../lib/paper-numbers/index";
import { writeFiles } from "./result-fixtures";

test("a run with the paper's T3 numbers shows the deltas the paper states, beside every paper row", async () => {
  // TempCompass "+ T3 (all tasks)", Video-MME and MLVU "+ T3 w/ LLaVA-Next (Ours)", typed as a
  // user would, with the paper's own column labels.
  const [csv] = writeFiles("paper-t3", {
    "t3.csv": [
      "benchmark,dimension,value",
      "TempCompass,Action,90.8",
      "TempCompass,Direction,39.7",
      "TempCompass,Speed,41.6",
      "TempCompass,Order,65.9",
      "TempCompass,attribute_change,68.1",
      "TempCompass,Avg,61.2",
      "Video-MME,Temporal Perception,60.0",
      "Video-MME,Temporal Reasoning,49.7",
      "Video-MME,Short,63.3",
      "Video-MME,Medium,54.8",
      "Video-MME,Long,46.8",
      "Video-MME,Overall,55.0",
      "MLVU,AC*,29.1",
      "MLVU,AO*,54.4",
      "MLVU,Macro Avg,58.1",
    ].join("\n"),
  });
  const run = await ingestResults([csv], "mine");
  const tables = loadPaperTables();
  const cmp = compareWithPaper([run], tables);
  assert.deepEqual(
    cmp.map((c) => c.benchmark),
    ["tempcompass", "videomme", "mlvu"],
  );
  const mine = (b: string) =>
    cmp.find((c) => c.benchmark === b)!.rows.find((r) => r.origin === "run")!;
  // The paper's text: +5.3 average, order +11.6, attribute change +16.4 on TempCompass;
  // temporal reasoning +12.4 and overall +2.4 on Video-MME; action order +12.7, macro +1.7 on MLVU.
  assert.deepEqual(mine("tempcompass").deltas, [-1.5, 2.4, -0.4, 11.6, 16.4, 5.3]);
  assert.deepEqual(mine("videomme").deltas, [1.8, 12.4, 2.2, 4.4, 0.6, 2.4]);
  assert.deepEqual(mine("mlvu").deltas, [3.9, null, null, 12.7, null, null, null, 1.7]);
  const tc = cmp.find((c) => c.benchmark === "tempcompass")!;
  assert.equal(
    tc.rows.filter((r) => r.origin === "paper").length,
    tables.get("tempcompass")!.rows.length,
  );
  assert.equal(tc.baseline, "LongVA-7B (32 frm)");
});

test("benchmarks no run has are left out; two different values for one cell are refused, naming both files", async () => {
  const [a, b] = writeFiles("conflict", {
    "a.csv": "benchmark,dimension,value\nmlvu,macro_avg,50\n",
    "b.csv": "benchmark,dimension,value\nMLVU,Macro Avg,51\n",
  });
  const one = await ingestResults([a], "one");
  assert.deepEqual(
    compareWithPaper([one], loadPaperTables()).map((c) => c.benchmark),
    ["mlvu"],
  );
  // Refused when the run is read (issue #21), not only when it is compared.
  await assert.rejects(
    ingestResults([a, b], "both"),
    (err: InputError) =>
      err instanceof InputError &&
      err.location.file === `${a} and ${b}` &&
      err.location.field === "mlvu.macro_avg" &&
      err.message.includes(`2 different values: 50 (${a}), 51 (${b})`),
  );
  // Rows read elsewhere reach the same check when compared.
  const rows = [...one.rows, { ...one.rows[0], value: 51, source: b }];
  assert.throws(
    () => compareWithPaper([{ ...one, rows }], loadPaperTables()),
    (err: InputError) => err instanceof InputError && err.location.file === `${a} and ${b}`,
  );
});
