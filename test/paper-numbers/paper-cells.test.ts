// Every reported cell of the three result tables against a separately typed fixture: a
// changed cell (64.2 -> 46.2) once passed every test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadPaperTables } from "../../lib/paper-numbers/index";
import { PAPER_CELLS } from "./paper-cells.fixture";

const tables = loadPaperTables();

for (const [id, rows] of Object.entries(PAPER_CELLS)) {
  test(`every cell of ${id} is the paper's`, () => {
    const t = tables.get(id);
    assert.ok(t, `no table ${id}`);
    assert.deepEqual(
      t.rows.map((r) => r.label),
      rows.map(([label]) => label),
      "rows and their order",
    );
    rows.forEach(([label, cells]) => {
      const row = t.rows.find((r) => r.label === label)!;
      assert.deepEqual(row.values, cells, `${id}, row ${label}`);
    });
  });
}
