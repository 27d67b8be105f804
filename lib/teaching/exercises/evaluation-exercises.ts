import {
  differencesToBaseline,
  evaluationInputs,
  ingestRuns,
  paperPointsCorrelation,
} from "../../evaluation/index";
import type { Exercise } from "./exercise";

async function tempcompassGain(): Promise<number> {
  const runs = await ingestRuns((await evaluationInputs()).runs);
  const d = differencesToBaseline(runs, "example LongVA-7B", { iterations: 100, seed: 0 });
  return d.find((x) => x.benchmark === "tempcompass" && x.dimension === "avg")!.difference;
}

/** Notebook 07: a difference and a correlation that does not hold. */
export const EVALUATION_EXERCISES: Exercise[] = [
  {
    id: "07.1",
    points: 1,
    prompt: "By how many points does the example T3 run beat its baseline on TempCompass (avg)?",
    hint: "differences holds one row per benchmark and dimension; read `difference`.",
    tolerance: 0.05,
    expected: tempcompassGain,
  },
  {
    id: "07.2",
    points: 2,
    prompt:
      "Find the claim that fails: on which benchmark is the correlation not significant (p >= 0.05)?",
    hint: "correlation.results maps each benchmark to {r, p, n}.",
    expected: () =>
      Object.entries(paperPointsCorrelation().results).find(([, r]) => r.p >= 0.05)![0],
  },
];
