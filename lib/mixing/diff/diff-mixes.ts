/**
 * `mix diff A B`: which records B adds, removes and keeps against A, per part of the
 * composition (inspect/classify-record.ts), matched by normalised content (turns and
 * media, whitespace and case aside), not by position; a record repeated k times in A and
 * m times in B is kept min(k, m) times. With the shares of records of each part in both.
 */
import type { OnProgress } from "../../progress/index";
import { classifyRecord } from "../inspect/classify-record";
import { WordHasher } from "../inspect/hash-words";
import { mixFilesOf, readMixFiles } from "../inspect/read-mix-files";
import { recordContentKey } from "../inspect/record-content-key";

export interface MixDiffRow {
  source: string;
  records_a: number;
  records_b: number;
  added: number;
  removed: number;
  kept: number;
  share_a: number;
  share_b: number;
  /** share_b - share_a. */
  shift: number;
}

export interface MixDiff {
  a: string;
  b: string;
  records_a: number;
  records_b: number;
  added: number;
  removed: number;
  kept: number;
  parts: MixDiffRow[];
}

interface Held {
  count: number;
  part: string;
}

function row(rows: Map<string, MixDiffRow>, source: string): MixDiffRow {
  let r = rows.get(source);
  if (!r) {
    r = {
      source,
      records_a: 0,
      records_b: 0,
      added: 0,
      removed: 0,
      kept: 0,
      share_a: 0,
      share_b: 0,
      shift: 0,
    };
    rows.set(source, r);
  }
  return r;
}

/** Compares mix `b` with mix `a` (each a file or a folder). */
export async function diffMixes(a: string, b: string, onProgress?: OnProgress): Promise<MixDiff> {
  const hasher = new WordHasher();
  const held = new Map<number, Held>();
  const rows = new Map<string, MixDiffRow>();
  let na = 0;
  for await (const record of readMixFiles(mixFilesOf([a]))) {
    const { key } = recordContentKey(hasher, record);
    const part = classifyRecord(record);
    const h = held.get(key);
    if (h) h.count++;
    else held.set(key, { count: 1, part });
    row(rows, part).records_a++;
    if (++na % 100_000 === 0) onProgress?.({ done: na, unit: "records of A" });
  }
  let nb = 0;
  for await (const record of readMixFiles(mixFilesOf([b]))) {
    const { key } = recordContentKey(hasher, record);
    const part = classifyRecord(record);
    const r = row(rows, part);
    r.records_b++;
    const h = held.get(key);
    if (h && h.count > 0) {
      h.count--;
      r.kept++;
    } else r.added++;
    if (++nb % 100_000 === 0) onProgress?.({ done: nb, unit: "records of B" });
  }
  for (const h of held.values()) if (h.count > 0) row(rows, h.part).removed += h.count;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const parts = [...rows.values()]
    .map((r) => {
      const share_a = na > 0 ? round(r.records_a / na) : 0;
      const share_b = nb > 0 ? round(r.records_b / nb) : 0;
      return { ...r, share_a, share_b, shift: round(share_b - share_a) };
    })
    .sort(
      (x, y) =>
        y.records_a + y.records_b - (x.records_a + x.records_b) || (x.source < y.source ? -1 : 1),
    );
  const sum = (k: "added" | "removed" | "kept") => parts.reduce((s, r) => s + r[k], 0);
  return {
    a,
    b,
    records_a: na,
    records_b: nb,
    added: sum("added"),
    removed: sum("removed"),
    kept: sum("kept"),
    parts,
  };
}
