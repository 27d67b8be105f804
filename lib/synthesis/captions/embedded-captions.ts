/**
 * The embedded caption set: 480 first-sentence captions of everyday images that we wrote
 * (composed from lib/synthesis/caption-vocabulary.ts by
 * scripts/compose-embedded-captions.ts), annotated with their main object and attributes.
 */
import { join } from "node:path";
import { dataDir } from "../../paths/index";
import { readCaptions } from "./read-captions";

/** data/captions/embedded-captions.jsonl */
export const EMBEDDED_CAPTIONS: string = join(dataDir, "captions", "embedded-captions.jsonl");

/** The first `n` captions of `file` as table rows (caption, main object, attributes). */
export async function captionSample(file: string, n: number): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const c of readCaptions(file)) {
    if (rows.length >= n) break;
    rows.push({
      id: c.id,
      caption: c.text,
      "noun phrase": c.nounPhrase ?? "",
      object: c.object ?? "",
      attributes: (c.attributes ?? [])
        .map((a) => `${a.kind}: ${a.value} (${a.subject})`)
        .join("; "),
    });
  }
  return rows;
}
