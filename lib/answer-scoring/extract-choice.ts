/**
 * Which option a model's free-text answer picks, following the released probing scorer
 * (`extract_characters_regex` and `match_answer` in `probing/longva_inference.py` of
 * llyx97/video-t3): strip answer prefixes such as "The best answer is", then take the
 * option letter, or else match an option's text.
 *
 * Where the released regex misreads, this does not. It takes the first capital A-D
 * anywhere, so "A cat." (the text of option B, "a cat") scores as option A, and "Bloom" or
 * "Darken" score as B and D by their first letter. Here a whole-answer match with an
 * option's text comes first, a letter counts only as a token of its own ("B", "(B)", "B.",
 * "option B"), and a capital "A" followed by a word is read as the article. An answer that
 * names several options' texts, or none, is null rather than a guess.
 */
import type { ChoiceOption } from "./choice-option";

/** The released prefixes, plus the same phrases with "option"/"choice" (case-insensitive). */
const ANSWER_PREFIXES = [
  "the correct order that the items appear in the video is",
  "the item shown in the beginning of the video is",
  "the best answer is",
  "the correct answer is",
  "the best option is",
  "the correct option is",
  "the best choice is",
  "the correct choice is",
  "the answer is",
  "the answer",
  "best answer",
  "best option",
  "final answer",
  "answer",
];

/** Words after a bare capital "A" that make it a letter, not the article. */
const LETTER_VERBS = /^(is|was|seems|would|should|appears to be)\b/;

export function extractChoice(answer: string, options: ChoiceOption[]): string | null {
  const letters = new Set(options.map((o) => o.letter.toUpperCase()));
  const cleaned = stripPrefixes(stripReasoning(answer));
  const core = normalise(cleaned);
  if (core === "") return null;
  // A lone letter, any case: the released scorer accepts "b" and "(b)" as option B.
  if (/^[a-z]$/.test(core) && letters.has(core.toUpperCase())) return core.toUpperCase();
  const whole = options.find((o) => normalise(o.text) === core);
  if (whole) return whole.letter.toUpperCase();
  const leading = leadingLetter(cleaned, letters, options);
  if (leading) return leading;
  const named = namedOptions(core, options);
  if (named.length === 1) return named[0];
  if (named.length > 1) return null;
  return standaloneLetter(cleaned, letters);
}

/** Drops a `<think>…</think>` block that reasoning models put before the answer. */
function stripReasoning(answer: string): string {
  return answer.replace(/<think>[\s\S]*?<\/think>/gi, "").replace(/^[\s\S]*<\/think>/i, "");
}

function stripPrefixes(text: string): string {
  let s = text.replace(/\*\*|__|`|^#+/g, "").trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of ANSWER_PREFIXES) {
      if (s.toLowerCase().startsWith(prefix)) {
        const rest = s.slice(prefix.length);
        if (rest !== "" && /^[A-Za-z]/.test(rest)) continue;
        s = rest.replace(/^\s*[:：\-–—]?\s*/, "");
        changed = true;
      }
    }
  }
  return s;
}

/** Lower case, one space between words, no surrounding quotes or final full stop. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, "")
    .replace(/[.。!]+$/, "")
    .trim();
}

/**
 * A letter at the very start: "(B)", "B)", "B.", "B:", "B" alone, "Option B", or "B" before
 * its option's text ("B a cat"). A capital "A" followed by an ordinary word is the article.
 */
function leadingLetter(text: string, letters: Set<string>, options: ChoiceOption[]): string | null {
  const s = text.replace(/^(option|choice)\s*/i, "");
  const bracketed = /^[(\[]\s*([A-Za-z])\s*[)\]]/.exec(s);
  if (bracketed && letters.has(bracketed[1].toUpperCase())) return bracketed[1].toUpperCase();
  const plain = /^([A-Z])(?=$|[.):：,]|\s)(.*)$/s.exec(s);
  if (!plain || !letters.has(plain[1])) return null;
  const rest = plain[2];
  if (!/^\s+[a-z]/.test(rest)) return plain[1];
  // "A cat", "B person": a word follows with no punctuation. For most letters that is still
  // the letter (there is no word "B"); "A" is the article and "I" the pronoun ("I think …",
  // with 9+ options) unless a verb follows ("A is right") or the rest is that option's text.
  if (plain[1] !== "A" && plain[1] !== "I") return plain[1];
  const next = rest.trimStart();
  if (plain[1] === "A" && LETTER_VERBS.test(next)) return "A";
  const withoutLetter = normalise(next);
  const option = options.find((o) => normalise(o.text) === withoutLetter);
  return option && option.letter.toUpperCase() === plain[1] ? plain[1] : null;
}

/** The letters of the options whose text appears in the answer as whole words. */
function namedOptions(core: string, options: ChoiceOption[]): string[] {
  const found = new Set<string>();
  for (const option of options) {
    const text = normalise(option.text);
    if (text === "") continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(text)}($|[^\\p{L}\\p{N}])`, "u");
    if (pattern.test(core)) found.add(option.letter.toUpperCase());
  }
  // An option whose text contains another's ("a cat" in "a cat, a person") wins over it.
  const named = [...found];
  return named.filter(
    (letter) =>
      !named.some(
        (other) =>
          other !== letter &&
          normalise(optionText(options, other)).includes(normalise(optionText(options, letter))),
      ),
  );
}

function optionText(options: ChoiceOption[], letter: string): string {
  return options.find((o) => o.letter.toUpperCase() === letter)?.text ?? "";
}

/** A letter as a token of its own later in the answer: "I think (B)", "so the answer is C." */
function standaloneLetter(text: string, letters: Set<string>): string | null {
  const bracketed = /[(\[]\s*([A-Z])\s*[)\]]/.exec(text);
  if (bracketed && letters.has(bracketed[1])) return bracketed[1];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’])([A-Z])(?![\p{L}\p{N}'’])(\s+\S+)?/gu)) {
    const letter = m[1];
    if (!letters.has(letter)) continue;
    const following = (m[2] ?? "").trim();
    if (letter === "A" && /^[a-z]/.test(following) && !LETTER_VERBS.test(following)) continue;
    if (letter === "I" && /^[a-z]/.test(following)) continue;
    return letter;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
