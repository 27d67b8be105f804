import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  type FigureFiles,
  STAGE_CATALOGUE,
  type StageEntry,
  notebookDataLine,
  pickKeyFigure,
  writeFrontPage,
} from "../../lib/report/index";

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `t3kit-front-${name}-`));

test("an empty out/ gives a page with all eight stages not run", async () => {
  const out = fresh("empty");
  const notebooks = fresh("nb");
  const page = await writeFrontPage(out, { notebooksDir: notebooks });
  assert.equal(page.stages.length, 8);
  assert.deepEqual(
    page.stages.map((s) => s.entry.notebook),
    [
      "01-probing.ipynb",
      "02-t3-synthesis.ipynb",
      "03-data-mixing.ipynb",
      "04-token-analysis.ipynb",
      "05-training.ipynb",
      "06-results.ipynb",
      "07-evaluation.ipynb",
      "08-mix-analysis.ipynb",
    ],
  );
  assert.ok(page.stages.every((s) => s.status === "notebook not in this tree"));
  const html = readFileSync(page.path, "utf8");
  assert.equal((html.match(/<b>not run<\/b>/g) ?? []).length, 8);
  assert.match(html, /0 of 8 notebooks ran\./);
  assert.doesNotMatch(html, /<script|https?:\/\/|file:/, "no script, no network, no absolute file");
  assert.deepEqual(readdirSync(out), ["index.html"], "only the page, no temp file");
});

test("hostile names are escaped in text and percent-encoded in links", async () => {
  const out = fresh("hostile");
  const notebooks = fresh("nb");
  const entry: StageEntry = {
    key: "x",
    title: "<script>alert(1)</script> & “title”",
    notebook: "01-x.ipynb",
    story: 'a "story" <b>not bold</b>',
    prefixes: ["x-"],
    figures: [],
    tables: [],
    manifests: ["x/**/*.json"],
  };
  mkdirSync(join(out, "figures"));
  mkdirSync(join(out, "tables"));
  mkdirSync(join(out, "x", "a b"), { recursive: true });
  writeFileSync(join(out, "figures", 'x-#1 ?&"<i>.png'), "png");
  writeFileSync(join(out, "tables", "x-表 %20.csv"), "a\n");
  writeFileSync(join(out, "x", "a b", "m.json"), JSON.stringify({ seed: "<img src=x>" }));
  writeFileSync(join(notebooks, "01-x.ipynb"), "{}");
  const page = await writeFrontPage(out, { catalogue: [entry], notebooksDir: notebooks });
  assert.equal(page.stages[0].status, "not run");
  const html = readFileSync(page.path, "utf8");
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “title”"));
  assert.ok(html.includes("a &quot;story&quot; &lt;b&gt;not bold&lt;/b&gt;"));
  assert.ok(html.includes('src="figures/x-%231%20%3F%26%22%3Ci%3E.png"'), "figure src encoded");
  assert.ok(html.includes('href="tables/x-%E8%A1%A8%20%2520.csv"'), "table href encoded");
  assert.ok(html.includes('href="x/a%20b/m.json"'));
  assert.ok(html.includes("&lt;img src=x&gt;"), "manifest values escaped");
  assert.doesNotMatch(html, /<script|<img src=x|<i>/);
});

test("the key figure: the catalogue's name, else a listed name, else the first with a prefix", () => {
  const entry: StageEntry = {
    ...STAGE_CATALOGUE[5],
    keyFigure: "k",
    figures: ["listed"],
    prefixes: ["p-"],
  };
  const f = (name: string, png = true): FigureFiles =>
    png ? { name, png: `figures/${name}.png` } : { name, html: `figures/${name}.html` };
  assert.equal(pickKeyFigure(entry, [f("p-a"), f("listed"), f("k")])?.name, "k");
  assert.equal(pickKeyFigure(entry, [f("p-a"), f("listed"), f("k", false)])?.name, "listed");
  assert.equal(pickKeyFigure(entry, [f("p-b"), f("p-a")])?.name, "p-b");
  assert.equal(
    pickKeyFigure(entry, [f("p-a", false)]),
    undefined,
    "a figure needs a PNG to be shown",
  );
});

test("the data line is what the notebook's first cells printed", () => {
  const nb = (outputs: unknown[]) => ({
    cells: [{ cell_type: "markdown" }, { cell_type: "code", outputs }],
  });
  const line = "Data: embedded default in data/t3/ (no network).";
  assert.equal(notebookDataLine(nb([{ output_type: "stream", text: ["x\n", `${line}\n`] }])), line);
  assert.equal(notebookDataLine(nb([{ output_type: "stream", text: "no data line" }])), undefined);
  for (const bad of [
    null,
    3,
    {},
    { cells: "x" },
    { cells: [null] },
    nb([null, { output_type: "stream" }]),
  ]) {
    assert.equal(notebookDataLine(bad), undefined);
  }
});
