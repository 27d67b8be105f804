import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { evaluationExamples } from "../../lib/evaluation/index";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("07-evaluation runs in the real tslab kernel: examples, comparison, intervals, correlation, live cell, exports", async () => {
  // A real OpenAI-compatible server on 127.0.0.1 for the gated cell: it always answers "A", so
  // each file's accuracy is its share of questions whose answer is option A.
  let asked = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    for await (const _ of req);
    asked++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content: "A" }, finish_reason: "stop" }] }));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  let executed: Awaited<ReturnType<typeof executeForTest>>;
  try {
    executed = await executeForTest("07-evaluation", { T3KIT_EVAL_ENDPOINT: endpoint, T3KIT_EVAL_MODEL: "stand-in" });
  } finally {
    server.close();
  }
  const { nb, outRoot } = executed;
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(cellOutputText(cells[0]), /data\/evaluation\//);
  assert.match(all, /example LongVA-7B \+ T3: \d+ values, per-question results for (?=[^\n]*videomme)(?=[^\n]*mlvu)(?=[^\n]*tempcompass)/);
  assert.match(all, /example spreadsheet: 7 values, per-question results for nothing \(aggregates only\)/);
  // The spreadsheet holds the paper's T3 TempCompass row: its deltas are the paper's own.
  assert.match(all, /<td[^>]*>\+16\.4<\/td>/);
  assert.match(all, /no interval: run example spreadsheet has only aggregate numbers/);
  // The live cell: every question asked once, accuracy = share of answers "(A) …".
  const files = evaluationExamples().textual;
  const lines = files.map((f) => readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { answer: string }));
  assert.equal(asked, lines.flat().length);
  const live = cellOutputText(cells[cells.length - 2]);
  for (const rows of lines) {
    const share = rows.filter((r) => r.answer.startsWith("(A)")).length / rows.length;
    assert.match(live, new RegExp(`<td[^>]*>${share.toFixed(3)}</td>`));
  }
  assert.equal((all.match(/class="t3kit-figure"/g) ?? []).length, 5, "three comparisons, differences, correlation");
  for (const f of ["evaluation-compare-videomme", "evaluation-differences", "evaluation-correlation"]) {
    assert.ok(existsSync(join(outRoot, "figures", `${f}.png`)), `${f}.png written`);
  }
  const manifest = JSON.parse(readFileSync(join(outRoot, "evaluation", "manifest.json"), "utf8"));
  assert.deepEqual(
    manifest.runs.map((r: { run: string }) => r.run),
    ["example LongVA-7B", "example LongVA-7B + T3", "example spreadsheet"],
  );
  const corr = readFileSync(join(outRoot, "tables", "evaluation-correlation.csv"), "utf8");
  assert.match(corr, /^benchmark,n,r,p,paper r,paper p\nTempCompass,7,0\.87\d*,9\.24e-3,0\.89,1\.16e-4\n/);
});
