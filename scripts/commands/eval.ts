import { resolve } from "node:path";
import type * as Evaluation from "../../lib/evaluation/index";
import { outPath } from "../../lib/paths/index";
import { UsageError, intOption, parseCommandArgs } from "../cli-args";
import { reportProgress } from "../report-progress";
import type { Command } from "./command";

const overview = `
Usage: npx t3kit eval ingest FILE... --run NAME [--json]
       npx t3kit eval compare --run NAME=FILE[,FILE…]... [--baseline NAME] [--bootstrap N] [--seed S] [--json]
       npx t3kit eval correlate FILE.csv
       npx t3kit eval textual --endpoint URL --model NAME --files F1.jsonl,F2.jsonl [--json]

Evaluation: the results of the evaluators you already run, beside the paper.

ingest     reads one run's result files, recognising each from its content: lmms-eval
           <date>_results.json (Video-MME, MLVU, TempCompass tasks; both spellings of
           "percetion"/"perception") and <date>_samples_<task>.jsonl (Video-MME durations and
           task types, MLVU task types, TempCompass dimensions recomputed and checked against
           the results file), TempCompass auto_eval_results/<model>/<task>.json, or a CSV
           benchmark,dimension,value. Prints one tidy table: run, benchmark, dimension,
           metric, value, n, evaluator, version, settings, source. --json prints {"rows": […]}.
compare    each run beside the paper's rows (TempCompass dimensions, Video-MME durations and
           TP/TR, MLVU categories) with differences to the paper's LongVA-7B; with --baseline,
           every other run minus the baseline run: a paired bootstrap interval and an exact
           McNemar p-value where both have per-question results, otherwise the difference and
           a note that no interval can be computed. --json prints {"comparisons", "differences"}.
correlate  Pearson r and two-sided p of textual validation accuracy against each benchmark,
           over runs: a CSV with columns run, textual, then one per benchmark (an empty cell:
           not evaluated). Prints {"<benchmark>": {"r", "p", "n"}, …}. Fewer than 3 runs with
           values for a benchmark is refused.
textual    textual validation accuracy: text_temporal files ({question, answer, qid} rows,
           released or synthesised) through an OpenAI-compatible server (the question as the
           user message, unchanged; greedy), answers scored by option letter or text. Prints
           accuracy per file; --json prints {"files": [{"file", "n", "accuracy"}]} (0..1).

Options:
  --run NAME            ingest: the run's name; compare: NAME=FILE[,FILE…], repeatable
  --json                print JSON instead of tables
  --baseline NAME       compare: the run others are tested against
  --bootstrap N         compare: bootstrap resamples (default 1000)
  --seed S              compare: bootstrap seed (default 0; same seed, same interval)
  --endpoint URL        textual: server base URL (…/v1) or its /chat/completions URL
  --model NAME          textual: model name the server serves
  --files LIST          textual: comma-separated validation files
  --api-key KEY         textual: sent as a bearer token (default: $OPENAI_API_KEY if set)
  --concurrency N       textual: requests in flight (default 4)
  --max-tokens N        textual: max_tokens per answer (default: the server's)
  --cache DIR           textual: answer cache (default out/evaluation/chat-cache)
  --no-cache            textual: ask every question again
`;

// lib/evaluation pulls in danfojs (about 1 s): loaded only when an eval command runs.
function lib(): typeof Evaluation {
  return require("../../lib/evaluation/index");
}

const print = (s: string) => process.stdout.write(s);

async function ingest(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage: overview,
    options: { run: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
  });
  if (!values.run) throw new UsageError("ingest needs --run NAME");
  if (positionals.length === 0) throw new UsageError("ingest needs at least one result FILE");
  const run = await lib().ingestResults(positionals, values.run);
  print(lib().formatIngestOutput(run, values.json === true));
  return 0;
}

function parseRunSpec(spec: string): { name: string; files: string[] } {
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
  if (name === "" || files.length === 0)
    throw new UsageError(`--run "${spec}": expected NAME=FILE[,FILE…]`);
  return { name, files };
}

async function compare(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage: overview,
    options: {
      run: { type: "string", multiple: true },
      baseline: { type: "string" },
      bootstrap: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const runs = (values.run ?? []).map(parseRunSpec);
  if (runs.length === 0) throw new UsageError("compare needs --run NAME=FILE[,FILE…]");
  const names = runs.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`--run ${dup} given twice`);
  if (values.baseline !== undefined && !names.includes(values.baseline)) {
    throw new UsageError(
      `--baseline ${values.baseline} is not one of the runs (${names.join(", ")})`,
    );
  }
  const iterations = intOption("bootstrap", values.bootstrap, 1000, { min: 1 });
  if (iterations < 1) throw new UsageError("--bootstrap must be at least 1");
  const seed = intOption("seed", values.seed, 0, { min: 0 });
  const result = await lib().compareRuns(runs, { baseline: values.baseline, iterations, seed });
  print(lib().formatCompareOutput(result, values.json === true));
  return 0;
}

async function correlate(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {
    usage: overview,
    options: {},
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError("correlate needs exactly one CSV file");
  print(lib().formatCorrelateOutput(await lib().correlateCsvFile(positionals[0])));
  return 0;
}

async function textual(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage: overview,
    options: {
      endpoint: { type: "string" },
      model: { type: "string" },
      files: { type: "string" },
      "api-key": { type: "string" },
      concurrency: { type: "string" },
      "max-tokens": { type: "string" },
      cache: { type: "string" },
      "no-cache": { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  for (const k of ["endpoint", "model", "files"] as const) {
    if (!values[k]) throw new UsageError(`textual needs --${k}`);
  }
  const files = values
    .files!.split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  if (files.length === 0) throw new UsageError("--files lists no file");
  const concurrency = intOption("concurrency", values.concurrency, 4, { min: 1 });
  if (concurrency < 1) throw new UsageError("--concurrency must be at least 1");
  const maxTokens =
    values["max-tokens"] === undefined
      ? undefined
      : intOption("max-tokens", values["max-tokens"], 0, { min: 1 });
  if (maxTokens !== undefined && maxTokens < 1)
    throw new UsageError("--max-tokens must be at least 1");
  const cacheDir = values["no-cache"]
    ? undefined
    : resolve(values.cache ?? outPath("evaluation", "chat-cache"));
  const server = {
    endpoint: values.endpoint!,
    model: values.model!,
    apiKey: values["api-key"] ?? process.env.OPENAI_API_KEY,
    concurrency,
    maxTokens,
    cacheDir,
  };
  const result = await lib().textualAccuracy(files, server, (p) => reportProgress(p));
  print(lib().formatTextualOutput(result, values.json === true));
  return 0;
}

const ACTIONS: Record<string, (argv: string[]) => Promise<number>> = {
  ingest,
  compare,
  correlate,
  textual,
};

export const evalCommand: Command = {
  name: "eval",
  summary:
    "evaluation: ingest lmms-eval/TempCompass results, compare with the paper, correlate, textual accuracy",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === "--help" || sub === "-h") {
      print(`${overview.trim()}\n`);
      return sub === undefined ? 2 : 0;
    }
    const action = Object.hasOwn(ACTIONS, sub) ? ACTIONS[sub] : undefined;
    if (!action) throw new UsageError(`unknown subcommand "${sub}"\n${overview}`);
    return action(rest);
  },
};
