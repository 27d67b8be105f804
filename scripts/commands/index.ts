/**
 * Every `t3kit <stage>`, in the order data flows (probing and the Hub first: they stand beside
 * the flow). A stage module (scripts/commands/<stage>.ts) declares its sub-commands and flags
 * with commander and loads the library only inside its actions, so building the whole
 * program costs little.
 */
import type { Stage } from "../cli/stage-command";
import { classStage } from "./class";
import { evalStage } from "./eval";
import { hubStage } from "./hub";
import { mixStage } from "./mix";
import { notebooksStage } from "./notebooks";
import { probeStage } from "./probe";
import { reportStage } from "./report";
import { resultsStage } from "./results";
import { synthesizeStage } from "./synthesize";
import { tokensStage } from "./tokens";
import { trainStage } from "./train";

export const stages: Stage[] = [
  hubStage,
  probeStage,
  synthesizeStage,
  mixStage,
  tokensStage,
  trainStage,
  resultsStage,
  evalStage,
  reportStage,
  notebooksStage,
  classStage,
];
