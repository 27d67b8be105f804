/** The three released runs of the paper, by name. */
import { InputError } from "../../errors/index";
import { llamafactoryPreset } from "./llamafactory-preset";
import { longvaPreset } from "./longva-preset";
import { msSwiftPreset } from "./ms-swift-preset";
import type { TrainingPreset } from "./training-preset";

export const trainingPresets: readonly TrainingPreset[] = [
  longvaPreset,
  llamafactoryPreset,
  msSwiftPreset,
];

/** The preset called `name`; an InputError naming the known presets otherwise. */
export function trainingPreset(name: string, file = "<preset>", field = "preset"): TrainingPreset {
  const found = trainingPresets.find((p) => p.name === name);
  if (!found)
    throw new InputError(
      { file, field },
      `unknown preset ${JSON.stringify(name)} (known: ${trainingPresets.map((p) => p.name).join(", ")})`,
    );
  return found;
}
