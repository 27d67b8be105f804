/**
 * The records of a mix in contiguous segments, one per thread: a scan that delimits
 * records and parses nothing (about 2.5 s per GB here) counts them (contamination's
 * "common in the mix" is a share of that count) and finds where a thread's share of the
 * bytes begins. A JSON array is split at the first element that begins past the share's
 * byte (ScanOptions.range); a JSON Lines file is split only at its ends.
 */
import { statSync } from "node:fs";
import { detectRecordFormat, scanRecordBatches } from "../../json/index";

export interface InspectionSegment {
  file: string;
  format: "array" | "jsonl";
  /** Index of the segment's first record in its file, and in the whole mix. */
  firstIndex: number;
  firstRecord: number;
  /** Byte range of a JSON array's part (absent: the whole file). */
  range?: { start: number; stop?: number };
}

export interface InspectionPlan {
  records: number;
  /** Segments of each thread, in mix order: thread k's records follow thread k-1's. */
  threads: InspectionSegment[][];
}

interface Cut {
  file: number;
  offset: number;
  index: number;
  record: number;
}

/** Plans `threads` contiguous shares of `files` by bytes (fewer when files are small). */
export async function planInspectionSegments(
  files: readonly string[],
  threads: number,
): Promise<InspectionPlan> {
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((s, x) => s + x, 0);
  const targets = Array.from({ length: threads - 1 }, (_, k) => ((k + 1) * total) / threads);
  const formats: ("array" | "jsonl")[] = [];
  const counts: number[] = [];
  const cuts: Cut[] = [];
  let before = 0;
  let records = 0;
  for (const [f, file] of files.entries()) {
    const format = await detectRecordFormat(file);
    formats.push(format);
    let n = 0;
    for await (const batch of scanRecordBatches(file, format, { validate: "structure" })) {
      for (const span of batch) {
        const at = before + span.fileOffset;
        const due = targets[cuts.length];
        // A cut inside a file only for arrays (their elements can start a range scan);
        // JSON Lines files are cut at their first record.
        if (due !== undefined && at >= due && (format === "array" || span.index === 0))
          cuts.push({ file: f, offset: span.fileOffset, index: span.index, record: records });
        n++;
        records++;
      }
    }
    counts.push(n);
    before += sizes[f];
  }
  return { records, threads: segmentsOf(files, formats, counts, cuts) };
}

function segmentsOf(
  files: readonly string[],
  formats: ("array" | "jsonl")[],
  counts: number[],
  cuts: Cut[],
): InspectionSegment[][] {
  const out: InspectionSegment[][] = [];
  let current: InspectionSegment[] = [];
  let record = 0;
  for (const [f, file] of files.entries()) {
    const here = cuts.filter((c) => c.file === f);
    let from: Cut | undefined;
    for (const cut of here) {
      if (cut.index > 0)
        current.push({
          file,
          format: formats[f],
          firstIndex: from?.index ?? 0,
          firstRecord: from?.record ?? record,
          range: { start: from?.offset ?? 0, stop: cut.offset },
        });
      if (current.length > 0) out.push(current);
      current = [];
      from = cut;
    }
    current.push({
      file,
      format: formats[f],
      firstIndex: from?.index ?? 0,
      firstRecord: from?.record ?? record,
      ...(from && from.index > 0 ? { range: { start: from.offset } } : {}),
    });
    record += counts[f];
  }
  if (current.length > 0) out.push(current);
  return out;
}
