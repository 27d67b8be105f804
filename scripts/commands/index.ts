/**
 * Every `t3kit <stage>`, in the order data flows. A stage module (scripts/commands/<stage>.ts)
 * declares its sub-commands and flags with commander and loads the library only inside its
 * actions, so building the whole program costs little.
 */
import type { Command as Commander } from "commander";
import { HelpShown } from "../cli-args";
import { type Stage, setExitCode } from "../cli/stage-command";
import type { Command } from "./command";
import { notebooksStage } from "./notebooks";
import { reportStage } from "./report";
import { resultsStage } from "./results";
import { synthesizeStage } from "./synthesize";
import { tokensStage } from "./tokens";

/** A stage still written as one `run(argv)` (parsed by cli-args.ts): its arguments go to it untouched. */
function legacy(name: string, summary: string, load: () => Command): Stage {
  return {
    name,
    summary,
    define(cmd: Commander) {
      cmd
        .helpOption(false)
        .passThroughOptions()
        .allowUnknownOption()
        .argument("[args...]")
        .action(async (args: string[]) => {
          try {
            setExitCode(await load().run(args));
          } catch (err) {
            if (err instanceof HelpShown) setExitCode(0);
            else throw err;
          }
        });
    },
  };
}

export const stages: Stage[] = [
  legacy(
    "hub",
    "list and download the paper's datasets and checkpoints (Hugging Face Hub)",
    () => require("./hub").hubCommand,
  ),
  legacy(
    "probe",
    "probing study: probing videos, features, linear/LSTM probes, asking a model",
    () => require("./probe").probeCommand,
  ),
  synthesizeStage,
  legacy(
    "mix",
    "SFT data mixing: the paper's reference recipe, mix specs, plans and sweeps",
    () => require("./mix").mixCommand,
  ),
  tokensStage,
  legacy(
    "train",
    "training runs: the paper's presets, configs and commands, converters, preflight, launch, curves",
    () => require("./train").trainCommand,
  ),
  resultsStage,
  legacy(
    "eval",
    "evaluation: ingest lmms-eval/TempCompass results, compare with the paper, correlate, textual accuracy",
    () => require("./eval").evalCommand,
  ),
  reportStage,
  notebooksStage,
];
