/**
 * What each training run's length limit would drop (notebook 04, "What the cutoffs
 * drop"): every record counted under each preset's template and vision settings.
 */
import type { DataFrame } from "danfojs-node";
import { toDataFrame } from "../tables/index";
import { collectTokenCounts } from "../token-counting/index";
import { type LengthPreset, lengthPresets } from "../token-counting/index";
import type { ParallelCountOptions } from "../token-counting/index";

/**
 * One row per (preset, source): records, dropped, dropped percentage and the longest record,
 * for the records of `path`.
 */
export async function presetDropTable(
  path: string,
  options: Omit<ParallelCountOptions, "file" | "template"> = {},
  presets: readonly LengthPreset[] = Object.values(lengthPresets),
): Promise<DataFrame> {
  const out: Record<string, string | number>[] = [];
  for (const preset of presets) {
    const rows = await collectTokenCounts(path, {
      ...options,
      template: preset.template,
      visual: { ...preset.visual, ...options.visual },
    });
    const bySource = new Map<string, { records: number; dropped: number; max: number }>();
    for (const r of rows) {
      const s = bySource.get(r.source) ?? { records: 0, dropped: 0, max: 0 };
      s.records++;
      if (r.total_tokens > preset.maxTokens) s.dropped++;
      s.max = Math.max(s.max, r.total_tokens);
      bySource.set(r.source, s);
    }
    for (const [source, s] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({
        preset: preset.name,
        max_tokens: preset.maxTokens,
        source,
        records: s.records,
        dropped: s.dropped,
        dropped_pct: Math.round((1000 * s.dropped) / s.records) / 10,
        longest: s.max,
      });
    }
  }
  return toDataFrame(out);
}
