/** "Video-MME" → "videomme", "TempCompass" → "tempcompass": how the kit names benchmarks. */
export const benchmarkKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, "");

/** "Temporal Reasoning" → "temporal_reasoning", "AC*" → "ac": how the kit names dimensions. */
export const dimensionKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
