/**
 * The 1-based line of a file on which byte `offset` stands. Read only when an error is
 * reported (a JSON array's records know their index, not their line), in 1 MiB chunks.
 */
import { closeSync, openSync, readSync } from "node:fs";

export function lineOfByte(path: string, offset: number): number {
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    let line = 1;
    for (let at = 0; at < offset; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, offset - at), at);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (chunk[i] === 0x0a) line++;
      at += n;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}
