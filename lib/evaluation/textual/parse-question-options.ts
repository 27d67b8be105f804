import type { ChoiceOption } from "../../answer-scoring/index";

/**
 * The lettered options of a text_temporal question: "(A) … (B) … (C) … (D) …", one per line
 * or on one line, after the last "Question:" (captions before it may hold anything). Letters
 * must run A, B, C … in order; the last option ends at the end of its line.
 */
export function parseQuestionOptions(question: string): ChoiceOption[] {
  const at = question.lastIndexOf("Question:");
  const tail = at >= 0 ? question.slice(at) : question;
  const starts: { letter: string; index: number; end: number }[] = [];
  let from = 0;
  for (let code = 65; code <= 90; code++) {
    const letter = String.fromCharCode(code);
    const marker = `(${letter})`;
    const index = tail.indexOf(marker, from);
    if (index < 0) break;
    starts.push({ letter, index, end: index + marker.length });
    from = index + marker.length;
  }
  return starts.map((s, i) => {
    const next = starts[i + 1];
    const stop = next
      ? next.index
      : tail.indexOf("\n", s.end) >= 0
        ? tail.indexOf("\n", s.end)
        : tail.length;
    return { letter: s.letter, text: tail.slice(s.end, stop).trim() };
  });
}

/** The correct letter of an answer "(C) option text", or of an answer that is an option's text. */
export function answerLetter(answer: string, options: ChoiceOption[]): string | null {
  const m = /^\s*\(([A-Z])\)/.exec(answer);
  if (m) return options.some((o) => o.letter === m[1]) ? m[1] : null;
  const text = answer.trim().toLowerCase();
  return options.find((o) => o.text.toLowerCase() === text)?.letter ?? null;
}
