import { PROBING_ASPECTS, sampleFrameIndices } from "../../probing/index";
import type { Exercise } from "./exercise";

/** Notebook 01: sampling frames, chance accuracy. */
export const PROBING_EXERCISES: Exercise[] = [
  {
    id: "01.1",
    points: 2,
    prompt:
      "Which 8 frame indices does the released rule sample from a video of 30 decoded frames?",
    hint: "np.linspace(0, N - 1, 8, dtype=int) truncates toward zero; N - 1 is the last index.",
    expected: () => sampleFrameIndices(30, 8),
  },
  {
    id: "01.2",
    points: 1,
    prompt: "What accuracy (in %) does guessing reach on the order_3 aspect?",
    hint: "Chance is one class out of all of the aspect's classes (t3.PROBING_ASPECTS).",
    tolerance: 0.05,
    expected: () => 100 / PROBING_ASPECTS.find((a) => a.name === "order_3")!.classes.length,
  },
];
