/**
 * out/index.html as text: the paper's story stage by stage, each with its key figure (PNG
 * linking to the interactive page), tables, executed notebook, manifests and run time.
 * Pure: the same reports give the same bytes. Every link is relative, so the page works
 * from a copied out/ folder; it loads no script and nothing from the network.
 */
import escapeHtml from "escape-html";
import type { Lesson } from "../notebooks/index";
import type { FigureFiles, ManifestSummary, StageReport } from "./collect-stage-reports";
import { distinctSeeds } from "./manifest-facts";

/** A path relative to out/ as an href: each segment percent-encoded (`#`, `?`, spaces …). */
export const relativeHref = (path: string): string =>
  path.split("/").map(encodeURIComponent).join("/");

const link = (path: string, text: string) =>
  `<a href="${escapeHtml(relativeHref(path))}">${escapeHtml(text)}</a>`;

const seconds = (s: number) => `${s.toFixed(1)} s`;

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0;background:#fafafa}
header,main{max-width:980px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:1.7em;margin:0 0 .3em}
h2{font-size:1.35em;margin:0 0 .4em}
h3{font-size:1em;margin:1.2em 0 .3em}
section.stage{background:#fff;border:1px solid #ddd;border-radius:6px;padding:18px 22px;margin:22px 0}
section.not-run{background:#f3f3f3;color:#555}
.status{font-size:.9em;color:#555;margin:0 0 .6em}
.status b{color:#1a7f37}
section.not-run .status b{color:#9a6700}
figure{margin:12px 0}
figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#555}
table{border-collapse:collapse;font-size:.85em}
td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}
code{font-size:.9em;word-break:break-all}
nav ol{padding-left:1.4em}
footer{max-width:980px;margin:0 auto;padding:10px 20px 40px;font-size:.85em;color:#666}
`;

function figureBlock(f: FigureFiles): string {
  const img = `<img src="${escapeHtml(relativeHref(f.png!))}" alt="${escapeHtml(f.name)}">`;
  const picture = f.html ? `<a href="${escapeHtml(relativeHref(f.html))}">${img}</a>` : img;
  const caption = f.html
    ? `${escapeHtml(f.name)} · ${link(f.html, "interactive figure")}`
    : escapeHtml(f.name);
  return `<figure>${picture}<figcaption>${caption}</figcaption></figure>`;
}

function figureList(figures: FigureFiles[], key?: FigureFiles): string {
  const others = figures.filter((f) => f !== key);
  if (others.length === 0) return "";
  const items = others.map((f) => {
    const parts = [f.html ? link(f.html, "interactive") : "", f.png ? link(f.png, "PNG") : ""];
    return `<li>${escapeHtml(f.name)}: ${parts.filter((p) => p !== "").join(" · ")}</li>`;
  });
  return `<h3>Figures</h3><ul>${items.join("")}</ul>`;
}

function tableList(tables: string[]): string {
  if (tables.length === 0) return "";
  const items = tables.map((t) => `<li>${link(t, t.slice(t.lastIndexOf("/") + 1))}</li>`);
  return `<h3>Tables (CSV)</h3><ul>${items.join("")}</ul>`;
}

function manifestRow(m: ManifestSummary): string {
  if (!m.facts) {
    return `<tr><td>${link(m.path, m.path)}</td><td colspan="2">${escapeHtml(m.problem ?? "")}</td></tr>`;
  }
  const seeds = distinctSeeds(m.facts);
  const digests = m.facts.sha256.map(
    (d) =>
      `<tr><td><code>${escapeHtml(d.field)}</code></td><td><code>${escapeHtml(d.value)}</code></td></tr>`,
  );
  const sha =
    digests.length === 0
      ? "none"
      : `<details><summary>${digests.length} sha256</summary><table>${digests.join("")}</table></details>`;
  return `<tr><td>${link(m.path, m.path)}</td><td>${escapeHtml(seeds.join(", ") || "none")}</td><td>${sha}</td></tr>`;
}

function manifestTable(manifests: ManifestSummary[]): string {
  if (manifests.length === 0) return "";
  return `<h3>Manifests</h3><table><tr><th>file</th><th>seed</th><th>sha256</th></tr>${manifests.map(manifestRow).join("")}</table>`;
}

function statusLine(r: StageReport): string {
  if (r.status !== "ran") {
    const why = r.status === "not run" ? "" : " (its notebook is not in this tree yet)";
    return `<p class="status"><b>not run</b>${why} · notebook <code>notebooks/${escapeHtml(r.entry.notebook)}</code></p>`;
  }
  const time = r.run ? ` in ${seconds(r.run.seconds)}` : "";
  const source = r.run
    ? ` on the ${r.run.source === "hub" ? "Hub's released files" : "embedded data"}`
    : "";
  const notebookLinks = [link(r.html!, "executed notebook (HTML)")];
  if (r.executed) notebookLinks.push(link(r.executed, ".ipynb with outputs"));
  return `<p class="status"><b>ran</b>${time}${source} · ${notebookLinks.join(" · ")}</p>`;
}

function stageSection(r: StageReport): string {
  const cls = r.status === "ran" ? "stage" : "stage not-run";
  return [
    `<section id="stage-${escapeHtml(r.entry.key)}" class="${cls}">`,
    `<h2>${escapeHtml(r.entry.title)}</h2>`,
    statusLine(r),
    `<p>${escapeHtml(r.entry.story)}</p>`,
    r.dataLine ? `<p class="status">${escapeHtml(r.dataLine)}</p>` : "",
    r.keyFigure ? figureBlock(r.keyFigure) : "",
    figureList(r.figures, r.keyFigure),
    tableList(r.tables),
    manifestTable(r.manifests),
    "</section>",
  ]
    .filter((s) => s !== "")
    .join("\n");
}

/** The data source line of the whole run, from the notebooks' recorded runs. */
function sourceSummary(reports: StageReport[]): string {
  const sources = new Set(reports.flatMap((r) => (r.run ? [r.run.source] : [])));
  if (sources.size === 0) return "No notebook has run yet: <code>make run</code> runs them all.";
  if (sources.size === 2)
    return "Data: mixed; some notebooks read the embedded default, some the Hub (see each stage).";
  return sources.has("hub")
    ? "Data: the paper's released files from the Hugging Face Hub (<code>T3KIT_SOURCE=hub</code>)."
    : "Data: the embedded default in <code>data/</code>, made by us (no network). <code>T3KIT_SOURCE=hub</code> reads the paper's released files from the Hugging Face Hub instead.";
}

function contents(reports: StageReport[]): string {
  const items = reports.map((r) => {
    const state = r.status === "ran" ? (r.run ? seconds(r.run.seconds) : "ran") : "not run";
    return `<li><a href="#stage-${escapeHtml(r.entry.key)}">${escapeHtml(r.entry.title)}</a> · ${state}</li>`;
  });
  return `<nav><ol>${items.join("")}</ol></nav>`;
}

/** The syllabus: lessons in order, each with goals, time, exercises and its two links. */
function syllabus(lessons: SyllabusLesson[]): string {
  if (lessons.length === 0) return "";
  const items = lessons.map((l) => {
    const goals = l.goals.map((g) => `<li>${escapeHtml(g)}</li>`).join("");
    const exercises = l.exercises.map((e) => `${escapeHtml(e.id)} (${e.points} pt)`).join(", ");
    const open = `<a href="http://localhost:8888/notebooks/notebooks/${escapeHtml(relativeHref(`${l.notebook}.ipynb`))}">open in Jupyter</a>`;
    return `<li><b>${escapeHtml(l.title)}</b> · about ${l.minutes} min · ${open} · ${l.executed ? link(`html/${l.notebook}.html`, "executed copy") : "not run yet"}<br>${escapeHtml(l.question)}<ul>${goals}</ul>Exercises: ${exercises || "none"}</li>`;
  });
  return `<section class="stage" id="syllabus"><h2>Syllabus</h2><p class="status">Start Jupyter in the kit's folder (see README, Running a class); <code>npx t3kit class release</code> writes the students' copies, <code>npx t3kit class grade</code> scores them.</p><ol>${items.join("")}</ol></section>`;
}

/** The whole front page. */
/** A lesson, and whether out/ holds its executed copy (a link only then: out/ opens offline). */
export type SyllabusLesson = Lesson & { executed?: boolean };

export function frontPageHtml(reports: StageReport[], lessons: SyllabusLesson[] = []): string {
  const ran = reports.filter((r) => r.status === "ran");
  const total = ran.reduce((sum, r) => sum + (r.run?.seconds ?? 0), 0);
  const timed = ran.length > 0 && ran.every((r) => r.run);
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>t3kit · Video-T3 stage by stage</title>",
    `<style>${STYLE}</style>`,
    "</head><body><header>",
    "<h1>Temporal Reasoning Transfer from Text to Video, stage by stage</h1>",
    "<p>t3kit reproduces Video-T3 (Li, Liu et al., ICLR 2025; arXiv 2410.06166) as TypeScript " +
      "notebooks: Video LLMs see temporal facts their language model cannot reason about, so " +
      "the paper teaches temporal reasoning with text alone and transfers it to video.</p>",
    `<p>${sourceSummary(reports)}</p>`,
    `<p>${ran.length} of ${reports.length} notebooks ran${timed ? `, ${seconds(total)} in all` : ""}.</p>`,
    contents(reports),
    "</header><main>",
    syllabus(lessons),
    ...reports.map(stageSection),
    "</main>",
    "<footer>Made by <code>t3kit report</code> (also at the end of <code>make run</code>). " +
      "Every link is relative: this folder can be copied and opened anywhere, offline.</footer>",
    "</body></html>",
    "",
  ].join("\n");
}
