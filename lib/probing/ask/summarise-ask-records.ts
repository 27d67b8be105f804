// Accuracy of a model's answers per aspect and per aspect group (all videos pooled).
import { ASPECT_GROUPS, probingAspect } from "../aspects/probing-aspects";
import type { AskRecord } from "./ask-probe-model";

export interface AskAccuracy {
  name: string;
  kind: "aspect" | "group";
  videos: number;
  /** 0..1 */
  accuracy: number;
}

export function summariseAskRecords(records: AskRecord[]): AskAccuracy[] {
  const rows: AskAccuracy[] = [];
  const of = (subset: AskRecord[]) => subset.reduce((a, r) => a + r.score, 0) / subset.length;
  const aspects = [...new Set(records.map((r) => r.aspect))];
  for (const aspect of aspects) {
    const subset = records.filter((r) => r.aspect === aspect);
    rows.push({ name: aspect, kind: "aspect", videos: subset.length, accuracy: of(subset) });
  }
  for (const group of ASPECT_GROUPS) {
    const subset = records.filter((r) => probingAspect(r.aspect).group === group);
    if (subset.length)
      rows.push({ name: group, kind: "group", videos: subset.length, accuracy: of(subset) });
  }
  return rows;
}
