import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Hex sha256 of a file's bytes, streamed (works on files larger than memory). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}
