/**
 * A record's normalised content, hashed: its turns (role and text, lower-cased, each run
 * of whitespace one space) and its media paths. Equal keys are exact duplicates; the
 * hasher is left holding the record's word hashes for shingles and n-grams.
 */
import type { WordHasher } from "./hash-words";
import type { MixRecord } from "./read-mix-record";

/** Hashes `record` into `hasher`; returns its 53-bit content key and its media string. */
export function recordContentKey(
  hasher: WordHasher,
  record: MixRecord,
): { key: number; media: string } {
  hasher.reset();
  for (const t of record.turns) {
    hasher.mark(t.role);
    hasher.add(t.value);
  }
  const media = [...record.images, "\u0000", ...record.videos].join("\u0001");
  hasher.mark(media);
  return { key: hasher.contentKey(), media };
}
