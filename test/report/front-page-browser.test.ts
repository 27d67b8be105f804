/**
 * `make run` end to end on a small out/: the real runner executes one notebook through
 * Jupyter, `t3kit report` rebuilds the front page, the folder is copied elsewhere and the
 * original deleted, and Chromium opens every page of the copy.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../lib/paths/index";
import { checkOutPages, describeProblems, launchChromium } from "./check-out-pages";

const t3kit = (args: string[], out: string) =>
  spawnSync(process.execPath, [join(projectRoot, "scripts", "t3kit.cjs"), ...args], {
    encoding: "utf8",
    cwd: projectRoot,
    env: { ...process.env, T3KIT_OUT: out, T3KIT_SOURCE: "" },
  });

// A stage whose notebook is not in this tree (probing) may still have files: hostile names.
const HOSTILE_FIGURE = 'probing-ünï #1?&"x"';
const HOSTILE_TABLE = "evaluation-表 <b>&";

function addHostileFiles(out: string): void {
  copyFileSync(
    join(out, "figures", "synthesis-answer-letters.png"),
    join(out, "figures", `${HOSTILE_FIGURE}.png`),
  );
  copyFileSync(
    join(out, "figures", "synthesis-answer-letters.html"),
    join(out, "figures", `${HOSTILE_FIGURE}.html`),
  );
  writeFileSync(join(out, "tables", `${HOSTILE_TABLE}.csv`), "a,b\n1,2\n");
  mkdirSync(join(out, "probing", "run 1 🎉"), { recursive: true });
  writeFileSync(
    join(out, "probing", "run 1 🎉", "manifest.json"),
    JSON.stringify({ seed: 12, probes: [{ seed: 22, sha256: "ab".repeat(32) }] }),
  );
  writeFileSync(join(out, "probing", "broken.manifest.json"), '{"seed": 1');
}

test("out/ from the runner opens offline from a copy: every page, link, image and figure", async () => {
  const first = mkdtempSync(join(tmpdir(), "t3kit-front-a-"));
  const run = t3kit(["notebooks", "--only", "02-t3-synthesis"], first);
  assert.equal(run.status, 0, run.stderr);
  // The runner's own line for the notebook, e.g. "02-t3-synthesis   33.6 s".
  const seconds = run.stdout.match(/^02-t3-synthesis\s+([\d.]+) s$/m)?.[1];
  assert.ok(seconds, run.stdout);
  assert.match(run.stdout, /all notebooks .* -> .*index\.html$/m);
  addHostileFiles(first);
  const report = t3kit(["report"], first);
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /index\.html \(1 of 8 stages ran\)/);

  const copy = mkdtempSync(join(tmpdir(), "t3kit-front-b-"));
  cpSync(first, copy, { recursive: true });
  rmSync(first, { recursive: true, force: true });

  const checks = await checkOutPages(copy);
  assert.equal(describeProblems(checks), "", "no page has a problem");
  const pages = checks.map((c) => c.page);
  for (const p of [
    "index.html",
    "html/02-t3-synthesis.html",
    "figures/synthesis-answer-letters.html",
  ]) {
    assert.ok(pages.includes(p), `${p} was checked (${pages.join(", ")})`);
  }
  const notebookPage = checks.find((c) => c.page === "html/02-t3-synthesis.html")!;
  assert.ok(notebookPage.figures >= 2, "the notebook's inline figures drew");
  const html = readFileSync(join(copy, "html", "02-t3-synthesis.html"), "utf8");
  assert.doesNotMatch(html, /<script[^>]+src=/, "the notebook page loads no script file");
  assert.doesNotMatch(html, /\/usr\/share\/javascript/);

  // What the front page says, read from the rendered page.
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(join(copy, "index.html")).href);
    const ids = await tab.$$eval("section.stage", (s) => s.map((e) => e.id));
    // The syllabus first (lessons in order), then each stage.
    assert.deepEqual(ids, [
      "syllabus",
      "stage-probing",
      "stage-synthesis",
      "stage-mixing",
      "stage-tokens",
      "stage-training",
      "stage-results",
      "stage-evaluation",
      "stage-mix-analysis",
    ]);
    const text = (id: string) => tab.locator(`#${id}`).innerText();
    const synthesis = await text("stage-synthesis");
    assert.match(
      synthesis,
      new RegExp(`ran in ${seconds.replace(".", "\\.")} s on the embedded data`),
    );
    assert.match(synthesis, /Data: embedded default in data\/captions\//);
    assert.match(synthesis, /synthesis\/manifest\.json\s+42\s/, "the notebook's seed 42");
    assert.match(synthesis, /synthesis-counts\.csv/);
    const key = tab.locator("#stage-synthesis figure img");
    assert.equal(await key.getAttribute("src"), "figures/synthesis-answer-letters.png");
    assert.equal(
      await tab.locator("#stage-synthesis figure a").first().getAttribute("href"),
      "figures/synthesis-answer-letters.html",
    );
    const probing = await text("stage-probing");
    // 01-probing is in the tree but this fixture ran only 02.
    assert.match(probing, /not run · notebook notebooks\/01-probing\.ipynb/);
    assert.doesNotMatch(probing, /not in this tree yet/);
    assert.match(probing, /12, 22/, "seeds of the nested manifest");
    assert.match(probing, /broken\.manifest\.json\s+not valid JSON/);
    assert.ok((await text("stage-evaluation")).includes(`${HOSTILE_TABLE}.csv`));
    assert.equal(await tab.locator("#stage-probing figure img").count(), 1, "key figure by prefix");
    for (const id of ["stage-results", "stage-mixing"]) {
      assert.match(await text(id), /^.*\n?not run · notebook notebooks\//m);
    }
    assert.match(await tab.locator("header").innerText(), /1 of 8 notebooks ran/);
  } finally {
    await browser.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
