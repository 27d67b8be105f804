// The terminal tables `t3kit eval` prints, read back column by column and checked against
// the numbers of the JSON output: every value and every Δ where it belongs, rounded as said.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  compareRuns,
  differencesToBaseline,
  evaluationInputs,
  formatCompareOutput,
  formatIngestOutput,
  formatRunsSummary,
  formatTextualOutput,
  ingestRuns,
} from "../../lib/evaluation/index";

/** A text table (header, dashes, rows) as records; cells split at the dash runs' columns. */
function readTable(lines: string[]): Record<string, string>[] {
  const [header, dashes, ...rows] = lines;
  const spans: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const cut = (line: string) => spans.map(([a, b]) => line.slice(a, b).trim());
  const names = cut(header);
  return rows.map((r) => Object.fromEntries(cut(r).map((v, i) => [names[i], v])));
}

const cell = (v: number | null, digits: number) => (v === null ? "–" : v.toFixed(digits));

test("eval compare's tables: the paper's baseline and T3 rows, then each run, every value and Δ as in --json", async () => {
  const ex = await evaluationInputs({});
  const result = await compareRuns(ex.runs, { baseline: "example LongVA-7B", iterations: 50 });
  const json = JSON.parse(formatCompareOutput(result, true));
  assert.deepEqual(Object.keys(json), ["comparisons", "differences"]);
  const text = formatCompareOutput(result, false).split("\n");
  for (const c of result.comparisons) {
    const at = text.indexOf(c.title);
    assert.ok(at > 0, `a table for ${c.title}`);
    assert.equal(text[at + 1], `(Δ: minus the paper's ${c.baseline})`);
    const end = text.indexOf("", at + 2);
    const table = readTable(text.slice(at + 2, end));
    const shown = c.rows.filter((r) => r.origin === "run" || ["baseline", "ours"].includes(r.role));
    assert.deepEqual(
      table.map((t) => t[""]),
      shown.map((r) => (r.origin === "run" ? `${r.label} (run)` : r.label)),
    );
    shown.forEach((r, i) => {
      c.columns.forEach((col, j) => {
        assert.equal(table[i][col.label], cell(r.values[j], 1), `${r.label} ${col.label}`);
        const delta = r.role === "baseline" ? "–" : cell(r.deltas[j], 1);
        assert.equal(table[i][`Δ ${col.label}`], delta, `${r.label} Δ ${col.label}`);
      });
    });
  }
  const d = text.indexOf(
    "Differences to run example LongVA-7B (points; 95% paired bootstrap interval)",
  );
  assert.ok(d > 0);
  const diffs = readTable(text.slice(d + 1, text.length - 1));
  assert.equal(diffs.length, result.differences.length);
  result.differences.forEach((x, i) => {
    assert.equal(diffs[i].run, x.run);
    assert.equal(diffs[i].diff, x.difference.toFixed(2));
    assert.equal(diffs[i].low, cell(x.low, 2));
    assert.equal(diffs[i]["McNemar p"], x.mcnemarP === null ? "–" : x.mcnemarP.toPrecision(3));
  });
  const without = formatCompareOutput(
    await compareRuns(ex.runs.slice(0, 1), { iterations: 50 }),
    false,
  );
  assert.doesNotMatch(without, /Differences to run/);
});

test("eval ingest and textual tables; the notebook's run summary; an unknown baseline is refused", async () => {
  const ex = await evaluationInputs({});
  const runs = await ingestRuns(ex.runs);
  const rows = readTable(formatIngestOutput(runs[2], false).trimEnd().split("\n"));
  assert.deepEqual(
    rows.map((r) => [r.benchmark, r.dimension, r.value, r.evaluator]),
    runs[2].rows.map((r) => [r.benchmark, r.dimension, r.value.toFixed(2), "csv"]),
  );
  assert.deepEqual(JSON.parse(formatIngestOutput(runs[2], true)).rows, runs[2].rows);
  assert.equal(
    formatRunsSummary(runs).split("\n")[2],
    "example spreadsheet: 7 values, per-question results for nothing (aggregates only)",
  );
  const files = [
    { file: "a 時間.jsonl", n: 3, accuracy: 2 / 3, unreadable: 1 },
    { file: "b.jsonl", n: 10, accuracy: 1, unreadable: 0 },
  ];
  const textual = readTable(formatTextualOutput(files, false).trimEnd().split("\n"));
  assert.deepEqual(textual[0], {
    file: "a 時間.jsonl",
    n: "3",
    accuracy: "0.6667",
    "no option read": "1",
  });
  assert.deepEqual(JSON.parse(formatTextualOutput(files, true)), {
    files: files.map(({ file, n, accuracy }) => ({ file, n, accuracy })),
  });
  assert.throws(
    () => differencesToBaseline(runs, "nobody"),
    (e: unknown) => e instanceof InputError && /nobody is not one of the runs/.test(e.message),
  );
});
