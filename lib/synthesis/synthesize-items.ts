import { InputError } from "../errors/index";
/**
 * The second pass: streams the captions through a fixed-size window per split and deals
 * out items for every (task, length) as the stream goes by, each run at an even pace
 * (its quota spread over the stream) and from its own random stream, so a run's items
 * do not depend on which other runs were asked for. Every item is checked by the
 * verifier before it is yielded. Memory is flat in the number of captions.
 */
import type { OnProgress } from "../progress/index";
import { deriveSeed } from "../pyrandom/index";
import { PythonRandom } from "../pyrandom/index";
import { type TaskKey, trainFileName, validationFileName } from "../records/index";
import { CaptionPool, PooledCaption } from "./captions/caption-pool";
import { readCaptions } from "./captions/read-captions";
import {
  CaptionSplits,
  type CaptionSurvey,
  VALIDATION_EVERY,
  isAttributeCandidate,
} from "./captions/survey-captions";
import { BalancedLetters } from "./tasks/balanced-letters";
import { type ContrastWriter, generateAttributeItem } from "./tasks/generate-attribute-item";
import { generateOrderItem } from "./tasks/generate-order-item";
import { generateOrderTemplateItem } from "./tasks/generate-order-template-item";
import { generateReferringItem } from "./tasks/generate-referring-item";
import type { GeneratorContext } from "./tasks/generator-context";
import { renderAnswer, renderQuestion } from "./tasks/render-item";
import type { SynthesisItem } from "./tasks/synthesis-item";
import {
  type TaskRun,
  captionsNeeded,
  contextSize,
  planTaskRuns,
  taskSpec,
} from "./tasks/task-catalog";
import { verifyRendered } from "./verify/verify-item";

export type Split = "train" | "validation";

export interface SynthesisOptions {
  captionsFile: string;
  tasks: readonly TaskKey[];
  lengths: readonly number[];
  seed: number;
  /** Training items per (task, length); default: one pass over the captions, at most 15,000. */
  perTask?: number;
  /** Validation items per (task, length); 0 writes none; default: up to 500. */
  valPerTask?: number;
  /** Captions held in each split's window (default 4,096). */
  poolSize?: number;
  contrastWriter?: ContrastWriter;
  /** Called now and then with the captions read so far. */
  onProgress?: OnProgress;
}

/** One (split, task, length) output and how many items it gets. */
export interface PlannedOutput extends TaskRun {
  split: Split;
  file: string;
  quota: number;
}

export interface SynthesizedItem {
  output: PlannedOutput;
  /** 0-based position in its file. */
  index: number;
  item: SynthesisItem;
  question: string;
  answer: string;
}

export const DEFAULT_TRAIN_CAP = 15_000;
export const DEFAULT_VALIDATION_CAP = 500;

/** The outputs a run will write; throws InputError when the captions are too few. */
export function planOutputs(options: SynthesisOptions, survey: CaptionSurvey): PlannedOutput[] {
  const runs = planTaskRuns(options.tasks, options.lengths);
  const out: PlannedOutput[] = [];
  const withValidation = options.valPerTask !== 0;
  for (const split of ["train", "validation"] as const) {
    if (split === "validation" && !withValidation) continue;
    const have = survey[split];
    for (const run of runs) {
      const need = captionsNeeded(run.task, run.length);
      if (have < need) {
        throw new InputError(
          { file: survey.file },
          `too few captions: task ${run.task} at ${run.length}x needs ${need} distinct captions per item, ` +
            `the ${split} split has ${have} (of ${survey.captions}; every ${VALIDATION_EVERY}th caption is kept for validation)`,
        );
      }
      if (
        run.task === "attribute" &&
        !options.contrastWriter &&
        survey.attributeCandidates[split] === 0
      ) {
        throw new InputError(
          { file: survey.file },
          `no caption of the ${split} split mentions an attribute of the lexicon (e.g. "dimly lit", "loose", "red"), so no attribute item can be made; drop the attribute task or give --llm-endpoint`,
        );
      }
      const cap = split === "train" ? DEFAULT_TRAIN_CAP : DEFAULT_VALIDATION_CAP;
      const fallback = Math.max(
        1,
        Math.min(cap, Math.floor(have / contextSize(run.task, run.length))),
      );
      const quota =
        split === "train" ? (options.perTask ?? fallback) : (options.valPerTask ?? fallback);
      const file =
        split === "train"
          ? trainFileName(run.task, run.length)
          : validationFileName(run.task, run.length);
      out.push({ ...run, split, file, quota });
    }
  }
  return out;
}

interface RunState {
  output: PlannedOutput;
  ctx: GeneratorContext;
  emitted: number;
  /** After a round found no item, wait for this many captions of the split before the next. */
  resumeAt: number;
  failedRound: boolean;
}

/** Captions to wait for after a fruitless round, so a hard task does not stall the stream. */
const BACKOFF_CAPTIONS = 64;

const TRIES_PER_ROUND = 200;
const TRIES_AT_END = 20_000;

/** Statistics of one synthesis pass. */
export interface SynthesisStats {
  /** Draws that gave no checkable item, per task (the generator drew again). */
  redraws: Record<string, number>;
  /** Items a generator made that the verifier rejected (should stay 0). */
  verifierRejections: number;
  /** The first such item and why, to report a generator bug. */
  firstRejection?: string;
}

/** Streams every item of every planned output (pass 2); see the module comment. */
export async function* synthesizeItems(
  options: SynthesisOptions,
  survey: CaptionSurvey,
  outputs: PlannedOutput[],
  stats: SynthesisStats = { redraws: {}, verifierRejections: 0 },
): AsyncGenerator<SynthesizedItem> {
  const poolSize = options.poolSize ?? 4096;
  const withValidation = options.valPerTask !== 0;
  const splits = {
    train: { pool: new CaptionPool(poolSize), attributePool: new CaptionPool(poolSize), seen: 0 },
    validation: {
      pool: new CaptionPool(poolSize),
      attributePool: new CaptionPool(poolSize),
      seen: 0,
    },
  };
  const states: RunState[] = outputs.map((output) => {
    const rng = new PythonRandom(
      deriveSeed(options.seed, `${output.split}/${output.task}/${output.length}`),
    );
    const s = splits[output.split];
    return {
      output,
      emitted: 0,
      resumeAt: 0,
      failedRound: false,
      ctx: {
        task: output.task,
        length: output.length,
        rng,
        letters: new BalancedLetters(rng),
        pool: s.pool,
        attributePool: s.attributePool,
      },
    };
  });
  let read = 0;
  const captionSplits = new CaptionSplits(withValidation);
  for await (const caption of readCaptions(options.captionsFile)) {
    const split = captionSplits.next(caption.text);
    read++;
    const s = splits[split];
    const entry = new PooledCaption(caption);
    s.pool.add(entry);
    if (isAttributeCandidate(caption)) s.attributePool.add(entry);
    s.seen++;
    if (read % 50_000 === 0)
      options.onProgress?.({ done: read, total: survey.captions, unit: "captions" });
    if (s.pool.size < Math.min(poolSize, survey[split])) continue;
    for (const st of states) {
      if (st.output.split !== split) continue;
      const due = Math.floor((st.output.quota * s.seen) / survey[split]);
      if (s.seen < st.resumeAt) continue;
      yield* emitUpTo(st, due, TRIES_PER_ROUND, options.contrastWriter, stats);
      if (st.failedRound) st.resumeAt = s.seen + BACKOFF_CAPTIONS;
    }
  }
  options.onProgress?.({ done: read, total: survey.captions, unit: "captions" });
  for (const st of states) {
    yield* emitUpTo(st, st.output.quota, TRIES_AT_END, options.contrastWriter, stats);
    if (st.emitted < st.output.quota) {
      throw new InputError(
        { file: survey.file },
        `could make only ${st.emitted} of ${st.output.quota} checkable ${st.output.task} items at ${st.output.length}x for ${st.output.split}: too few captions with a usable main object (each option's phrase must name exactly one caption of its context)`,
      );
    }
  }
}

async function* emitUpTo(
  st: RunState,
  due: number,
  tries: number,
  writer: ContrastWriter | undefined,
  stats: SynthesisStats,
): AsyncGenerator<SynthesizedItem> {
  while (st.emitted < due) {
    let made: SynthesizedItem | undefined;
    for (let t = 0; t < tries && !made; t++) {
      const item = await generate(st.ctx, writer);
      if (!item) {
        stats.redraws[st.output.task] = (stats.redraws[st.output.task] ?? 0) + 1;
        continue;
      }
      const question = renderQuestion(item);
      const answer = renderAnswer(item);
      const verdict = verifyRendered(item.task, question, answer);
      if (!verdict.ok) {
        stats.verifierRejections++;
        stats.firstRejection ??= `${item.task}: ${verdict.problems.join("; ")}\n${question}${answer}`;
        continue;
      }
      made = { output: st.output, index: st.emitted, item, question, answer };
    }
    st.failedRound = !made;
    if (!made) return; // Try again when more captions have arrived.
    st.emitted++;
    yield made;
  }
}

function generate(
  ctx: GeneratorContext,
  writer?: ContrastWriter,
): Promise<SynthesisItem | undefined> | SynthesisItem | undefined {
  switch (taskSpec(ctx.task).family) {
    case "order":
      return generateOrderItem(ctx);
    case "order_template":
      return generateOrderTemplateItem(ctx);
    case "attribute":
      return generateAttributeItem(ctx, writer);
    default:
      return generateReferringItem(ctx);
  }
}
