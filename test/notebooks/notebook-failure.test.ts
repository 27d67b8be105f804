import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { executeNotebook, NotebookError } from "../../lib/notebooks/index";

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((src, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, source: src, outputs: [], execution_count: null })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript (t3kit)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

test("a failing cell is named with tslab's own message, and out/ keeps the last complete run", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-fail-"));
  const out = join(dir, "out");
  const nbPath = join(dir, "99-broken.ipynb");
  writeFileSync(nbPath, notebook(['const x = 1;\nconsole.log("ok", x);']));
  const ok = await executeNotebook(nbPath, { outRoot: out });
  const good = readFileSync(ok.executedPath, "utf8");
  assert.match(good, /ok 1/);

  writeFileSync(
    nbPath,
    notebook(['console.log("first");', 'throw new Error("the embedded captions are missing");', "console.log(3);"]),
  );
  await assert.rejects(executeNotebook(nbPath, { outRoot: out }), (err: unknown) => {
    assert.ok(err instanceof NotebookError);
    assert.equal(err.cellNumber, 2);
    assert.match(err.message, /99-broken failed in code cell 2/);
    assert.match(err.message, /the embedded captions are missing/);
    return true;
  });
  assert.equal(readFileSync(ok.executedPath, "utf8"), good, "the previous executed notebook is untouched");
  // Defect 8: no empty staging folder is left behind, after a success or a failure.
  assert.ok(!existsSync(join(out, ".staging")), "an empty .staging folder was left in out/");
  mkdirSync(join(out, "x"), { recursive: true });
});
