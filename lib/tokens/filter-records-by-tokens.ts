import { openAtomicWriteStream, refuseOutputOverInput } from "../files/index";
/**
 * Drops the records that would not fit a training run's sequence length, instead of
 * letting the framework truncate them (a truncated visual span crashes Qwen2-VL with
 * "Image features and image tokens do not match"). Two passes: count every record, then
 * copy the ones that fit. A JSON array is written as Python's `json.dump(kept, indent=4)`
 * (the layout of the released mixing script), a JSONL file line by line with each kept
 * line's bytes unchanged; either way atomically (temp file, then rename).
 */
import {
  detectRecordFormat,
  readRecords,
  scanRecordBatches,
  writePythonJsonItemsFile,
} from "../json/index";
import type { JsonValue } from "../json/index";
import type { OnProgress } from "../progress/index";
import { countFileTokens } from "../token-counting/index";
import type { ParallelCountOptions } from "../token-counting/index";

export interface FilterSourceReport {
  source: string;
  records: number;
  dropped: number;
  /** dropped / records of this source. */
  droppedShare: number;
}

export interface FilterReport {
  input: string;
  output: string;
  maxTokens: number;
  records: number;
  kept: number;
  dropped: number;
  droppedShare: number;
  bySource: FilterSourceReport[];
}

/** Writes the records of `input` whose total tokens are ≤ `maxTokens` to `output`. */
export async function filterRecordsByTokens(
  input: string,
  output: string,
  maxTokens: number,
  options: Omit<ParallelCountOptions, "file"> = {},
  onProgress?: OnProgress,
): Promise<FilterReport> {
  refuseOutputOverInput([output], [input], "give --out another path");
  const keep: boolean[] = [];
  const bySource = new Map<string, { records: number; dropped: number }>();
  for await (const row of countFileTokens(input, options)) {
    if (keep.length > 0 && keep.length % 100000 === 0)
      onProgress?.({ done: keep.length, unit: "records" });
    const fits = row.total_tokens <= maxTokens;
    keep.push(fits);
    let s = bySource.get(row.source);
    if (!s) {
      s = { records: 0, dropped: 0 };
      bySource.set(row.source, s);
    }
    s.records++;
    if (!fits) s.dropped++;
  }
  if ((await detectRecordFormat(input)) === "array") {
    await writePythonJsonItemsFile(output, keptRecords(input, keep), { indent: 4 });
  } else {
    await copyKeptLines(input, output, keep);
  }
  const kept = keep.filter(Boolean).length;
  return {
    input,
    output,
    maxTokens,
    records: keep.length,
    kept,
    dropped: keep.length - kept,
    droppedShare: keep.length === 0 ? 0 : (keep.length - kept) / keep.length,
    bySource: [...bySource].map(([source, s]) => ({
      source,
      records: s.records,
      dropped: s.dropped,
      droppedShare: s.dropped / s.records,
    })),
  };
}

async function* keptRecords(input: string, keep: boolean[]): AsyncIterable<JsonValue> {
  for await (const { index, record } of readRecords(input)) if (keep[index]) yield record;
}

async function copyKeptLines(input: string, output: string, keep: boolean[]): Promise<void> {
  const out = await openAtomicWriteStream(output);
  try {
    for await (const spans of scanRecordBatches(input, "jsonl")) {
      for (const span of spans) {
        if (!keep[span.index]) continue;
        await out.write(Buffer.from(span.bytes.subarray(span.start, span.end)));
        await out.write("\n");
      }
    }
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}
