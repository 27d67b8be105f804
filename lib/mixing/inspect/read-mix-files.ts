/**
 * The records of the files a user names, streamed in order: each path is a file (LLaVA
 * JSON array or JSONL, T3 pairs, sharegpt, ms-swift) or a folder, whose `.json` and
 * `.jsonl` files are read in name order (a Video-T3-QA folder). A 1M-record file never
 * becomes one string (lib/json reads it in chunks).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/index";
import { readRecords } from "../../json/index";
import { type MixRecord, readMixRecord } from "./read-mix-record";

/** The files behind `paths`: files as given, folders expanded to their JSON(L) files. */
export function mixFilesOf(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError({ file: p }, "no such file or folder");
    if (!statSync(p).isDirectory()) {
      out.push(p);
      continue;
    }
    const files = readdirSync(p)
      .filter((f) => /\.jsonl?$/.test(f))
      .sort()
      .map((f) => join(p, f));
    if (files.length === 0)
      throw new InputError({ file: p }, "the folder holds no .json or .jsonl file");
    out.push(...files);
  }
  return out;
}

/** Every record of `files`, read as inspection reads them. */
export async function* readMixFiles(files: readonly string[]): AsyncGenerator<MixRecord> {
  for (const file of files) {
    for await (const { index, record } of readRecords(file))
      yield readMixRecord(record, file, index);
  }
}
