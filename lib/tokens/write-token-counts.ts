import type { Writable } from "node:stream";
import { openAtomicWriteStream } from "../files/index";
/**
 * `tokens count`: one JSON line per record of a file, in order, written atomically to a
 * file or streamed to a writable (stdout); the rows come back for the summary.
 */
import type { OnProgress } from "../progress/index";
import { countFileTokens } from "../token-counting/index";
import type { TokenCountRow } from "../token-counting/index";
import type { ParallelCountOptions } from "../token-counting/index";

export interface TokenCountOutput {
  /** Written atomically (nothing appears unless every record was counted). */
  outFile?: string;
  /** Where the lines go without `outFile` (e.g. process.stdout). */
  stream?: Writable;
  /** Records counted, every 100,000. */
  onProgress?: OnProgress;
  /** Progress of the video pre-pass (`--video-folder`). */
  onVideoProgress?: OnProgress;
}

/** Counts `file` and writes its rows as JSON lines; returns the rows. */
export async function writeTokenCounts(
  file: string,
  options: Omit<ParallelCountOptions, "file">,
  output: TokenCountOutput,
): Promise<TokenCountRow[]> {
  const rows: TokenCountRow[] = [];
  const sink = output.outFile ? await openAtomicWriteStream(output.outFile) : undefined;
  const stream = output.stream;
  const flush = async (text: string) => {
    if (sink) await sink.write(text);
    else if (stream && !stream.write(text))
      await new Promise<void>((r) => stream.once("drain", () => r()));
  };
  try {
    let buffer = "";
    const counted = countFileTokens(file, { ...options, onVideoProgress: output.onVideoProgress });
    for await (const row of counted) {
      rows.push(row);
      buffer += `${JSON.stringify(row)}\n`;
      if (buffer.length > 1 << 16) {
        await flush(buffer);
        buffer = "";
      }
      if (rows.length % 100000 === 0) output.onProgress?.({ done: rows.length, unit: "records" });
    }
    if (sink) {
      await sink.write(buffer);
      await sink.commit();
    } else if (stream) {
      await new Promise<void>((r) => stream.end(buffer, () => r()));
    }
  } catch (e) {
    await sink?.abort();
    throw e;
  }
  return rows;
}
