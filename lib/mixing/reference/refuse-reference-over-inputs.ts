/**
 * The reference recipe's output names carry record counts known only after reading
 * (`…_total<N>_lRatio2.json`), so the files in --out that could become outputs are
 * matched by pattern, before anything is read, against the recipe's inputs.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { refuseOutputOverInput } from "../../files/index";
import { T3_FILES } from "../../records/index";
import { compositionName } from "./reference-compositions";

export function refuseReferenceOverInputs(
  compositions: readonly (readonly string[])[],
  constants: { per: number; lRatio: number },
  outDir: string,
  llava: string,
  t3Dir: string,
): void {
  if (!existsSync(outDir)) return;
  const patterns = compositions.map(
    (c) =>
      new RegExp(
        `^${compositionName(c).replace(/[.+]/g, "\\$&")}_per${constants.per}_total\\d+_lRatio${constants.lRatio}\\.json$`,
      ),
  );
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return; // not a folder: the write reports it
  }
  const candidates = names
    .filter((n) => patterns.some((p) => p.test(n)))
    .map((n) => join(outDir, n));
  refuseOutputOverInput(
    candidates,
    [llava, ...T3_FILES.map((f) => join(t3Dir, f.file))],
    "give --out another folder",
  );
}
