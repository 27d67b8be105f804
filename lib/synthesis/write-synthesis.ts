/**
 * `t3kit synthesize` as a library call: surveys the captions (pass 1; bad records and too
 * small caption sets stop here, before any file exists), streams every item into its
 * file (pass 2), and writes manifest.json last. Training files are JSON arrays of T3Pair,
 * one pair per line; validation files are JSONL rows {question, answer, qid}. Every file
 * goes to a temp file first and is renamed into place only when the whole run succeeded.
 * Same captions, options and seed give the same bytes.
 */
import { basename, join } from "node:path";
import {
  type AtomicWriteStream,
  openAtomicWriteStream,
  openRunFolder,
  refuseOutputOverInput,
  writeFileAtomic,
} from "../files/index";
import type { T3Pair, T3ValidationRow } from "../records/index";
import type { SynthesisManifest, SynthesisManifestFile } from "../records/index";
import { type CaptionSurvey, surveyCaptions } from "./captions/survey-captions";
import { synthesisOutputNames } from "./synthesis-output-names";
import {
  type PlannedOutput,
  type SynthesisOptions,
  type SynthesisStats,
  planOutputs,
  synthesizeItems,
} from "./synthesize-items";
import { optionLetter } from "./tasks/synthesis-item";
import { contextSize, taskSpec } from "./tasks/task-catalog";

export interface WriteSynthesisOptions extends SynthesisOptions {
  outDir: string;
  llm?: { endpoint: string; model: string };
}

/** Synthesises every planned file into `outDir` and returns the manifest it wrote. */
export async function writeSynthesis(options: WriteSynthesisOptions): Promise<SynthesisManifest> {
  refuseOutputOverInput(
    synthesisOutputNames(options).map((f) => join(options.outDir, f)),
    [options.captionsFile],
    "give --out another folder",
  );
  const survey = await surveyCaptions(options.captionsFile, options.valPerTask !== 0);
  const outputs = planOutputs(options, survey);
  const folder = openRunFolder(options.outDir);
  const streams = new Map<string, AtomicWriteStream>();
  const letters = new Map<string, Record<string, number>>();
  const stats: SynthesisStats = { redraws: {}, verifierRejections: 0 };
  try {
    for (const o of outputs) {
      const s = await openAtomicWriteStream(join(options.outDir, o.file));
      streams.set(o.file, s);
      letters.set(o.file, {});
      if (o.split === "train") await s.write("[");
    }
    let checked = 0;
    // Several files grow at once; batching lines per file keeps the writes few.
    const pending = new Map<string, string[]>();
    const flush = async (file: string) => {
      const lines = pending.get(file);
      if (lines && lines.length > 0) {
        await streams.get(file)!.write(lines.join(""));
        pending.set(file, []);
      }
    };
    for await (const made of synthesizeItems(options, survey, outputs, stats)) {
      checked++;
      const { output, index } = made;
      const count = letters.get(output.file)!;
      const letter = optionLetter(made.item.correct);
      count[letter] = (count[letter] ?? 0) + 1;
      const line =
        output.split === "train"
          ? `${index === 0 ? "\n" : ",\n"}${JSON.stringify(pairOf(made.question, made.answer))}`
          : `${JSON.stringify(rowOf(made.question, made.answer, `${output.file.replace(/\.jsonl$/, "")}-${index}`))}\n`;
      const lines = pending.get(output.file) ?? [];
      pending.set(output.file, lines);
      lines.push(line);
      if (lines.length >= 256) await flush(output.file);
    }
    for (const o of outputs) {
      await flush(o.file);
      if (o.split === "train") await streams.get(o.file)!.write("\n]\n");
    }
    for (const s of streams.values()) await s.commit();
    const manifest = buildManifest(options, survey, outputs, letters, checked, stats);
    await writeFileAtomic(
      join(options.outDir, "manifest.json"),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    folder.keep();
    return manifest;
  } catch (err) {
    for (const s of streams.values()) await s.abort();
    folder.discard();
    throw err;
  }
}

function pairOf(question: string, answer: string): T3Pair {
  return [
    { from: "human", value: question },
    { from: "gpt", value: answer },
  ];
}

function rowOf(question: string, answer: string, qid: string): T3ValidationRow {
  return { question, answer, qid };
}

function buildManifest(
  options: WriteSynthesisOptions,
  survey: CaptionSurvey,
  outputs: PlannedOutput[],
  letters: Map<string, Record<string, number>>,
  checked: number,
  stats: SynthesisStats,
): SynthesisManifest {
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  const total: Record<string, number> = {};
  const files = outputs.map((o): SynthesisManifestFile => {
    const l = letters.get(o.file)!;
    for (const [k, v] of Object.entries(l)) total[k] = (total[k] ?? 0) + v;
    return {
      file: o.file,
      split: o.split,
      task: o.task,
      family: taskSpec(o.task).family,
      length: o.length,
      captionsPerItem: contextSize(o.task, o.length),
      items: o.quota,
      answerLetters: sorted(l),
    };
  });
  const sum = (split: string) =>
    files.filter((f) => f.split === split).reduce((a, f) => a + f.items, 0);
  return {
    tool: "t3kit synthesize",
    seed: options.seed,
    input: {
      file: basename(survey.file),
      sha256: survey.sha256,
      format: survey.format,
      captions: survey.captions,
      train: survey.train,
      validation: survey.validation,
      annotatedNounPhrases: survey.annotated,
      attributeCandidates: survey.attributeCandidates,
    },
    options: {
      tasks: [...options.tasks],
      lengths: [...options.lengths],
      perTask: options.perTask ?? null,
      valPerTask: options.valPerTask ?? null,
      poolSize: options.poolSize ?? 4096,
    },
    files,
    totals: {
      trainItems: sum("train"),
      validationItems: sum("validation"),
      answerLetters: sorted(total),
    },
    verifier: {
      checked,
      rejectedWhileGenerating: stats.verifierRejections,
      ...(stats.firstRejection ? { firstRejection: stats.firstRejection } : {}),
    },
    redraws: sorted(stats.redraws),
    ...(options.llm ? { llm: options.llm } : {}),
  };
}
