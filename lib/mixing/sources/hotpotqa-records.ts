/**
 * The paper's text-only control ("+ Hotpot QA"): HotpotQA records (`hotpot_train_v1.1.json`:
 * `{_id, question, answer, context: [[title, [sentence, …]], …], …}`) turned into LLaVA
 * records the way the released script describes them: the paragraphs as
 * "Title: … Content: …" in a shuffled order, then the question; the answer as the reply;
 * records whose prompt is longer than `maxWords` words are dropped (the released call
 * used 16000). The exact prompt template of the released script is not in our facts:
 * this one is ours and stated here.
 */
import { InputError } from "../../errors/index";
import type { JsonValue } from "../../json/index";
import type { PythonRandom } from "../../pyrandom/index";

/** Default word limit (the released script's commented call: 16000). */
export const HOTPOTQA_MAX_WORDS = 16000;

/** One LLaVA record from one HotpotQA record, or null when the word filter drops it. */
export function hotpotqaToLlava(
  raw: JsonValue,
  rng: PythonRandom,
  where: { file: string; record: number },
  maxWords = HOTPOTQA_MAX_WORDS,
): { id: string; conversations: { from: string; value: string }[] } | null {
  const r = raw as Record<string, JsonValue>;
  const fail = (field: string, problem: string): never => {
    throw new InputError({ ...where, field }, problem);
  };
  if (typeof r !== "object" || r === null || Array.isArray(r))
    fail("", "expected a HotpotQA record (an object)");
  if (typeof r.question !== "string") fail("question", "missing or not a string");
  if (typeof r.answer !== "string") fail("answer", "missing or not a string");
  if (!Array.isArray(r.context)) fail("context", "missing or not a list of [title, sentences]");
  const paragraphs = (r.context as JsonValue[]).map((p, k) => {
    if (!Array.isArray(p) || typeof p[0] !== "string" || !Array.isArray(p[1])) {
      fail(`context[${k}]`, "expected [title, [sentence, …]]");
    }
    const [title, sentences] = p as [string, JsonValue[]];
    const text = sentences
      .map((s, j) =>
        typeof s === "string" ? s : fail(`context[${k}][1][${j}]`, "expected a string"),
      )
      .join("");
    return `Title: ${title}\nContent: ${text.trim()}`;
  });
  rng.shuffle(paragraphs);
  const prompt = `${paragraphs.join("\n\n")}\n\nQuestion: ${r.question}`;
  if (prompt.split(/\s+/).filter((w) => w !== "").length > maxWords) return null;
  const id = typeof r._id === "string" ? r._id : String(where.record);
  return {
    id: `hotpotqa-${id}`,
    conversations: [
      { from: "human", value: prompt },
      { from: "gpt", value: r.answer as string },
    ],
  };
}
