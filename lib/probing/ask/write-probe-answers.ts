/**
 * `probe ask` as one step: every validation video's question asked (askProbeModel), the
 * answers written as `{"model", "mode", "records"}` JSON, and their accuracy per aspect
 * and group.
 */
import { writeFileAtomic } from "../../files/index";
import { type AskOptions, type AskRecord, askProbeModel } from "./ask-probe-model";
import { type AskAccuracy, summariseAskRecords } from "./summarise-ask-records";

export interface ProbeAnswers {
  records: AskRecord[];
  accuracy: AskAccuracy[];
  /** The JSON file written. */
  out: string;
}

export async function writeProbeAnswers(
  options: AskOptions & { out: string },
): Promise<ProbeAnswers> {
  const records = await askProbeModel(options);
  await writeFileAtomic(
    options.out,
    `${JSON.stringify({ model: options.model, mode: options.mode, records }, null, 1)}\n`,
  );
  return { records, accuracy: summariseAskRecords(records), out: options.out };
}
