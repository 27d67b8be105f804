import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";

// The HTML pages of out/html drop MathJax (lib/notebooks/nbconvert-templates): that is right
// only while no notebook's prose has TeX math. A notebook that adds some fails here.
const TEX = /\$\$|\\\(|\\\[|\\begin\{|(^|[^\\\w`])\$[^\s$`][^$\n`]*[^\s$`\\]\$(?!\w)/m;

test("no notebook's markdown has TeX math (its HTML page carries no MathJax)", () => {
  const dir = join(projectRoot, "notebooks");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
    const nb = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
      cells: Array<{ cell_type: string; source: string | string[] }>;
    };
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "markdown") return;
      const text = ([] as string[]).concat(cell.source).join("");
      const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
      assert.doesNotMatch(prose, TEX, `${file} cell ${i + 1} has TeX math`);
    });
  }
});

test("the TeX pattern finds math and leaves prices and shell variables alone", () => {
  for (const s of ["$x^2$", "a $\\alpha$ b", "$$E=mc^2$$", "\\(a\\)", "\\begin{align}"]) {
    assert.match(s, TEX, s);
  }
  for (const s of ["costs $5 and $10", "set $HF_HOME", "US$ 3", "`$x$` in code"]) {
    assert.doesNotMatch(s.replace(/`[^`\n]*`/g, ""), TEX, s);
  }
});
