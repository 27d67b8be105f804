/**
 * Writes the second keyframe of an attribute change: the same caption with one attribute
 * phrase replaced ("a loose polo shirt" → "a tight-fitting polo shirt"), the article in
 * front fixed ("a" ↔ "an") and a capital kept at the start of the sentence.
 */

/** `text` with the phrase at `at` (of length `oldLength`) replaced by `value`. */
export function changeAttribute(
  text: string,
  at: number,
  oldLength: number,
  value: string,
): string {
  const oldValue = text.slice(at, at + oldLength);
  let next = value;
  if (/^[A-Z]/.test(oldValue)) next = next[0].toUpperCase() + next.slice(1);
  let head = text.slice(0, at);
  const tail = text.slice(at + oldLength);
  const article = head.match(/(^|\s)(a|an|A|An)\s$/);
  if (article) {
    const wanted = /^[aeiou]/i.test(next) ? "an" : "a";
    const written = article[2];
    const cased = /^A/.test(written) ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
    head = head.slice(0, head.length - written.length - 1) + cased + " ";
  }
  return head + next + tail;
}
