/**
 * Reads a rendered item back into its parts: the inverse of render-item.ts, written
 * independently of the generators so the verifier only trusts the text.
 */

export interface RenderedParts {
  prefix: string;
  captions: string[];
  question: string;
  options: string[];
  suffix: string;
}

/** Parses a human value; returns a reason string when the layout is not the released one. */
export function parseRenderedQuestion(human: string): RenderedParts | string {
  const head = human.indexOf("\n\nCaptions:\n");
  if (head < 0) return 'no "Captions:" block';
  const prefix = human.slice(0, head);
  const body = human.slice(head + "\n\nCaptions:\n".length);
  const q = body.lastIndexOf("\nQuestion: ");
  if (q < 0) return 'no "Question:" line';
  const captions = body.slice(0, q).split("\n");
  const rest = body.slice(q + "\nQuestion: ".length).split("\n");
  // rest = [question, options, "", suffix, ""]
  if (rest.length !== 5 || rest[2] !== "" || rest[4] !== "") {
    return "expected: question line, options line, blank line, answer prompt, final newline";
  }
  const options = parseOptionsLine(rest[1]);
  if (typeof options === "string") return options;
  return { prefix, captions, question: rest[0], options, suffix: rest[3] };
}

/** "(A) x (B) y" → ["x", "y"]. */
export function parseOptionsLine(line: string): string[] | string {
  if (!line.startsWith("(A) ")) return 'the options line does not start with "(A) "';
  const options: string[] = [];
  let from = 4;
  for (let k = 1; ; k++) {
    const marker = ` (${String.fromCharCode(65 + k)}) `;
    const at = line.indexOf(marker, from);
    if (at < 0) {
      options.push(line.slice(from));
      return options;
    }
    options.push(line.slice(from, at));
    from = at + marker.length;
  }
}

/** Parses a gpt value "(C) text" into its letter index and text. */
export function parseRenderedAnswer(gpt: string): { index: number; text: string } | string {
  const m = /^\(([A-Z])\) ([^\n]*)$/.exec(gpt);
  if (!m) return 'the answer is not "(X) option text"';
  return { index: m[1].charCodeAt(0) - 65, text: m[2] };
}
