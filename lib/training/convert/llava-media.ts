/**
 * The images and videos of a LLaVA record (`image` / `video`: a path or a list of paths)
 * and where a converted file points at them. With a folder the path becomes
 * `<folder>/<path>` (as the released `t3_sft/qwen_exp/convert_data.py` writes
 * `IMAGE_DIR/sample["image"]`), so LLaMA-Factory and ms-swift find it from any working
 * directory; absolute paths stay as they are.
 */
import { isAbsolute, join } from "node:path";
import { InputError } from "../../errors/index";

export type MediaKind = "image" | "video";

/** The record's paths under `key` as a list ([] when absent). */
export function mediaPaths(
  record: Record<string, unknown>,
  key: MediaKind,
  where: { file: string; record: number },
): string[] {
  const v = record[key];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((p, i) => {
    if (typeof p !== "string" || p === "")
      throw new InputError(
        { ...where, field: Array.isArray(v) ? `${key}[${i}]` : key },
        `expected a non-empty path string, got ${JSON.stringify(p)}`,
      );
    return p;
  });
}

/** `<folder>/<path>` for a relative path when a folder is given, else the path. */
export function placeMedia(path: string, folder: string | undefined): string {
  return folder !== undefined && !isAbsolute(path) ? join(folder, path) : path;
}

/** How many times `tag` occurs in `text`. */
export function countTag(text: string, tag: string): number {
  let n = 0;
  for (let i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length)) n++;
  return n;
}
