/**
 * A text file as strings, strictly decoded: invalid UTF-8 stops the read with an
 * InputError naming the file, the line and the byte offset, instead of turning into
 * U+FFFD (which would then reach training data).
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { InputError } from "../errors/index";
import { declareInputs } from "./output-guard";
import { firstInvalidUtf8, utf8ValidPrefix } from "./utf8-valid-prefix";

function lineAt(lines: number, buf: Uint8Array, upTo: number): number {
  let n = lines;
  for (let i = 0; i < upTo; i++) if (buf[i] === 10) n++;
  return n;
}

function badUtf8(file: string, line: number, offset: number): InputError {
  return new InputError(
    { file, record: line, recordKind: "line" },
    `invalid UTF-8 at byte ${offset} (Python's strict utf-8 decoding fails there too)`,
  );
}

/** The file's text, a chunk at a time, every chunk whole characters. */
export async function* readUtf8Text(file: string, highWaterMark = 1 << 20): AsyncGenerator<string> {
  declareInputs([{ path: file }]);
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0; // file offset of carry[0]
  let line = 1; // line number at carry[0]
  for await (const chunk of createReadStream(file, { highWaterMark })) {
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const p = utf8ValidPrefix(buf);
    if (p.invalid) throw badUtf8(file, lineAt(line, buf, p.valid), offset + p.valid);
    const text = buf.toString("utf8", 0, p.valid);
    line = lineAt(line, buf, p.valid);
    offset += p.valid;
    carry = buf.subarray(p.valid);
    if (text) yield text;
  }
  if (carry.length > 0) {
    const at = firstInvalidUtf8(carry);
    throw badUtf8(file, line, offset + Math.max(at, 0));
  }
}

/** The same, as a Readable stream of strings (for readline). */
export function utf8TextStream(file: string): Readable {
  return Readable.from(readUtf8Text(file));
}
