/**
 * One timed synthesis (or, with --annotate, one tagging pass) for bench/synthesize.ts;
 * prints {seconds, items, maxRssMiB, bytes}.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { TASK_KEYS } from "../lib/records/index";
import { annotateCaptions, writeSynthesis } from "../lib/synthesis/index";

async function main(): Promise<void> {
  const [captions, out, ...rest] = process.argv.slice(2);
  if (rest[0] === "--annotate") {
    const t = performance.now();
    const s = await annotateCaptions(captions, out);
    const seconds = (performance.now() - t) / 1000;
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      JSON.stringify({ seconds, items: s.captions, maxRssMiB, bytes: statSync(out).size }),
    );
    return;
  }
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const started = performance.now();
  const m = await writeSynthesis({
    captionsFile: captions,
    outDir: out,
    tasks: TASK_KEYS,
    lengths: (opt("--lengths") ?? "1,2,4,8").split(",").map(Number),
    perTask: Number(opt("--per-task") ?? 15000),
    seed: 42,
    onProgress: (p) => process.stderr.write(`  ${p.done}/${p.total}\r`),
  });
  const seconds = (performance.now() - started) / 1000;
  const bytes = readdirSync(out).reduce((a, f) => a + statSync(join(out, f)).size, 0);
  const items = m.totals.trainItems + m.totals.validationItems;
  process.stdout.write(
    JSON.stringify({ seconds, items, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes }),
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = 1;
});
