/**
 * Reads a caption file as a stream of Captions: LLaVA-ReCap-style JSON (an array) or JSONL
 * (`{id, caption}` per line). The format is told by the first non-blank character. Memory
 * stays flat in the number of captions; a bad record stops the read with an InputError.
 */
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { InputError } from "../errors/index";
import { utf8TextStream } from "../files/index";
import type { Caption } from "./caption-record";
import { parseCaptionRecord } from "./parse-caption-record";
import { streamJsonArray } from "./stream-json-array";

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

/** Every caption in `file`, in file order. */
export async function* readCaptions(file: string): AsyncGenerator<Caption> {
  const format = await detectCaptionFormat(file);
  if (format === "json") {
    for await (const { index, value } of streamJsonArray(file)) {
      yield parseCaptionRecord(value, { file, record: index, recordKind: "record" });
    }
    return;
  }
  const lines = createInterface({
    input: utf8TextStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError(
        { file, record: lineNo, recordKind: "line" },
        `bad JSON: ${(err as Error).message}`,
      );
    }
    yield parseCaptionRecord(value, { file, record: lineNo, recordKind: "line" });
  }
}
