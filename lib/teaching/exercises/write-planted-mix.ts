/**
 * The small mix of notebook 08's exercises, with two problems planted in it for the student
 * to find with `inspectMix`: one LLaVA record whose question is a validation item (a leak),
 * and one LLaVA record replaced by a copy of another with one word changed (a near
 * duplicate). Built from the embedded data with a fixed seed, so every copy of the lesson
 * plants the same problems at the same places; which records they are is not returned: the
 * kit's inspection finds them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../files/index";
import { dataDir } from "../../paths/index";
import { PythonRandom } from "../../pyrandom/index";

interface Turn {
  from: string;
  value: string;
}

interface LlavaRecord {
  id: string;
  image?: string;
  conversations: Turn[];
}

export interface PlantedMix {
  /** The mix (a LLaVA JSON array). */
  mix: string;
  /** The validation file whose items it is to be checked against. */
  against: string;
  records: number;
}

const PLANTED_MIX_SEED = 24;
const LLAVA_RECORDS = 16;
const T3_RECORDS = 8;

/** The validation items the leak is taken from (T3 order questions, as `synthesize` writes). */
const plantedMixAgainst = (): string =>
  join(dataDir, "evaluation", "examples", "textual", "order_val_long.jsonl");

/** `record` with the words of its first answer but the last replaced: a near copy. */
function nearCopy(record: LlavaRecord, id: string): LlavaRecord {
  const conversations = record.conversations.map((t) => ({ ...t }));
  const answer = conversations.find((t) => t.from === "gpt")!;
  answer.value = answer.value.replace(/\S+$/, "today.");
  return { ...record, id, conversations };
}

/** The records of the mix, in the order they are written. */
function plantedMixRecords(): LlavaRecord[] {
  const llava = (
    JSON.parse(readFileSync(join(dataDir, "llava", "llava-sample.json"), "utf8")) as LlavaRecord[]
  ).slice(0, LLAVA_RECORDS);
  const pairs = JSON.parse(
    readFileSync(join(dataDir, "t3", "temp_qa_order_train_long.json"), "utf8"),
  ) as Turn[][];
  // Ids as the released script gives T3 records (tempqa-<aspect>-<version><i>).
  const t3 = pairs
    .slice(0, T3_RECORDS)
    .map((conversations, i) => ({ id: `tempqa-order-long-v2${i}`, conversations }));
  const items = readFileSync(plantedMixAgainst(), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { question: string; answer: string });
  const rng = new PythonRandom(PLANTED_MIX_SEED);
  const [leaked, original, replaced] = rng.shuffled(llava.map((_, i) => i)).slice(0, 3);
  const item = rng.choice(items);
  // The leak keeps its record's id and image: only its conversation gives it away.
  llava[leaked] = {
    ...llava[leaked],
    conversations: [
      { from: "human", value: `${llava[leaked].image ? "<image>\n" : ""}${item.question}` },
      { from: "gpt", value: item.answer },
    ],
  };
  llava[replaced] = nearCopy(llava[original], llava[replaced].id);
  return rng.shuffled([...llava, ...t3]);
}

/** Writes the planted mix to `<outDir>/planted-mix.json` (atomically). */
export async function writePlantedMix(outDir: string): Promise<PlantedMix> {
  const records = plantedMixRecords();
  const mix = join(outDir, "planted-mix.json");
  await writeFileAtomic(mix, `${JSON.stringify(records, null, 2)}\n`);
  return { mix, against: plantedMixAgainst(), records: records.length };
}
