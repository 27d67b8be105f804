/**
 * `npm run bench:synthesize`: synthesises every task at 1x/2x/4x/8x from 558,000
 * synthetic captions (the size of LLaVA-ReCap-558K) and prints items per second and peak
 * memory. The captions are composed first (not timed); each synthesis runs in a child
 * process so its peak RSS is its own. Runs at a quarter of the captions too, to show that
 * memory does not grow with the caption count; and a small run without noun-phrase
 * annotations plus a tagging pass (`synthesize annotate`), to measure the compromise
 * tagger's cost.
 *   npm run bench:synthesize [-- --captions 558000 --per-task 15000]
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PythonRandom } from "../lib/pyrandom/index";
import { composeCaption } from "../lib/synthesis/captions/compose-captions";

const { values } = parseArgs({
  options: {
    captions: { type: "string", default: "558000" },
    "per-task": { type: "string", default: "15000" },
    keep: { type: "boolean", default: false },
  },
});
const total = Number(values.captions);
const perTask = values["per-task"]!;
const dir = mkdtempSync(join(tmpdir(), "t3kit-bench-synth-"));

async function composeFile(file: string, count: number, annotated: boolean): Promise<void> {
  const rng = new PythonRandom(558);
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const c = composeCaption(rng, i);
    const line = annotated ? JSON.stringify(c) : JSON.stringify({ id: c.id, caption: c.caption });
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

interface RunResult {
  seconds: number;
  items: number;
  maxRssMiB: number;
  bytes: number;
}

function run(captions: string, out: string, extra: string[]): RunResult {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "synthesize-child.ts"), captions, out, ...extra],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`synthesis failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as RunResult;
}

function report(label: string, captions: number, r: RunResult): void {
  process.stdout.write(
    `${label.padEnd(34)} ${String(captions).padStart(7)} captions  ${String(r.items).padStart(7)} items  ` +
      `${r.seconds.toFixed(1).padStart(5)} s  ${Math.round(r.items / r.seconds)
        .toString()
        .padStart(6)} items/s  ` +
      `peak RSS ${r.maxRssMiB.toFixed(0)} MiB  output ${(r.bytes / 2 ** 20).toFixed(0)} MiB\n`,
  );
}

async function main(): Promise<void> {
  const full = join(dir, "captions-full.jsonl");
  const quarter = join(dir, "captions-quarter.jsonl");
  const plain = join(dir, "captions-plain.jsonl");
  const t = performance.now();
  await composeFile(full, total, true);
  await composeFile(quarter, Math.floor(total / 4), true);
  await composeFile(plain, 20_000, false);
  process.stdout.write(
    `composed ${total} synthetic captions (${(statSync(full).size / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );
  const all = ["--per-task", perTask];
  report("all tasks, 1x-8x, annotated", total, run(full, join(dir, "out-full"), all));
  report(
    "same, a quarter of the captions",
    Math.floor(total / 4),
    run(quarter, join(dir, "out-quarter"), all),
  );
  report(
    "not annotated (tagged on the fly)",
    20_000,
    run(plain, join(dir, "out-plain"), ["--per-task", "2000", "--lengths", "1"]),
  );
  const tagged = run(plain, join(dir, "plain-annotated.jsonl"), ["--annotate"]);
  const perSecond = tagged.items / tagged.seconds;
  process.stdout.write(
    `${"synthesize annotate (tagging only)".padEnd(34)} ${String(tagged.items).padStart(7)} captions  ` +
      `${tagged.seconds.toFixed(1).padStart(5)} s  ${Math.round(perSecond)} captions/s  ` +
      `(558,000 captions: about ${(558_000 / perSecond / 60).toFixed(1)} min, once per caption set)\n`,
  );
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`kept ${dir}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = 1;
});
