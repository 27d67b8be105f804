/**
 * The one-span difference between two captions of the same scene: "a loose polo shirt"
 * vs "a tight-fitting polo shirt" differ in "loose" / "tight-fitting". Attribute items are
 * checked by finding the only such pair in their context.
 */

export interface CaptionDifference extends SpanDifference {
  /** Index of the earlier and the later caption. */
  earlier: number;
  later: number;
}

/** The changed spans, and the words that follow them in both captions. */
export interface SpanDifference {
  before: string;
  after: string;
  /** The shared words after the change, lower-case, punctuation dropped. */
  following: string[];
}

/** The differing spans when `a` and `b` differ in one short contiguous span, else undefined. */
export function oneSpanDifference(a: string, b: string): SpanDifference | undefined {
  if (a === b) return undefined;
  // Fast rejection (most pairs are unrelated captions): the last word must be shared.
  const tail = a.slice(a.lastIndexOf(" "));
  if (!b.endsWith(tail)) return undefined;
  const x = a.split(" ");
  const y = b.split(" ");
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const dx = x.slice(p, x.length - s);
  const dy = y.slice(p, y.length - s);
  // A scene, not two unrelated captions: most words shared, a short span changed.
  // The changed span sits before something that stays (the subject): s >= 1.
  if (s < 1 || p + s < 3 || dx.length === 0 || dy.length === 0) return undefined;
  if (dx.length > 4 || dy.length > 4 || p + s < 0.6 * Math.max(x.length, y.length))
    return undefined;
  const clean = (w: string[]) =>
    w
      .join(" ")
      .replace(/^(a|an|A|An) /, "")
      .replace(/[.,;:!?]+$/, "")
      .toLowerCase();
  const before = clean(dx);
  const after = clean(dy);
  if (before === "" || after === "" || before === after) return undefined;
  const following = x.slice(x.length - s).map((w) => w.replace(/[.,;:!?]+$/, "").toLowerCase());
  return { before, after, following };
}

/** Every pair of captions (earlier, later) that differ in one span. */
export function findCaptionDifferences(captions: readonly string[]): CaptionDifference[] {
  const found: CaptionDifference[] = [];
  for (let i = 0; i < captions.length; i++) {
    for (let j = i + 1; j < captions.length; j++) {
      const d = oneSpanDifference(captions[i], captions[j]);
      if (d)
        found.push({
          earlier: i,
          later: j,
          before: d.before,
          after: d.after,
          following: d.following,
        });
    }
  }
  return found;
}
