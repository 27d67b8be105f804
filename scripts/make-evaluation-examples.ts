/**
 * Writes the EXAMPLE evaluation outputs of data/evaluation/examples/: what lmms-eval and
 * TempCompass's scripts write, in their real formats, with SYNTHETIC numbers (each question's
 * right/wrong drawn at the paper's accuracy for that category). They are for the notebook,
 * the tests and trying `t3kit eval`, never results. Run it again after changing it:
 *   node --import tsx scripts/make-evaluation-examples.ts [OUT_DIR]
 * (a test regenerates them into a temp folder and requires the same bytes).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MLVU_TASK_TYPES } from "../lib/evaluation/index";
import { findRow, loadPaperTable } from "../lib/paper-numbers/index";
import { dataDir } from "../lib/paths/index";
import { PythonRandom } from "../lib/pyrandom/index";

const OUT = process.argv[2] ?? join(dataDir, "evaluation", "examples");
const NOTE =
  "EXAMPLE: synthetic numbers drawn by scripts/make-evaluation-examples.ts, not a real evaluation";
const LETTERS = ["A", "B", "C", "D"];
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

interface Run {
  folder: string;
  date: string;
  /** Video-MME's metric key: lmms-eval spelled it "percetion" before v0.3.0. */
  videommeKey: string;
  model: string;
  /** Paper rows whose accuracies the draws follow. */
  rows: { tempcompass: string; videomme: string; mlvu: string };
}

const RUNS: Run[] = [
  {
    folder: "longva-baseline",
    date: "20241002_120000",
    videommeKey: "videomme_percetion_score",
    model: "lmms-lab/LongVA-7B",
    rows: {
      tempcompass: "LongVA-7B (32 frm)",
      videomme: "LongVA-7B (128 frm)",
      mlvu: "LongVA-7B (128 frm)",
    },
  },
  {
    folder: "longva-t3",
    date: "20241203_093000",
    videommeKey: "videomme_perception_score",
    model: "EXAMPLE/LongVA-7B-T3",
    rows: {
      tempcompass: "+ T3 (all tasks)",
      videomme: "+ T3 w/ LLaVA-Next (Ours)",
      mlvu: "+ T3 w/ LLaVA-Next (Ours)",
    },
  },
];

const TASK_TYPES = [
  "Temporal Perception",
  "Spatial Perception",
  "Attribute Perception",
  "Action Recognition",
  "Object Recognition",
  "OCR Problems",
  "Counting Problem",
  "Temporal Reasoning",
  "Spatial Reasoning",
  "Action Reasoning",
  "Object Reasoning",
  "Information Synopsis",
];
const DURATIONS = ["short", "medium", "long"];
const MLVU_TYPES = ["TR", "AR", "NQA", "ER", "PQA", "AO", "AC"];
const TC_DIMS = ["action", "direction", "speed", "order", "attribute_change"];

// One difficulty per question, shared by both runs, so their answers are paired as real
// runs of one benchmark are: a question hard for one model tends to be hard for the other.
const difficulty = (() => {
  const rng = new PythonRandom(20241002);
  const d: number[] = [];
  for (let i = 0; i < 2000; i++) d.push(rng.random());
  return d;
})();

function answerOf(rng: PythonRandom, gold: string, right: boolean): string {
  if (right) return gold;
  const wrong = LETTERS.filter((l) => l !== gold);
  // lmms-eval counts an unparsable response as wrong; one in ten wrong answers is one.
  return rng.random() < 0.1 ? "" : wrong[rng.randbelow(wrong.length)];
}

function isRight(rng: PythonRandom, q: number, accuracy: number): boolean {
  // Mostly the shared difficulty decides; a little noise of the run's own.
  return rng.random() < 0.15 ? rng.random() < accuracy : difficulty[q] < accuracy;
}

function videommeSamples(run: Run, rng: PythonRandom): { lines: string[]; correct: number } {
  const table = loadPaperTable("videomme");
  const row = findRow(table, run.rows.videomme);
  const col = (k: string) =>
    (row.values[table.columns.findIndex((c) => c.key === k)] as number) / 100;
  const lines: string[] = [];
  let correct = 0;
  let q = 0;
  for (const duration of DURATIONS) {
    for (let v = 0; v < 10; v++) {
      for (const type of TASK_TYPES) {
        const id = `${String(q + 1).padStart(3, "0")}-1`;
        const acc =
          type === "Temporal Reasoning"
            ? col("temporal_reasoning")
            : type === "Temporal Perception"
              ? col("temporal_perception")
              : col(duration);
        const gold = LETTERS[q % 4];
        const right = isRight(rng, q, acc);
        const pred = answerOf(rng, gold, right);
        if (pred === gold) correct++;
        const doc = {
          video_id: String(q + 1).padStart(3, "0"),
          duration,
          domain: "Knowledge",
          sub_category: "Humanity & History",
          videoID: `example${q}`,
          question_id: id,
          task_type: type,
          question: `Example question ${q + 1} (${type}, ${duration} video)?`,
          options: LETTERS.map((l) => `${l}. option ${l}`),
          answer: gold,
        };
        const prompt = `${doc.question}\n${doc.options.join("\n")}\nAnswer with the option's letter from the given choices directly.`;
        lines.push(
          JSON.stringify({
            doc_id: q,
            doc,
            target: gold,
            arguments: [[prompt, { max_new_tokens: 16, temperature: 0, do_sample: false }]],
            resps: [[pred === "" ? "I cannot tell from these frames." : pred]],
            filtered_resps: [pred === "" ? "I cannot tell from these frames." : pred],
            doc_hash: sha(JSON.stringify(doc)),
            prompt_hash: sha(prompt),
            target_hash: sha(gold),
            [run.videommeKey]: {
              question_id: id,
              duration,
              category: "Knowledge",
              sub_category: "Humanity & History",
              task_category: type,
              pred_answer: pred,
              answer: gold,
            },
          }),
        );
        q++;
      }
    }
  }
  return { lines, correct };
}

function mlvuSamples(run: Run, rng: PythonRandom): { lines: string[]; correct: number } {
  const table = loadPaperTable("mlvu");
  const row = findRow(table, run.rows.mlvu);
  const lines: string[] = [];
  let correct = 0;
  let q = 0;
  for (const type of MLVU_TYPES) {
    const acc =
      (row.values[table.columns.findIndex((c) => c.key === MLVU_TASK_TYPES[type])] as number) / 100;
    for (let i = 0; i < 30; i++) {
      const gold = LETTERS[(q * 3) % 4];
      const pred = answerOf(rng, gold, isRight(rng, 1000 + q, acc));
      if (pred === gold) correct++;
      const doc = {
        video_name: `example_${type}_${i}.mp4`,
        duration: 600 + q,
        question: `Example MLVU question ${q + 1} (${type})?`,
        candidates: LETTERS.map((l) => `option ${l}`),
        answer: `option ${gold}`,
        task_type: type,
        question_id: `${type}_${i}`,
      };
      lines.push(
        JSON.stringify({
          doc_id: q,
          doc,
          target: `option ${gold}`,
          arguments: [[doc.question, { max_new_tokens: 16, temperature: 0 }]],
          resps: [[pred === "" ? "Not sure." : `(${pred}) option ${pred}`]],
          filtered_resps: [pred === "" ? "Not sure." : `(${pred}) option ${pred}`],
          doc_hash: sha(JSON.stringify(doc)),
          prompt_hash: sha(doc.question),
          target_hash: sha(gold),
          mlvu_percetion_score: {
            question_id: doc.question_id,
            task_type: type,
            pred_answer: pred,
            answer: gold,
          },
        }),
      );
      q++;
    }
  }
  return { lines, correct };
}

function tempcompassOutput(run: Run, rng: PythonRandom): Record<string, Record<string, unknown[]>> {
  const table = loadPaperTable("tempcompass");
  const row = findRow(table, run.rows.tempcompass);
  const out: Record<string, Record<string, unknown[]>> = {};
  let q = 0;
  for (const dim of TC_DIMS) {
    const acc = (row.values[table.columns.findIndex((c) => c.key === dim)] as number) / 100;
    for (let v = 0; v < 30; v++) {
      const video = `${1000 + q}`;
      out[video] = {
        [dim]: [0, 1].map(() => {
          const gold = LETTERS[q % 4];
          const right = isRight(rng, 1500 + q, acc);
          const pred = right ? gold : LETTERS[(q + 1) % 4];
          q++;
          return {
            question: `Example TempCompass ${dim} question?\nA. first\nB. second\nC. third\nD. fourth`,
            "gt-answer": `${gold}. option`,
            "video-llm-prediction": `${pred}. option`,
            match_success: true,
            rating: right ? 1 : 0,
          };
        }),
      };
    }
  }
  return out;
}

function writeRun(run: Run): void {
  const rng = new PythonRandom(Number(run.date.replace("_", "").slice(0, 12)));
  const dir = join(OUT, run.folder);
  const lmms = join(dir, "lmms-eval", run.model.replace(/\//g, "__"));
  mkdirSync(lmms, { recursive: true });
  const vm = videommeSamples(run, rng);
  const ml = mlvuSamples(run, rng);
  writeFileSync(join(lmms, `${run.date}_samples_videomme.jsonl`), `${vm.lines.join("\n")}\n`);
  writeFileSync(join(lmms, `${run.date}_samples_mlvu.jsonl`), `${ml.lines.join("\n")}\n`);
  const task = (score: number, key: string, n: number, original: number) => ({
    result: { alias: "", [`${key},none`]: score, [`${key}_stderr,none`]: "N/A", samples: n },
    n: { original, effective: n },
  });
  const v = task((100 * vm.correct) / vm.lines.length, run.videommeKey, vm.lines.length, 2700);
  const m = task(
    (100 * ml.correct) / ml.lines.length,
    "mlvu_percetion_score",
    ml.lines.length,
    2174,
  );
  v.result.alias = "videomme";
  m.result.alias = "mlvu";
  const results = {
    t3kit_example: NOTE,
    results: { videomme: v.result, mlvu: m.result },
    group_subtasks: { videomme: [], mlvu: [] },
    configs: { videomme: { task: "videomme" }, mlvu: { task: "mlvu" } },
    versions: { videomme: "Yaml", mlvu: "Yaml" },
    "n-shot": { videomme: 0, mlvu: 0 },
    "n-samples": { videomme: v.n, mlvu: m.n },
    config: {
      model: "longva",
      model_args: `pretrained=${run.model},model_name=llava_qwen,max_frames_num=128`,
      batch_size: "1",
      device: "cuda",
      limit: null,
      gen_kwargs: "",
    },
    git_hash: "0000000-example",
    date: run.date,
    model_name: run.model,
  };
  writeFileSync(join(lmms, `${run.date}_results.json`), `${JSON.stringify(results, null, 2)}\n`);
  const tc = join(
    dir,
    "TempCompass",
    "auto_eval_results",
    run.folder === "longva-t3" ? "LongVA-7B-T3" : "LongVA-7B",
  );
  mkdirSync(tc, { recursive: true });
  writeFileSync(
    join(tc, "multi-choice.json"),
    `${JSON.stringify(tempcompassOutput(run, rng), null, 4)}\n`,
  );
}

for (const run of RUNS) writeRun(run);

// A run known only from a spreadsheet: aggregate numbers, so no interval can be computed.
writeFileSync(
  join(OUT, "longva-t3-spreadsheet.csv"),
  [
    "benchmark,dimension,value",
    "TempCompass,Action,90.8",
    "TempCompass,Direction,39.7",
    "TempCompass,Speed,41.6",
    "TempCompass,Order,65.9",
    "TempCompass,Attribute Change,68.1",
    "TempCompass,Avg,61.2",
    "Video-MME,Overall,55.0",
    "",
  ].join("\n"),
);

// The correlate input, from the points read off the paper's correlation figure (approximate).
const points = loadPaperTable("correlation-points");
const cell = (v: number | null) => (v === null ? "" : String(v));
writeFileSync(
  join(OUT, "correlation-points-approx.csv"),
  `${["run,textual,tempcompass,mlvu,videomme", ...points.rows.map((r) => [JSON.stringify(r.label), ...r.values.map(cell)].join(","))].join("\n")}\n`,
);
process.stdout.write(`examples -> ${OUT}\n`);
