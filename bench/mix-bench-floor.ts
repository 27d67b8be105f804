/**
 * The write floor of `npm run bench:mix`: how long it takes, in this process, to write files
 * of the outputs' names and sizes from one 4 MiB buffer (fs.writeSync into temp names, then
 * rename, as the kit writes), in a fresh folder that is removed afterwards. What "just
 * writing the bytes" costs on this machine.
 *
 * The memory state matters: writing into pages a just-removed folder freed is several
 * times faster than writing into memory never touched (measured about 4x in this VM). So
 * the floor and the kit run both follow the removal of a folder of the same size: the
 * caller removes the previous kit output before the floor, and the floor's own folder is
 * removed right before the kit runs.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

const CHUNK = Buffer.alloc(4 << 20, "0123456789abcdef");

/** Writes the files into `dir` (made fresh), removes it, and returns the writing's seconds. */
export function writeFloor(files: readonly { name: string; size: number }[], dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  for (const f of files) {
    const temp = join(dir, `.${f.name}.tmp`);
    const fd = openSync(temp, "w");
    try {
      for (let left = f.size; left > 0; )
        left -= writeSync(fd, CHUNK, 0, Math.min(left, CHUNK.length));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, f.name));
  }
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}
