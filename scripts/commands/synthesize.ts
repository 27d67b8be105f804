import { Option } from "commander";
import { outPath } from "../../lib/paths/index";
import type * as Records from "../../lib/records/index";
import type * as Synthesis from "../../lib/synthesis/index";
import { intOption, parseChoice, parseInteger, parseList, pathOption } from "../cli/cli-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

// The synthesis library (the tagger, the lexicon …) loads when a run starts, not for --help.
const synthesis = (): typeof Synthesis => require("../../lib/synthesis/index");

interface SynthesizeFlags {
  captions?: string;
  out: string;
  tasks: Records.TaskKey[] | "all";
  lengths?: number[];
  perTask?: number;
  valPerTask?: number;
  seed: number;
  poolSize: number;
  llmEndpoint?: string;
  llmModel?: string;
  llmCache?: string;
}

// The T3 vocabulary loads when a flag or the help needs it, not at start-up.
const records = (): typeof Records => require("../../lib/records/index");
const taskLines = () =>
  records()
    .T3_TASKS.map((t) => `  ${t.key.padEnd(26)} ${t.summary}`)
    .join("\n");

export const synthesizeStage: Stage = {
  name: "synthesize",
  summary: "synthesise T3's textual temporal tasks from captions (released file names)",
  define(cmd) {
    cmd
      .addOption(
        pathOption(
          "--captions <FILE>",
          "LLaVA-ReCap-style JSON (array; the first sentence of the gpt turn is used) or JSONL {id, caption[, noun_phrase, object, attributes]} (default: the embedded set, data/captions/embedded-captions.jsonl)",
          "input-file",
        ),
      )
      .addOption(
        pathOption("--out <DIR>", "output folder", "output-folder").default(
          outPath("synthesis"),
          "out/synthesis",
        ),
      )
      .addOption(
        new Option("--tasks <LIST>", 'comma-separated task keys, or "all" (the tasks are below)')
          .argParser((v) => (v === "all" ? "all" : parseList(parseChoice(records().TASK_KEYS))(v)))
          .default("all"),
      )
      .addOption(
        new Option(
          "--lengths <LIST>",
          "context lengths for order and attribute (at most 16x; the default is below); the other tasks are released at one length",
        ).argParser(parseList(parseInteger({ min: 1, max: 16 }))),
      )
      .addOption(
        intOption(
          "--per-task <N>",
          "training items per task and length (default: one pass over the captions, at most 15000)",
          { min: 0 },
        ),
      )
      .addOption(
        intOption(
          "--val-per-task <N>",
          "validation items per task and length (default: up to 500; 0: none). Every 8th caption is kept apart for validation",
          { min: 0 },
        ),
      )
      .addOption(intOption("--seed <S>", "random seed", { min: 0 }, 42))
      .addOption(
        intOption(
          "--pool-size <N>",
          "captions held in memory per split to draw from",
          { min: 64 },
          4096,
        ),
      )
      .addOption(
        new Option(
          "--llm-endpoint <URL>",
          'an OpenAI-compatible endpoint (vLLM, Ollama, OpenAI: ".../v1") that writes attribute contrasts for captions the lexicon does not cover',
        ),
      )
      .addOption(
        new Option("--llm-model <NAME>", "the model to ask (required with --llm-endpoint)"),
      )
      .addOption(
        pathOption(
          "--llm-cache <DIR>",
          "cached replies (default: <out>/llm-cache); the key comes from $OPENAI_API_KEY when set",
          "output-folder",
        ),
      )
      .addHelpText(
        "after",
        () => `
Synthesises T3's textual temporal tasks from image captions (each caption stands for one
keyframe of a "video"), in the released formats:
  temp_qa_<task>_train….json   training pairs [{"from":"human",…},{"from":"gpt",…}]
  <task>_val….jsonl            validation rows {question, answer, qid}
  manifest.json                counts, seed, answer-letter distribution, input sha256
Every item is re-derived by the verifier before it is written. Outputs appear only when
the whole run succeeds; the same captions and seed give the same bytes.

Default --lengths: ${records().DEFAULT_LENGTHS.join(",")}. Tasks:
${taskLines()}`,
      )
      .action(
        action<SynthesizeFlags>(async (f) => {
          if (f.llmEndpoint !== undefined && !f.llmModel)
            cmd.error("--llm-endpoint needs --llm-model", { exitCode: 2 });
          const lib = synthesis();
          const run = await lib.runSynthesis({
            captionsFile: f.captions ?? lib.EMBEDDED_CAPTIONS,
            outDir: f.out,
            tasks: f.tasks === "all" ? [...records().TASK_KEYS] : f.tasks,
            lengths: f.lengths ?? [...records().DEFAULT_LENGTHS],
            seed: f.seed,
            perTask: f.perTask,
            valPerTask: f.valPerTask,
            poolSize: f.poolSize,
            llm: f.llmEndpoint
              ? {
                  endpoint: f.llmEndpoint,
                  model: f.llmModel as string,
                  cacheDir: f.llmCache,
                  apiKey: process.env.OPENAI_API_KEY,
                }
              : undefined,
            onProgress: (p) => reportProgress({ ...p, note: p.note ?? "read" }),
          });
          process.stdout.write(`${lib.synthesisSummary(run)}\n`);
        }),
      );
    cmd
      .command("annotate")
      .description("tag a caption file once for faster runs")
      .addOption(
        pathOption("--captions <FILE>", "the captions to tag", "input-file").makeOptionMandatory(),
      )
      .addOption(
        pathOption("--out <FILE>", "the annotated JSONL", "output-file").makeOptionMandatory(),
      )
      .addHelpText(
        "after",
        `
Tags a caption file once (main object with the compromise tagger, attributes with the
lexicon) and writes JSONL {id, caption, noun_phrase, object, attributes} that synthesis
then reads without tagging: worth it for a large unannotated set (such as LLaVA-ReCap)
used for more than one run. Tagging costs about 0.4 ms per caption.`,
      )
      .action(
        action<{ captions: string; out: string }>(async ({ captions, out }) => {
          const lib = synthesis();
          const summary = await lib.annotateCaptions(captions, out, (p) =>
            reportProgress({ ...p, note: p.note ?? "tagged" }),
          );
          process.stdout.write(`${lib.annotationSummaryLine(summary, out)}\n`);
        }),
      );
  },
};
