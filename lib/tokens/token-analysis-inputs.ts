/**
 * What notebooks/04-token-analysis.ipynb reads: the embedded LLaVA sample and T3 folder,
 * or with T3KIT_SOURCE=hub the released mix1M file and Video-T3-QA folder (fetched into
 * the cache), as its first cell's `dataSource("tokens")` says.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { hubSourceSelected, stageInputPaths } from "../hub/index";
import { dataDir } from "../paths/index";

export interface TokenAnalysisInputs {
  /** A LLaVA JSON file. */
  llava: string;
  /** A folder of Video-T3-QA training files. */
  t3Dir: string;
}

/** The token analysis's inputs, embedded or from the Hub (see the module comment). */
export async function tokenAnalysisInputs(
  env: Record<string, string | undefined> = process.env,
): Promise<TokenAnalysisInputs> {
  const inputs = { llava: join(dataDir, "llava", "llava-sample.json"), t3Dir: join(dataDir, "t3") };
  if (!hubSourceSelected(env)) return inputs;
  for (const p of await stageInputPaths("tokens", {}, env)) {
    if (statSync(p).isDirectory()) inputs.t3Dir = p;
    else inputs.llava = p;
  }
  return inputs;
}
