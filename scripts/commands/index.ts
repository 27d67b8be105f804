/**
 * Every `t3kit <stage>`, in the order data flows. A stage module (scripts/commands/<stage>.ts)
 * declares its sub-commands and flags with commander and loads the library only inside its
 * actions, so building the whole program costs little.
 */
import type { Command as Commander } from "commander";
import { HelpShown } from "../cli-args";
import { type Stage, setExitCode } from "../cli/stage-command";
import type { Command } from "./command";
import { evalStage } from "./eval";
import { hubStage } from "./hub";
import { mixStage } from "./mix";
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
  hubStage,
  legacy(
    "probe",
    "probing study: probing videos, features, linear/LSTM probes, asking a model",
    () => require("./probe").probeCommand,
  ),
  synthesizeStage,
  mixStage,
  tokensStage,
  legacy(
    "train",
    "training runs: the paper's presets, configs and commands, converters, preflight, launch, curves",
    () => require("./train").trainCommand,
  ),
  resultsStage,
  evalStage,
  reportStage,
  notebooksStage,
];
