/** Small lmms-eval / TempCompass outputs in their real formats, written to a temp folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const tempDir = (name: string): string => mkdtempSync(join(tmpdir(), `t3kit-eval-${name}-`));

export interface VideoMmeQuestion {
  id: string;
  duration: string;
  type: string;
  pred: string;
  answer: string;
}

/** One `<date>_samples_videomme.jsonl` line as lmms-eval writes it (--log_samples). */
export function videommeLine(
  q: VideoMmeQuestion,
  docId: number,
  key = "videomme_perception_score",
): string {
  return JSON.stringify({
    doc_id: docId,
    doc: {
      question_id: q.id,
      duration: q.duration,
      task_type: q.type,
      question: "Q?",
      options: ["A. a", "B. b"],
      answer: q.answer,
    },
    target: q.answer,
    arguments: [["Q?", { max_new_tokens: 16 }]],
    resps: [[q.pred]],
    filtered_resps: [q.pred],
    doc_hash: "x",
    prompt_hash: "y",
    target_hash: "z",
    [key]: {
      question_id: q.id,
      duration: q.duration,
      category: "Knowledge",
      sub_category: "History",
      task_category: q.type,
      pred_answer: q.pred,
      answer: q.answer,
    },
  });
}

/** An lmms-eval `_results.json` with the given task results. */
export function resultsJson(
  results: Record<string, Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): string {
  const tasks = Object.keys(results);
  return JSON.stringify(
    {
      results,
      group_subtasks: Object.fromEntries(tasks.map((t) => [t, []])),
      versions: Object.fromEntries(tasks.map((t) => [t, "Yaml"])),
      "n-samples": Object.fromEntries(
        tasks
          .filter((t) => typeof results[t].samples === "number")
          .map((t) => [t, { original: 2700, effective: results[t].samples }]),
      ),
      config: {
        model: "longva",
        model_args: "pretrained=lmms-lab/LongVA-7B,max_frames_num=128",
        gen_kwargs: "",
        limit: null,
      },
      git_hash: "bb3fd82",
      date: "20241203_093000",
      ...extra,
    },
    null,
    2,
  );
}

/** Writes `files` (name → content) under a fresh temp folder; returns the paths in order. */
export function writeFiles(name: string, files: Record<string, string>): string[] {
  const dir = tempDir(name);
  return Object.entries(files).map(([rel, text]) => {
    const p = join(dir, rel);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, text);
    return p;
  });
}

/** Questions over every duration and a few task types, right/wrong by a simple pattern. */
export function someQuestions(n: number, seed: number): VideoMmeQuestion[] {
  const types = ["Temporal Reasoning", "Temporal Perception", "OCR Problems"];
  const out: VideoMmeQuestion[] = [];
  for (let i = 0; i < n; i++) {
    const answer = "ABCD"[i % 4];
    const right = (i * 7 + seed) % 5 < 3;
    out.push({
      id: `${String(i).padStart(3, "0")}-1`,
      duration: ["short", "medium", "long"][i % 3],
      type: types[(i + seed) % 3],
      pred: right ? answer : i % 10 === 0 ? "" : "ABCD"[(i + 1) % 4],
      answer,
    });
  }
  return out;
}
