/**
 * Every `t3kit <stage>` command, in the order data flows. A stage's module (and the
 * libraries it pulls in: tokenizers, danfojs, the Hub client …) is loaded only when that
 * stage runs: loading them all cost about 1.2 s before any command could start.
 * Names and summaries live here so that `t3kit --help` loads nothing; a test checks that
 * they match each module's own.
 */
import type { Command } from "./command";

function lazy(name: string, summary: string, load: () => Command): Command {
  return { name, summary, run: (argv) => load().run(argv) };
}

export const commands: Command[] = [
  lazy(
    "hub",
    "list and download the paper's datasets and checkpoints (Hugging Face Hub)",
    () => require("./hub").hubCommand,
  ),
  lazy(
    "probe",
    "probing study: probing videos, features, linear/LSTM probes, asking a model",
    () => require("./probe").probeCommand,
  ),
  lazy(
    "synthesize",
    "synthesise T3's textual temporal tasks from captions (released file names)",
    () => require("./synthesize").synthesizeCommand,
  ),
  lazy(
    "mix",
    "SFT data mixing: the paper's reference recipe, mix specs, plans and sweeps",
    () => require("./mix").mixCommand,
  ),
  lazy(
    "tokens",
    "exact token counts (Qwen2 + template + visual), length filtering, reports",
    () => require("./tokens").tokensCommand,
  ),
  lazy(
    "train",
    "training runs: the paper's presets, configs and commands, converters, preflight, launch, curves",
    () => require("./train").trainCommand,
  ),
  lazy(
    "results",
    "the paper's reported numbers as tables and figures",
    () => require("./results").resultsCommand,
  ),
  lazy(
    "eval",
    "evaluation: ingest lmms-eval/TempCompass results, compare with the paper, correlate, textual accuracy",
    () => require("./eval").evalCommand,
  ),
  lazy(
    "report",
    "write out/index.html: every stage's figures, tables, notebooks, manifests, run times",
    () => require("./report").reportCommand,
  ),
  lazy(
    "notebooks",
    "run every notebook headless into out/ (what `make run` calls)",
    () => require("./notebooks").notebooksCommand,
  ),
];
