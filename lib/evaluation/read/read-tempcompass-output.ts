import { basename, dirname } from "node:path";
import { InputError } from "../../errors/index";
import { type JsonObject, isJsonObject } from "../../json/index";
import type { EvaluationRow, SampleOutcome } from "../evaluation-row";
import { dimensionKey } from "./name-keys";
import { breakdownRows, sampleBreakdown } from "./sample-accuracy";

// TempCompass's scripts (llyx97/TempCompass eval_multi-choice.py, eval_yes_no.py,
// eval_caption_matching.py, eval_captioning.py) write auto_eval_results/<video_llm>/<task>.json.
const TASK_FILES: Record<string, { benchmark: string; script: string }> = {
  "multi-choice": { benchmark: "tempcompass", script: "eval_multi-choice.py" },
  multi_choice: { benchmark: "tempcompass", script: "eval_multi-choice.py" },
  yes_no: { benchmark: "tempcompass_yes_no", script: "eval_yes_no.py" },
  caption_matching: {
    benchmark: "tempcompass_caption_matching",
    script: "eval_caption_matching.py",
  },
  captioning: { benchmark: "tempcompass_captioning", script: "eval_captioning.py" },
};

export interface TempCompassOutput {
  rows: EvaluationRow[];
  benchmark: string;
  outcomes: SampleOutcome[];
}

function taskOf(raw: JsonObject, file: string): { benchmark: string; script: string } {
  const byName = TASK_FILES[basename(file).replace(/\.json$/, "")];
  if (byName) return byName;
  // Not TempCompass's file name: yes/no answers still say which task it is.
  const answers = Object.values(raw).flatMap((dims) =>
    Object.values(dims as JsonObject).flatMap((qs) =>
      (qs as JsonObject[]).map((q) => q["gt-answer"]),
    ),
  );
  if (answers.every((a) => a === "yes" || a === "no")) return TASK_FILES.yes_no;
  throw new InputError(
    { file },
    `cannot tell which TempCompass task this is: keep TempCompass's file name (${Object.keys(TASK_FILES).join(".json, ")}.json)`,
  );
}

/**
 * Reads TempCompass's own evaluation output: every question's 0/1 `rating`, giving the
 * accuracy per dimension and the micro average over all questions ("avg"), as its
 * utils/eval_utils.py print_result computes them (it prints them; no summary file exists).
 */
export function readTempCompassOutput(
  raw: JsonObject,
  file: string,
  run: string,
): TempCompassOutput {
  const task = taskOf(raw, file);
  const folder = basename(dirname(file));
  const rulesOnly = basename(dirname(dirname(file))).endsWith("_disable_llm");
  const outcomes: SampleOutcome[] = [];
  for (const [video, dims] of Object.entries(raw)) {
    for (const [dim, questions] of Object.entries(dims as JsonObject)) {
      (questions as JsonObject[]).forEach((q, i) => {
        if (q.rating !== 0 && q.rating !== 1) {
          throw new InputError(
            { file, field: `${video}.${dim}[${i}].rating` },
            `expected 0 or 1, got ${JSON.stringify(q.rating)} (an unfinished evaluation?)`,
          );
        }
        outcomes.push({
          benchmark: task.benchmark,
          key: `${video}/${dim}/${i}`,
          correct: q.rating === 1,
          groups: [dimensionKey(dim)],
        });
      });
    }
  }
  if (outcomes.length === 0) throw new InputError({ file }, "no rated questions");
  const version = `TempCompass ${task.script}${rulesOnly ? " --disable_llm (rules only)" : " (rules, then ChatGPT)"}`;
  const rows = breakdownRows(sampleBreakdown(task.benchmark, outcomes), {
    run,
    benchmark: task.benchmark,
    evaluator: "TempCompass",
    version,
    settings: `video_llm=${folder}`,
    source: file,
  });
  return { rows, benchmark: task.benchmark, outcomes };
}
