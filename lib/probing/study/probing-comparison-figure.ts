import type { Data, Layout } from "plotly.js";
import type { Figure } from "../../plots/index";
import { ASPECT_GROUPS, type AspectGroup } from "../aspects/probing-aspects";
/**
 * Our probe accuracies per aspect group beside the paper's bars (the probing figure of the
 * paper: Video LLM on video, LLMs on frame captions, LSTM probe on visual features), with
 * chance as dashed lines. Every legend entry says whose number it is: "paper: …" bars are
 * read from the paper's figure, "ours: …" bars were computed by the kit on its own data.
 */
import type { EncoderName } from "../features/frame-encoder";
import type { ProbeSummaryRow } from "../probes/summarise-probe-results";
import type { ProbeKind } from "../probes/train-probe";

export interface ComparisonBar {
  label: string;
  source: "paper" | "ours";
  setting: "video" | "text" | "probe";
  values: Partial<Record<string, number>>;
  /** A colour of its own (otherwise the setting's). */
  color?: string;
}

/** Shades of blue for the text-only LLMs, light to dark, as the paper's figure. */
const TEXT_BLUES = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c"];

/** The shape of a paper probing table (data/paper/probing-*.json), read structurally. */
export interface PaperProbingTable {
  columns: { label: string; setting?: "video" | "text" | "probe" }[];
  rows: { label: string; values: (number | null)[]; random?: number }[];
}

export function paperProbingBars(table: PaperProbingTable, model: string): ComparisonBar[] {
  let text = 0;
  return table.columns.map((column, j) => ({
    label: `paper (${model}): ${column.label}`,
    source: "paper" as const,
    setting: column.setting ?? "text",
    color:
      (column.setting ?? "text") === "text" ? TEXT_BLUES[text++ % TEXT_BLUES.length] : undefined,
    values: Object.fromEntries(
      table.rows.filter((r) => r.values[j] !== null).map((r) => [r.label, r.values[j] as number]),
    ),
  }));
}

export function chanceByGroup(table: PaperProbingTable): Partial<Record<string, number>> {
  return Object.fromEntries(
    table.rows.filter((r) => r.random !== undefined).map((r) => [r.label, r.random as number]),
  );
}

const COLOURS = {
  paper: { video: "#f4a6a6", text: "#b9d3ea", probe: "#a9d6a0" },
  ours: { video: "#c0392b", text: "#1f5f99", probe: "#2e7d32" },
};

export function probingComparisonFigure(
  bars: ComparisonBar[],
  chance: Partial<Record<string, number>>,
  groups: readonly AspectGroup[] = ASPECT_GROUPS,
): Figure {
  const data: Data[] = bars.map((bar) => ({
    type: "bar",
    name: bar.label,
    x: [...groups],
    y: groups.map((g) => bar.values[g] ?? null),
    marker: {
      color: bar.color ?? COLOURS[bar.source][bar.setting],
      pattern: bar.source === "paper" ? { shape: "/", size: 5, solidity: 0.3 } : undefined,
      line: {
        color: bar.source === "ours" ? "#000" : "#777",
        width: bar.source === "ours" ? 1.2 : 0.4,
      },
    },
    text: groups.map((g) =>
      bar.values[g] === undefined ? "" : (bar.values[g] as number).toFixed(0),
    ),
    textposition: "outside",
    textfont: { size: 8 },
  })) as Data[];
  const shapes: NonNullable<Layout["shapes"]> = groups.flatMap((g, i) =>
    chance[g] === undefined
      ? []
      : [
          {
            type: "line" as const,
            x0: i - 0.45,
            x1: i + 0.45,
            y0: chance[g] as number,
            y1: chance[g] as number,
            line: { color: "red", dash: "dash" as const, width: 1.5 },
          },
        ],
  );
  return {
    data,
    layout: {
      barmode: "group",
      title: { text: "Probing: the paper's bars (hatched) and ours (solid); red dashes: chance" },
      yaxis: { title: { text: "accuracy %" }, range: [0, 110] },
      xaxis: { type: "category" },
      shapes,
      legend: { font: { size: 9 } },
      width: 1100,
      height: 520,
    },
  };
}

/** Our group accuracies as a bar of the comparison figure. */
export function ourProbeBar(
  rows: ProbeSummaryRow[],
  probe: ProbeKind,
  label: string,
): ComparisonBar {
  return {
    label,
    source: "ours",
    setting: "probe",
    // Linear orange, LSTM dark green: both solid with black outlines, told apart.
    color: probe === "linear" ? "#e69f00" : "#1b5e20",
    values: Object.fromEntries(
      rows.filter((r) => r.kind === "group" && r.probe === probe).map((r) => [r.name, r.mean]),
    ),
  };
}

/**
 * The notebook's figure: the paper's bars of one model (LongVA's row in the notebook) and
 * our linear and LSTM probes on the features of the study's encoder (MobileNetV3 by
 * default), with the paper's chance lines.
 */
export function studyComparisonFigure(
  paper: PaperProbingTable,
  summary: ProbeSummaryRow[],
  encoder: EncoderName = "mobilenetv3",
  model = "LongVA",
): Figure {
  const features = encoder === "mobilenetv3" ? "MobileNetV3 features" : "stand-in features";
  return probingComparisonFigure(
    [
      ...paperProbingBars(paper, model),
      ourProbeBar(summary, "linear", `ours: linear probe (${features})`),
      ourProbeBar(summary, "lstm", `ours: LSTM probe (${features})`),
    ],
    chanceByGroup(paper),
  );
}
