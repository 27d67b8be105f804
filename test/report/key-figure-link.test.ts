/**
 * The report's key figure links to its interactive page: the picture and the caption both
 * point at the figure's .html, the other figures list their own. A planted bug that pointed
 * the key figure's link elsewhere (or dropped it) went unnoticed before.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type StageEntry, writeFrontPage } from "../../lib/report/index";

test("the key figure's picture and caption link to its interactive page", async () => {
  const out = mkdtempSync(join(tmpdir(), "t3kit-keyfig-"));
  const notebooks = mkdtempSync(join(tmpdir(), "t3kit-keyfig-nb-"));
  try {
    const entry: StageEntry = {
      key: "x",
      title: "X",
      notebook: "01-x.ipynb",
      story: "story",
      prefixes: ["x-"],
      keyFigure: "x-key",
      figures: [],
      tables: [],
      manifests: [],
    };
    mkdirSync(join(out, "figures"));
    for (const name of ["x-a-first", "x-key", "x-other"])
      for (const ext of ["png", "html"]) writeFileSync(join(out, "figures", `${name}.${ext}`), ext);
    writeFileSync(join(notebooks, "01-x.ipynb"), "{}");
    const page = await writeFrontPage(out, { catalogue: [entry], notebooksDir: notebooks });
    const html = readFileSync(page.path, "utf8");
    const figures = [...html.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
    assert.equal(figures.length, 1, "one key figure");
    const [key] = figures;
    assert.match(
      key,
      /^<a href="figures\/x-key\.html"><img src="figures\/x-key\.png" alt="x-key"><\/a>/,
    );
    assert.match(
      key,
      /<figcaption>x-key · <a href="figures\/x-key\.html">interactive figure<\/a><\/figcaption>$/,
    );
    // The others are listed with their own pages, and the key figure is not listed again.
    assert.match(
      html,
      /<li>x-a-first: <a href="figures\/x-a-first\.html">interactive<\/a> · <a href="figures\/x-a-first\.png">PNG<\/a><\/li>/,
    );
    assert.match(html, /<li>x-other: <a href="figures\/x-other\.html">interactive<\/a>/);
    assert.doesNotMatch(html, /<li>x-key:/);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(notebooks, { recursive: true, force: true });
  }
});
