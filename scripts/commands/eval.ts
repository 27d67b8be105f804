import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import type * as Evaluation from "../../lib/evaluation/index";
import { outPath } from "../../lib/paths/index";
import { intOption, parseList, pathArgument, pathOption, refuseBoth } from "../cli/cli-options";
import {
  CHAT_NETWORK,
  type NetworkFlags,
  addNetworkOptions,
  httpSettingsOf,
} from "../cli/network-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";
import { UsageError } from "../cli/usage-error";

// lib/evaluation pulls in danfojs (about 1 s): loaded only when an eval command runs.
const evaluation = (): typeof Evaluation => require("../../lib/evaluation/index");

const print = (s: string) => process.stdout.write(s);
const jsonOption = () => new Option("--json", "print JSON instead of tables");

/** `--run NAME=FILE[,FILE…]`, repeatable. */
function parseRunSpec(
  spec: string,
  previous: { name: string; files: string[] }[] = [],
): { name: string; files: string[] }[] {
  const eq = spec.indexOf("=");
  const name = eq > 0 ? spec.slice(0, eq).trim() : "";
  const files =
    eq > 0
      ? spec
          .slice(eq + 1)
          .split(",")
          .map((f) => f.trim())
          .filter((f) => f !== "")
      : [];
  if (name === "" || files.length === 0) throw new InvalidArgumentError("is not NAME=FILE[,FILE…]");
  if (previous.some((r) => r.name === name)) throw new InvalidArgumentError(`names ${name} again`);
  return [...previous, { name, files }];
}

export const evalStage: Stage = {
  name: "eval",
  summary:
    "evaluation: ingest lmms-eval/TempCompass results, compare with the paper, correlate, textual accuracy",
  define(stage) {
    stage.addHelpText(
      "after",
      "\nEvaluation: the results of the evaluators you already run, beside the paper.",
    );
    stage
      .command("ingest")
      .description(
        "reads one run's result files, recognising each from its content, into one tidy table: run, benchmark, dimension, metric, value, n, evaluator, version, settings, source",
      )
      .addArgument(pathArgument("<FILE...>", "the run's result files", "input-file"))
      .requiredOption("--run <NAME>", "the run's name")
      .addOption(jsonOption())
      .addHelpText(
        "after",
        `
Reads lmms-eval <date>_results.json (Video-MME, MLVU, TempCompass tasks; both spellings of
"percetion"/"perception") and <date>_samples_<task>.jsonl (Video-MME durations and task
types, MLVU task types, TempCompass dimensions recomputed and checked against the results
file), TempCompass auto_eval_results/<model>/<task>.json, or a CSV benchmark,dimension,value.
--json prints {"rows": […]}.`,
      )
      .action(
        action<{ run: string; json?: boolean }>(async (f, files) => {
          const lib = evaluation();
          print(lib.formatIngestOutput(await lib.ingestResults(files, f.run), f.json === true));
        }),
      );

    stage
      .command("compare")
      .description(
        "each run beside the paper's rows, with differences to the paper's LongVA-7B; with --baseline, every other run minus the baseline run (a paired bootstrap interval and an exact McNemar p-value where both have per-question results)",
      )
      .addOption(
        new Option("--run <NAME=FILE[,FILE…]>", "a run and its result files (repeatable)")
          .argParser(parseRunSpec)
          .makeOptionMandatory(),
      )
      .option("--baseline <NAME>", "the run the others are tested against")
      .addOption(
        intOption("--bootstrap <N>", "bootstrap resamples", { min: 1, max: 1_000_000 }, 1000),
      )
      .addOption(
        intOption("--seed <S>", "bootstrap seed (same seed, same interval)", { min: 0 }, 0),
      )
      .addOption(jsonOption())
      .addHelpText(
        "after",
        `
The paper's rows: TempCompass dimensions, Video-MME durations and TP/TR, MLVU categories.
Without per-question results a difference has no interval, and a note says so.
--json prints {"comparisons", "differences"}.`,
      )
      .action(
        action<{
          run: { name: string; files: string[] }[];
          baseline?: string;
          bootstrap: number;
          seed: number;
          json?: boolean;
        }>(async (f) => {
          const names = f.run.map((r) => r.name);
          if (f.baseline !== undefined && !names.includes(f.baseline))
            throw new UsageError(
              `--baseline ${f.baseline} is not one of the runs (${names.join(", ")})`,
            );
          const lib = evaluation();
          const result = await lib.compareRuns(f.run, {
            baseline: f.baseline,
            iterations: f.bootstrap,
            seed: f.seed,
          });
          print(lib.formatCompareOutput(result, f.json === true));
        }),
      );

    stage
      .command("correlate")
      .description(
        "Pearson r and two-sided p of textual validation accuracy against each benchmark, over runs",
      )
      .addArgument(
        pathArgument(
          "<CSV>",
          "columns run, textual, then one per benchmark (an empty cell: not evaluated)",
          "input-file",
        ),
      )
      .addHelpText(
        "after",
        `
Prints {"<benchmark>": {"r", "p", "n"}, …}. Fewer than 3 runs with values for a benchmark
is refused.`,
      )
      .action(
        action(async (_f, [csv]) => {
          const lib = evaluation();
          print(lib.formatCorrelateOutput(await lib.correlateCsvFile(csv)));
        }),
      );

    const textual = stage
      .command("textual")
      .description(
        "textual validation accuracy: text_temporal files through an OpenAI-compatible server, answers scored by option letter or text",
      )
      .requiredOption("--endpoint <URL>", "server base URL (…/v1) or its /chat/completions URL")
      .requiredOption("--model <NAME>", "model name the server serves")
      .addOption(
        pathOption("--files <LIST>", "comma-separated validation files", "input-file")
          .argParser(parseList((f) => f))
          .makeOptionMandatory(),
      )
      .option("--api-key <KEY>", "sent as a bearer token (default: $OPENAI_API_KEY if set)")
      .addOption(intOption("--concurrency <N>", "requests in flight", { min: 1 }, 4))
      .addOption(
        intOption("--max-tokens <N>", "max_tokens per answer (default: the server's)", { min: 1 }),
      )
      .addOption(
        pathOption(
          "--cache <DIR>",
          "answer cache (default out/evaluation/chat-cache)",
          "output-folder",
        ),
      )
      .option("--no-cache", "ask every question again")
      .addOption(jsonOption());
    addNetworkOptions(textual, CHAT_NETWORK)
      .addHelpText(
        "after",
        `
Rows are {question, answer, qid} (released or synthesised); the question is the user
message, unchanged; decoding is greedy. Prints accuracy per file; --json prints
{"files": [{"file", "n", "accuracy"}]} (0..1).`,
      )
      .action(
        action<
          {
            endpoint: string;
            model: string;
            files: string[];
            apiKey?: string;
            concurrency: number;
            maxTokens?: number;
            cache: string | boolean;
            json?: boolean;
          } & NetworkFlags
        >(async (f, _args, cmd) => {
          refuseBoth(cmd, "--cache", "--no-cache");
          const cacheDir =
            f.cache === false
              ? undefined
              : resolve(
                  typeof f.cache === "string" ? f.cache : outPath("evaluation", "chat-cache"),
                );
          const lib = evaluation();
          const http = httpSettingsOf(f);
          const result = await lib.textualAccuracy(
            f.files,
            {
              endpoint: f.endpoint,
              model: f.model,
              apiKey: f.apiKey ?? process.env.OPENAI_API_KEY,
              concurrency: f.concurrency,
              maxTokens: f.maxTokens,
              cacheDir,
              maxRetries: http.retries,
              timeoutMs: http.tryTimeoutMs,
              deadlineMs: http.deadlineMs,
            },
            reportProgress,
          );
          print(lib.formatTextualOutput(result, f.json === true));
        }),
      );
  },
};
