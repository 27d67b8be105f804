import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { STAGE_CATALOGUE } from "../../lib/report/index";

test("every notebook in notebooks/ has a stage in the front page's catalogue", () => {
  const notebooks = readdirSync(join(projectRoot, "notebooks")).filter((f) => f.endsWith(".ipynb"));
  const listed = STAGE_CATALOGUE.map((s) => s.notebook);
  for (const nb of notebooks)
    assert.ok(listed.includes(nb), `${nb} is missing from STAGE_CATALOGUE`);
});

test("the catalogue: eight stages in notebook order, unique keys, figures a stage can find", () => {
  assert.equal(STAGE_CATALOGUE.length, 8);
  const numbers = STAGE_CATALOGUE.map((s) => s.notebook.slice(0, 2));
  assert.deepEqual(numbers, ["01", "02", "03", "04", "05", "06", "07", "08"]);
  assert.equal(new Set(STAGE_CATALOGUE.map((s) => s.key)).size, 8);
  for (const s of STAGE_CATALOGUE) {
    assert.match(s.notebook, /^\d\d-[a-z0-9-]+\.ipynb$/);
    assert.ok(s.story.length > 80, `${s.key}: a few sentences of story`);
    assert.ok(s.prefixes.length > 0 && s.prefixes.every((p) => p.endsWith("-")), s.key);
    if (s.keyFigure) {
      const found =
        s.figures.includes(s.keyFigure) || s.prefixes.some((p) => s.keyFigure!.startsWith(p));
      assert.ok(found, `${s.key}: key figure ${s.keyFigure} is one of the stage's figures`);
    }
  }
  // A name belongs to one stage only (the results stage's "probing" figure is not probing-…).
  const prefixes = STAGE_CATALOGUE.flatMap((s) => s.prefixes);
  assert.equal(new Set(prefixes).size, prefixes.length);
});
