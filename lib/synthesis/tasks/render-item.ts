/**
 * Renders an item in the released formats (MMInstruction/Video-T3-QA training pairs,
 * tobiaslee/text_temporal validation rows): the human value is
 * "<prefix>\n\nCaptions:\n<caption 1>\n…\nQuestion: <q>\n(A) … (B) …\n\n<suffix>\n", the
 * gpt value is "(C) full option text"; validation rows are {question, answer, qid}.
 */
import type { T3Pair, T3ValidationRow } from "../../records/index";
import { type SynthesisItem, optionLetter } from "./synthesis-item";

/** The human turn's text. */
export function renderQuestion(item: SynthesisItem): string {
  const options = item.options.map((o, i) => `(${optionLetter(i)}) ${o}`).join(" ");
  return `${item.prefix}\n\nCaptions:\n${item.captions.join("\n")}\nQuestion: ${item.question}\n${options}\n\n${item.suffix}\n`;
}

/** The gpt turn's text: the letter and the full option. */
export function renderAnswer(item: SynthesisItem): string {
  return `(${optionLetter(item.correct)}) ${item.options[item.correct]}`;
}

/** A training pair as released. */
export function renderPair(item: SynthesisItem): T3Pair {
  return [
    { from: "human", value: renderQuestion(item) },
    { from: "gpt", value: renderAnswer(item) },
  ];
}

/** A validation row as released; `qid` is "<file stem>-<index>". */
export function renderValidationRow(item: SynthesisItem, qid: string): T3ValidationRow {
  return { question: renderQuestion(item), answer: renderAnswer(item), qid };
}
