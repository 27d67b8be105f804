/**
 * Reads a caption file as a stream of Captions: LLaVA-ReCap-style JSON (an array) or JSONL
 * (`{id, caption}` per line). The format is told by the first non-blank character. Memory
 * stays flat in the number of captions; a bad record stops the read with an InputError.
 */
import { open } from "node:fs/promises";
import { InputError } from "../../errors/index";
import { readJsonArrayRecords, readJsonlRecords } from "../../json/index";
import type { Caption } from "./caption-record";
import { parseCaptionRecord } from "./parse-caption-record";

export type CaptionFileFormat = "json" | "jsonl";

/** Looks at the first non-blank character: `[` is a JSON array, `{` is JSONL. */
export async function detectCaptionFormat(file: string): Promise<CaptionFileFormat> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (err) {
    throw new InputError({ file }, `cannot open: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trimStart();
    if (head.startsWith("[")) return "json";
    if (head.startsWith("{")) return "jsonl";
    if (head === "") throw new InputError({ file }, "the file is empty");
    throw new InputError({ file }, "neither a JSON array nor JSONL (expected '[' or '{')");
  } finally {
    await handle.close();
  }
}

/** Every caption in `file`, in file order (lib/json reads both formats, in flat memory). */
export async function* readCaptions(file: string): AsyncGenerator<Caption> {
  const format = await detectCaptionFormat(file);
  const records = format === "json" ? readJsonArrayRecords(file) : readJsonlRecords(file);
  for await (const { index, line, record } of records) {
    yield parseCaptionRecord(
      record,
      line === undefined
        ? { file, record: index, recordKind: "record" }
        : { file, record: line, recordKind: "line" },
    );
  }
}
