import { planTraining, presetSpec } from "../../training/index";
import type { Exercise } from "./exercise";

/** GPU counts on one node whose split of LongVA's global batch fails. */
function gpuCountsThatDoNotDivide(): number[] {
  const failing: number[] = [];
  for (let gpus = 1; gpus <= 8; gpus++) {
    try {
      planTraining(presetSpec("longva-7b-t3"), { gpus });
    } catch {
      failing.push(gpus);
    }
  }
  return failing;
}

/** Notebook 05: the batch arithmetic. */
export const TRAINING_EXERCISES: Exercise[] = [
  {
    id: "05.1",
    points: 2,
    prompt:
      "Find the planted problem: the smallest GPU count (1-8) on which LongVA's run cannot start.",
    hint: "planTraining throws when the global batch does not split; try each count.",
    expected: () => gpuCountsThatDoNotDivide()[0],
  },
  {
    id: "05.2",
    points: 1,
    prompt: "What gradient accumulation does LongVA's run get on 2 GPUs?",
    hint: "Global batch / (per-device batch x GPUs x nodes); planTraining(...).batch says it.",
    expected: () =>
      planTraining(presetSpec("longva-7b-t3"), { gpus: 2 }).batch.gradientAccumulation,
  },
];
