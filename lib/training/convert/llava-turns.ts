/**
 * The conversation of a LLaVA record, checked the way LLaMA-Factory's sharegpt aligner
 * (v0.9.1 `data/aligner.py` `convert_sharegpt`) checks it: turns alternate human, gpt,
 * human, gpt … and there is an even number of them; an abnormal example is silently
 * skipped there, so here it is refused with the record and field.
 */
import { InputError } from "../../errors/index";
import { isJsonObject } from "../../json/index";
import type { ConversationTurn } from "../../records/index";

export function llavaTurns(
  record: Record<string, unknown>,
  where: { file: string; record: number },
): ConversationTurn[] {
  const fail = (field: string, problem: string): never => {
    throw new InputError({ ...where, field }, problem);
  };
  const conv = record.conversations;
  if (!Array.isArray(conv)) return fail("conversations", "expected a list of turns");
  if (conv.length === 0 || conv.length % 2 !== 0)
    fail("conversations", `expected human/gpt pairs, got ${conv.length} turn(s)`);
  return conv.map((t, i) => {
    if (!isJsonObject(t)) return fail(`conversations[${i}]`, "expected a turn object");
    const turn = t;
    const want = i % 2 === 0 ? "human" : "gpt";
    if (turn.from !== want)
      fail(
        `conversations[${i}].from`,
        `expected "${want}" (turns alternate human, gpt), got ${JSON.stringify(turn.from)}`,
      );
    if (typeof turn.value !== "string") fail(`conversations[${i}].value`, "expected a string");
    return { from: want, value: turn.value as string };
  });
}
