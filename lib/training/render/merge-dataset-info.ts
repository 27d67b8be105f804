/**
 * LLaMA-Factory reads every dataset of a `dataset_dir` from one `dataset_info.json`: a
 * folder a user already trains from holds their entries. The kit adds (or replaces) its own
 * entries and keeps the others, so `train convert` and `train plan` into such a folder merge.
 */
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../../errors/index";
import { writeFileAtomic } from "../../files/index";
import { isJsonObject } from "../../json/index";

export async function mergeDatasetInfo(
  path: string,
  entries: Record<string, unknown>,
): Promise<string> {
  let info: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
      if (!isJsonObject(parsed)) throw new Error("not an object");
      info = parsed;
    } catch (e) {
      throw new InputError({ file: path }, `cannot add an entry: ${(e as Error).message}`);
    }
  }
  // The user's other entries are kept: a merge, not a replacement (no --force needed).
  await writeFileAtomic(path, `${JSON.stringify({ ...info, ...entries }, null, 2)}\n`, {
    merged: true,
  });
  return path;
}
