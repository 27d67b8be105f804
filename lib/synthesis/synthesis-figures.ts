/**
 * Figures and tables of a synthesised folder for notebooks/02-t3-synthesis.ipynb: counts
 * per task and length, answer-letter balance, and the length in words of each family's
 * questions. Pure functions of the manifest and the loaded items.
 */
import type { Data } from "plotly.js";
import type { Figure } from "../plots/index";
import type { SynthesisManifest } from "../records/index";
import type { LoadedItem } from "./load-synthesis-folder";

/** One row per (task, length): its training and validation items and file. */
export function synthesisCountRows(manifest: SynthesisManifest): Record<string, string | number>[] {
  const rows = new Map<string, Record<string, string | number>>();
  for (const f of manifest.files) {
    const key = `${f.task}/${f.length}`;
    const row = rows.get(key) ?? {
      family: f.family,
      task: f.task,
      length: `${f.length}x`,
      "captions per item": f.captionsPerItem,
      "train items": 0,
      "validation items": 0,
      "training file": "",
    };
    if (f.split === "train") {
      row["train items"] = f.items;
      row["training file"] = f.file;
    } else row["validation items"] = f.items;
    rows.set(key, row);
  }
  return [...rows.values()];
}

const LETTERS = ["A", "B", "C", "D", "E", "F"];

/** Share of each answer letter per task (training files), as grouped bars. */
export function answerLetterFigure(manifest: SynthesisManifest): Figure {
  const files = manifest.files.filter((f) => f.split === "train");
  const labels = files.map((f) => (f.length === 1 ? f.task : `${f.task} ${f.length}x`));
  const data: Data[] = LETTERS.filter((l) => files.some((f) => (f.answerLetters[l] ?? 0) > 0)).map(
    (letter) => ({
      type: "bar",
      name: `(${letter})`,
      x: labels,
      y: files.map((f) => (100 * (f.answerLetters[letter] ?? 0)) / Math.max(1, f.items)),
    }),
  );
  return {
    data,
    layout: {
      title: { text: "Which letter is right: share per training file" },
      barmode: "stack",
      yaxis: { title: { text: "% of items" }, range: [0, 100] },
      xaxis: { tickangle: -40 },
      height: 520,
      margin: { b: 190 },
    },
  };
}

/** Words in a rendered question (captions, question, options). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

/** Histograms of question length in words, one panel per family, on one word axis. */
export function wordLengthFigure(items: readonly LoadedItem[]): Figure {
  const families = [...new Set(items.map((i) => i.family))];
  const counts = items.map((i) => wordCount(i.question));
  const end = Math.ceil((Math.max(0, ...counts) + 1) / 10) * 10;
  const gap = 0.04;
  const h = (1 - gap * (families.length - 1)) / families.length;
  const layout: Record<string, unknown> = {
    title: { text: "Length of the human turn in words, per family" },
    showlegend: false,
    height: 130 * families.length + 120,
    margin: { l: 150 },
  };
  const data: Data[] = families.map((family, p) => {
    const axis = p === 0 ? "" : String(p + 1);
    const top = 1 - p * (h + gap);
    layout[`yaxis${axis}`] = {
      domain: [top - h, top],
      title: { text: family },
      anchor: `x${axis}`,
    };
    layout[`xaxis${axis}`] = {
      anchor: `y${axis}`,
      matches: p === 0 ? undefined : "x",
      showticklabels: p === families.length - 1,
      title: p === families.length - 1 ? { text: "words (bins of 10)" } : undefined,
    };
    return {
      type: "histogram",
      name: family,
      x: items.flatMap((i, k) => (i.family === family ? [counts[k]] : [])),
      xbins: { start: 0, end, size: 10 },
      xaxis: `x${axis}`,
      yaxis: `y${axis}`,
    } as Data;
  });
  return { data, layout };
}
