import { type ChoiceOption, extractChoice } from "../../answer-scoring/index";
import { InputError } from "../../errors/index";
import { readRecords } from "../../json/index";
import { isJsonObject } from "../../json/index";
import { type ChatServerOptions, askChatServer } from "../../model-server/index";
import type { OnProgress } from "../../progress/index";
import { plainJson } from "../read/plain-json";
import { inputFilePath } from "../read/read-input-file";
import { answerLetter, parseQuestionOptions } from "./parse-question-options";

/** One validation question: text_temporal's `{question, answer, qid}` with its options. */
export interface TextualItem {
  qid: string;
  question: string;
  options: ChoiceOption[];
  /** The correct letter, from the answer "(C) …". */
  correct: string;
}

export interface TextualFileAccuracy {
  file: string;
  n: number;
  /** Share answered correctly, 0..1; an answer no option can be read from is wrong. */
  accuracy: number;
  /** Answers no option could be read from (counted wrong, as in the released scorer). */
  unreadable: number;
}

/**
 * Reads a text_temporal validation file (JSON Lines or a JSON array of `{question, answer,
 * qid}`, the released ones or the kit's synthesised ones; a `hub:` path such as
 * `hub:tobiaslee/text_temporal/order_val_long.jsonl` is fetched first). A record without
 * its fields, options, or a readable correct answer, or a repeated qid, is refused,
 * naming the record.
 */
export async function readTextualItems(file: string): Promise<TextualItem[]> {
  const items: TextualItem[] = [];
  const path = await inputFilePath(file);
  const seen = new Set<string>();
  for await (const { index, line, record } of readRecords(path)) {
    const where = (field: string) =>
      line === undefined
        ? { file: path, record: index, field }
        : { file: path, record: line, recordKind: "line" as const, field };
    const r = plainJson(record);
    if (!isJsonObject(r))
      throw new InputError(where(""), "expected an object {question, answer, qid}");
    for (const k of ["question", "answer"]) {
      if (typeof r[k] !== "string" || r[k] === "")
        throw new InputError(where(k), `expected a non-empty string, got ${JSON.stringify(r[k])}`);
    }
    if (typeof r.qid !== "string" && typeof r.qid !== "number")
      throw new InputError(where("qid"), `expected a string, got ${JSON.stringify(r.qid)}`);
    const qid = String(r.qid);
    if (seen.has(qid)) throw new InputError(where("qid"), `qid ${qid} appears twice`);
    seen.add(qid);
    const question = r.question as string;
    const options = parseQuestionOptions(question);
    if (options.length < 2)
      throw new InputError(where("question"), 'no lettered options (A) (B) … after "Question:"');
    const correct = answerLetter(r.answer as string, options);
    if (correct === null)
      throw new InputError(
        where("answer"),
        `names no option of the question: ${JSON.stringify(r.answer)}`,
      );
    items.push({ qid, question, options, correct });
  }
  if (items.length === 0) throw new InputError({ file: path }, "no validation questions");
  return items;
}

/**
 * Textual validation accuracy per file, the x-axis of the paper's correlation plots: every
 * question sent unchanged as the user message to an OpenAI-compatible server (the shared
 * client: greedy, cached, retried), every answer scored with the shared option extraction.
 * `file` in the result is the local path read (a `hub:` file's place in the Hub cache).
 */
export async function textualAccuracy(
  files: string[],
  server: ChatServerOptions,
  onProgress?: OnProgress,
): Promise<TextualFileAccuracy[]> {
  const perFile = [];
  for (const file of files) {
    const path = await inputFilePath(file);
    perFile.push({ file: path, items: await readTextualItems(path) });
  }
  const all = perFile.flatMap((f) => f.items);
  const answers = await askChatServer(
    server,
    all.map((item) => [{ role: "user" as const, content: item.question }]),
    onProgress,
  );
  let next = 0;
  return perFile.map(({ file, items }) => {
    let right = 0;
    let unreadable = 0;
    for (const item of items) {
      const choice = extractChoice(answers[next++].text, item.options);
      if (choice === null) unreadable++;
      else if (choice === item.correct) right++;
    }
    return { file, n: items.length, accuracy: right / items.length, unreadable };
  });
}
