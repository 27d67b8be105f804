// Defect 8: a missing data/paper file is named before anything is written (it used to
// crash with a TypeError after writing 9 CSVs).
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { writeResultsReport } from "../../lib/paper-numbers/write-results-report";

test("results with a missing paper table names the file and writes nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-paper-"));
  const paper = join(dir, "paper");
  cpSync("data/paper", paper, { recursive: true });
  rmSync(join(paper, "mlvu.json"));
  const out = join(dir, "out");
  await assert.rejects(writeResultsReport(out, undefined, paper), (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.location.file, join(paper, "mlvu.json"));
    assert.match(e.message, /missing/);
    return true;
  });
  assert.ok(!existsSync(out), `written: ${existsSync(out) ? readdirSync(out) : ""}`);
});
