/**
 * Writes the mixing stage's small embedded default (run once; its output is committed):
 *   data/llava/llava-sample.json   120 LLaVA image-instruction records (made up here)
 *   data/t3/<the 13 released names>  30 pairs each, hand-shaped T3-like caption QA
 * The lead swaps data/t3/ for the synthesis stage's output when it lands.
 * Usage: node --import tsx bench/make-embedded-mix-data.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatPythonJson } from "../lib/json/index";
import { dataDir } from "../lib/paths/index";
import {
  Lcg,
  syntheticLlavaRecord,
  writeSyntheticT3Dir,
} from "../test/fixtures/synthetic-mix-data";

async function main(): Promise<void> {
  mkdirSync(join(dataDir, "llava"), { recursive: true });
  const r = new Lcg(2024);
  const records = Array.from({ length: 120 }, (_, i) => syntheticLlavaRecord(r, i));
  writeFileSync(
    join(dataDir, "llava", "llava-sample.json"),
    formatPythonJson(records as never, { indent: 4 }),
  );
  await writeSyntheticT3Dir(join(dataDir, "t3"), 30, 3, 2025);
}

main();
