import { join } from "node:path";
import { requireInputFile, requireOutputFolder } from "../../lib/files/index";
import { localInputPath } from "../../lib/hub/index";
import { outPath } from "../../lib/paths/index";
import { formatProgress } from "../../lib/progress/index";
import { DEFAULT_LENGTHS, T3_TASKS, TASK_KEYS, type TaskKey } from "../../lib/records/index";
import type * as Synthesis from "../../lib/synthesis/index";
import {
  UsageError,
  intOption,
  parseCommandArgs,
  parseIntInRange,
  parseIntList,
} from "../cli-args";
import type { Command } from "./command";

// The synthesis library (the tagger, the lexicon …) loads when a run starts, not for --help.
function synthesisLib(): typeof Synthesis {
  return require("../../lib/synthesis/index");
}

const annotateUsage = `
Usage: npx t3kit synthesize annotate --captions FILE --out FILE.jsonl

Tags a caption file once (main object with the compromise tagger, attributes with the
lexicon) and writes JSONL {id, caption, noun_phrase, object, attributes} that synthesis
then reads without tagging: worth it for a large unannotated set (such as LLaVA-ReCap)
used for more than one run. Tagging costs about 0.4 ms per caption.
`;

const usage = `
Usage: npx t3kit synthesize [--captions FILE] [--out DIR] [--tasks LIST] [--lengths 1,2,4,8]
                            [--per-task N] [--val-per-task N] [--seed S] [--pool-size N]
                            [--llm-endpoint URL --llm-model NAME [--llm-cache DIR]]

Synthesises T3's textual temporal tasks from image captions (each caption stands for one
keyframe of a "video"), in the released formats:
  temp_qa_<task>_train….json   training pairs [{"from":"human",…},{"from":"gpt",…}]
  <task>_val….jsonl            validation rows {question, answer, qid}
  manifest.json                counts, seed, answer-letter distribution, input sha256
Every item is re-derived by the verifier before it is written. Outputs appear only when
the whole run succeeds; the same captions and seed give the same bytes.

Options:
  --captions FILE     LLaVA-ReCap-style JSON (array; the first sentence of the gpt turn is
                      used) or JSONL {id, caption[, noun_phrase, object, attributes]}
                      (default: the embedded set, data/captions/embedded-captions.jsonl)
  --out DIR           output folder (default: out/synthesis)
  --tasks LIST        comma-separated, or "all" (default). Tasks:
${T3_TASKS.map((t) => `                        ${t.key.padEnd(26)} ${t.summary}`).join("\n")}
  --lengths LIST      context lengths for order and attribute (default 1,2,4,8); the
                      other tasks are released at one length
  --per-task N        training items per task and length (default: one pass over the
                      captions, at most 15000)
  --val-per-task N    validation items per task and length (default: up to 500; 0: none).
                      Every 8th caption is kept apart for validation
  --seed S            random seed (default 42)
  --pool-size N       captions held in memory per split to draw from (default 4096)
  --llm-endpoint URL  an OpenAI-compatible endpoint (vLLM, Ollama, OpenAI: ".../v1") that
                      writes attribute contrasts for captions the lexicon does not cover
  --llm-model NAME    the model to ask (required with --llm-endpoint)
  --llm-cache DIR     cached replies (default: <out>/llm-cache); the key comes from
                      $OPENAI_API_KEY when set

Subcommand:
  annotate            tag a caption file once for faster runs (npx t3kit synthesize annotate --help)
`;

export const synthesizeCommand: Command = {
  name: "synthesize",
  summary: "synthesise T3's textual temporal tasks from captions (released file names)",
  async run(argv) {
    if (argv[0] === "annotate") return annotate(argv.slice(1));
    const { values } = parseCommandArgs(argv, {
      usage,
      options: {
        captions: { type: "string" },
        out: { type: "string" },
        tasks: { type: "string" },
        lengths: { type: "string" },
        "per-task": { type: "string" },
        "val-per-task": { type: "string" },
        seed: { type: "string" },
        "pool-size": { type: "string" },
        "llm-endpoint": { type: "string" },
        "llm-model": { type: "string" },
        "llm-cache": { type: "string" },
      },
    });
    const tasks = parseTasks(values.tasks);
    const lengths = values.lengths ? parseIntList("lengths", values.lengths) : [...DEFAULT_LENGTHS];
    if (lengths.some((l) => l > 16)) throw new UsageError("--lengths: at most 16x");
    const outDir = values.out ?? outPath("synthesis");
    requireOutputFolder(outDir);
    if (values.captions !== undefined) {
      values.captions = await localInputPath(values.captions);
      requireInputFile(values.captions, "--captions");
    }
    const perTask =
      values["per-task"] === undefined
        ? undefined
        : parseIntInRange("per-task", values["per-task"], { min: 0 });
    const valPerTask =
      values["val-per-task"] === undefined
        ? undefined
        : parseIntInRange("val-per-task", values["val-per-task"], { min: 0 });
    const poolSize = intOption("pool-size", values["pool-size"], 4096, { min: 64 });
    let llm: { endpoint: string; model: string } | undefined;
    const { createLlmContrastWriter, writeSynthesis, EMBEDDED_CAPTIONS } = synthesisLib();
    let writer: ReturnType<typeof createLlmContrastWriter> | undefined;
    if (values["llm-endpoint"] !== undefined) {
      if (!values["llm-model"]) throw new UsageError("--llm-endpoint needs --llm-model");
      llm = { endpoint: values["llm-endpoint"], model: values["llm-model"] };
      writer = createLlmContrastWriter({
        ...llm,
        cacheDir: values["llm-cache"] ?? join(outDir, "llm-cache"),
        apiKey: process.env.OPENAI_API_KEY,
      });
    }
    const started = performance.now();
    const manifest = await writeSynthesis({
      captionsFile: values.captions ?? EMBEDDED_CAPTIONS,
      outDir,
      tasks,
      lengths,
      seed: intOption("seed", values.seed, 42),
      perTask,
      valPerTask,
      poolSize,
      contrastWriter: writer?.writer,
      llm,
      onProgress: (p) => process.stderr.write(`  read ${formatProgress(p)}\r`),
    }).catch((err: Error) => {
      // The contrast server's failures name its URL: say which flag it came from, no stack.
      if (llm && err.message.startsWith(llm.endpoint.replace(/\/+$/, "")))
        throw new UsageError(`--llm-endpoint ${err.message}`);
      throw err;
    });
    process.stderr.write("\n");
    const secs = (performance.now() - started) / 1000;
    const width = Math.max(...manifest.files.map((f) => f.file.length));
    for (const f of manifest.files) {
      const letters = Object.entries(f.answerLetters)
        .map(([k, v]) => `${k}:${v}`)
        .join(" ");
      process.stdout.write(`${f.file.padEnd(width)} ${String(f.items).padStart(7)}  ${letters}\n`);
    }
    const items = manifest.totals.trainItems + manifest.totals.validationItems;
    process.stdout.write(
      `${manifest.input.captions} captions -> ${items} items (${manifest.totals.trainItems} train, ` +
        `${manifest.totals.validationItems} validation), all verified, in ${secs.toFixed(1)} s -> ${outDir}\n`,
    );
    if (writer) {
      const s = writer.stats;
      process.stdout.write(
        `llm: ${s.requests} requests, ${s.cacheHits} cached, ${s.retries} retries, ${s.rejected} replies rejected\n`,
      );
    }
    return 0;
  },
};

async function annotate(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage: annotateUsage,
    options: { captions: { type: "string" }, out: { type: "string" } },
  });
  if (!values.captions || !values.out)
    throw new UsageError(`annotate needs --captions and --out\n${annotateUsage}`);
  requireInputFile(values.captions, "--captions");
  const started = performance.now();
  const s = await synthesisLib().annotateCaptions(values.captions, values.out, (p) =>
    process.stderr.write(`  tagged ${formatProgress(p)}\r`),
  );
  process.stderr.write("\n");
  const secs = (performance.now() - started) / 1000;
  process.stdout.write(
    `${s.captions} captions tagged in ${secs.toFixed(1)} s: ${s.withMainObject} with a main object, ` +
      `${s.withAttribute} with a lexicon attribute -> ${values.out}\n`,
  );
  return 0;
}

function parseTasks(value: string | undefined): TaskKey[] {
  if (value === undefined || value === "all") return [...TASK_KEYS];
  return value.split(",").map((s) => {
    const t = s.trim();
    if (!TASK_KEYS.includes(t as TaskKey)) {
      throw new UsageError(`--tasks: unknown task "${t}" (known: ${TASK_KEYS.join(", ")})`);
    }
    return t as TaskKey;
  });
}
