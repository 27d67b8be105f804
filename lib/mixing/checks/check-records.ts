/**
 * Checks on the records a mix writes (what LLaMA-Factory and ms-swift users ask for):
 * the shape every stage checks (lib/records: conversations of string turns, human first,
 * a gpt turn), then, unless the spec turns it off,
 * the number of `<image>` tags equals the number of images (`image` as a string or a
 * list; text-only records have neither); optionally, each image file exists under a root.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError, type InputLocation } from "../../errors/index";
import type { JsonValue } from "../../json/index";
import { checkLlavaRecordShape } from "../../records/index";

/** The problem when the `<image>` tags and the images do not pair up, else null. */
export function imageTagsProblem(
  tags: number,
  images: number,
): { field: string; problem: string } | null {
  if (tags === images) return null;
  return {
    field: images === 0 ? "conversations" : "image",
    problem: `${tags} <image> tag(s) but ${images} image(s)`,
  };
}

/** Throws an InputError naming the file, record and field of the first problem. */
export function checkLlavaRecord(
  record: JsonValue,
  where: InputLocation,
  imageRoot?: string,
  imageTags = true,
): void {
  checkLlavaRecordShape(record, where);
  if (!imageTags && !imageRoot) return;
  const fail = (field: string, problem: string): never => {
    throw new InputError({ ...where, field }, problem);
  };
  if (typeof record !== "object" || record === null || Array.isArray(record))
    fail("", "expected a LLaVA record (an object)");
  const r = record as Record<string, JsonValue>;
  if (!Array.isArray(r.conversations)) fail("conversations", "missing or not a list");
  let tags = 0;
  (r.conversations as JsonValue[]).forEach((t, k) => {
    const turn = t as Record<string, JsonValue>;
    if (typeof turn !== "object" || turn === null || Array.isArray(turn))
      fail(`conversations[${k}]`, "expected a {from, value} turn");
    if (typeof turn.from !== "string") fail(`conversations[${k}].from`, "missing or not a string");
    if (typeof turn.value !== "string")
      fail(`conversations[${k}].value`, "missing or not a string");
    tags += (turn.value as string).split("<image>").length - 1;
  });
  const image = r.image;
  const images =
    image === undefined || image === null ? [] : Array.isArray(image) ? image : [image];
  if (images.some((x) => typeof x !== "string"))
    fail("image", "expected a path or a list of paths");
  const tagsProblem = imageTags ? imageTagsProblem(tags, images.length) : null;
  if (tagsProblem) fail(tagsProblem.field, tagsProblem.problem);
  if (imageRoot) {
    images.forEach((p, k) => {
      if (!existsSync(join(imageRoot, p as string)))
        fail(
          Array.isArray(image) ? `image[${k}]` : "image",
          `no file ${join(imageRoot, p as string)}`,
        );
    });
  }
}
