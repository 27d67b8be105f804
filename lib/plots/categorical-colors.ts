/**
 * 20 distinguishable colours for stacked bars with many sources: plotly's default cycles
 * after 10, and a T3 mix has up to 20 sources (13 released files, LLaVA, HotpotQA, …).
 */
export const CATEGORICAL_COLORS_20 = [
  "#1f77b4",
  "#aec7e8",
  "#ff7f0e",
  "#ffbb78",
  "#2ca02c",
  "#98df8a",
  "#d62728",
  "#ff9896",
  "#9467bd",
  "#c5b0d5",
  "#8c564b",
  "#c49c94",
  "#e377c2",
  "#f7b6d2",
  "#7f7f7f",
  "#c7c7c7",
  "#bcbd22",
  "#dbdb8d",
  "#17becf",
  "#9edae5",
];
