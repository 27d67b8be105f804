/**
 * Writes the embedded caption set, data/captions/embedded-captions.jsonl: 480 distinct
 * captions composed from the vocabulary in lib/synthesis/caption-vocabulary.ts, with
 * their main object and attributes annotated. Run it again after changing the vocabulary:
 *   node --import tsx scripts/compose-embedded-captions.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "../lib/paths/index";
import { PythonRandom } from "../lib/pyrandom/index";
import { composeCaption } from "../lib/synthesis/index";

const COUNT = 480;
const rng = new PythonRandom(20241008);
const seen = new Set<string>();
const lines: string[] = [];
for (let i = 0; lines.length < COUNT; i++) {
  const c = composeCaption(rng, lines.length);
  if (seen.has(c.caption)) continue;
  seen.add(c.caption);
  lines.push(JSON.stringify(c));
}
const file = join(dataDir, "captions", "embedded-captions.jsonl");
writeFileSync(file, `${lines.join("\n")}\n`);
process.stdout.write(`${lines.length} captions -> ${file}\n`);
