import { paperPointsCorrelation } from "../../evaluation/index";
import { checkClaims, loadPaperTables } from "../../paper-numbers/index";
import type { Exercise } from "./exercise";

/** Notebook 06: the paper's claims against its own tables. */
export const RESULTS_EXERCISES: Exercise[] = [
  {
    id: "06.1",
    points: 1,
    prompt: "How many of the paper's claims hold in its own tables?",
    hint: "checkClaims gives one result per claim, with `holds`.",
    expected: () => checkClaims(loadPaperTables()).filter((c) => c.holds).length,
  },
  {
    id: "06.2",
    points: 2,
    prompt: "Pearson's r between textual and video accuracy on MLVU (two decimals)?",
    hint: "paperPointsCorrelation().results is keyed by benchmark.",
    tolerance: 0.005,
    expected: () => paperPointsCorrelation().results.MLVU.r,
  },
];
