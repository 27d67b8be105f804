/** Shows contact sheets (one validation video per class, its 8 sampled frames) in the notebook. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StudyFeatures } from "./extract-study-features";

/** Each aspect's name, then its sheet as a PNG, in the running tslab notebook. */
export function showContactSheets(features: StudyFeatures, aspects: readonly string[]): void {
  const tslab = require("tslab") as typeof import("tslab");
  for (const aspect of aspects) {
    tslab.display.text(aspect);
    tslab.display.png(readFileSync(join(features.dir, "contact_sheets", `${aspect}.png`)));
  }
}
