/**
 * `mix inspect --out DIR`: the composition, duplicates and contamination as CSV tables
 * and two figures (records vs tokens per part; token lengths per part), each written
 * atomically (lib/files, lib/plots), named `inspect-*`.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../files/index";
import { type Figure, saveFigure } from "../../plots/index";
import { csvRows } from "../../tables/index";
import type { MixInspection } from "./inspect-mix";

/** Records vs tokens per part, as shares of the mix. */
export function inspectionShareFigure(ins: MixInspection): Figure {
  const parts = ins.composition.map((c) => c.source);
  return {
    data: [
      { type: "bar", name: "records", x: parts, y: ins.composition.map((c) => c.record_share) },
      { type: "bar", name: "tokens", x: parts, y: ins.composition.map((c) => c.token_share) },
    ],
    layout: {
      title: { text: "Share of records and of tokens per part" },
      barmode: "group",
      yaxis: { title: { text: "share of the mix" }, tickformat: ".0%" },
      width: 900,
      height: 450,
    },
  };
}

/** Token lengths per part: p50 with a bar to p99. */
export function inspectionLengthFigure(ins: MixInspection): Figure {
  const c = ins.composition;
  return {
    data: [
      {
        type: "scatter",
        mode: "markers",
        name: "p50 (bar to p99)",
        x: c.map((r) => r.source),
        y: c.map((r) => r.tokens_p50),
        error_y: {
          type: "data",
          symmetric: false,
          array: c.map((r) => r.tokens_p99 - r.tokens_p50),
          arrayminus: c.map(() => 0),
        },
      },
    ],
    layout: {
      title: { text: `Record length per part (${ins.tokenizer} tokens)` },
      yaxis: { title: { text: "tokens" }, type: "log" },
      width: 900,
      height: 450,
    },
  };
}

/** Writes the tables and figures; returns the paths written. */
export async function writeInspectionFiles(ins: MixInspection, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const table = async (name: string, rows: unknown[][]) => {
    const path = join(dir, `${name}.csv`);
    await writeFileAtomic(path, csvRows(rows));
    written.push(path);
  };
  await table("inspect-composition", [
    [
      "source",
      "records",
      "record_share",
      "tokens",
      "token_share",
      "turns",
      "tokens_p50",
      "tokens_p90",
      "tokens_p99",
      "tokens_max",
      "answer_letters",
    ],
    ...ins.composition.map((c) => [
      c.source,
      c.records,
      c.record_share,
      c.tokens,
      c.token_share,
      c.turns,
      c.tokens_p50,
      c.tokens_p90,
      c.tokens_p99,
      c.tokens_max,
      Object.entries(c.answer_letters)
        .map(([k, v]) => `${k}:${v}`)
        .join(" "),
    ]),
  ]);
  await table("inspect-duplicates", [
    ["group", "kind", "id"],
    ...ins.duplicates.flatMap((d, g) => d.ids.map((id) => [g, d.kind, id])),
  ]);
  await table("inspect-contamination", [
    ["id", "against", "item", "kind", "score"],
    ...ins.contamination.map((f) => [f.id, f.against, f.item, f.kind, f.score]),
  ]);
  for (const [name, fig] of [
    ["inspect-shares", inspectionShareFigure(ins)],
    ["inspect-lengths", inspectionLengthFigure(ins)],
  ] as const) {
    const saved = await saveFigure(fig, name, dir);
    written.push(saved.html, saved.png);
  }
  return written;
}
