/**
 * `npm run bench:tokens [-- --records N --sample N]`: builds a synthetic 1M-record
 * LLaVA/T3 mix in a temp folder and counts it fully (text + LongVA template + visual)
 * with the default Qwen2 tokenizer on every core, then counts the first `--sample`
 * records (default 20k) with each implementation (Qwen2 cached, Rust and pure JS, cl100k,
 * o200k, words). Prints tokens per second, tokens per CPU-second ("per core"), wall time and
 * peak memory. Target: the full 1M-record count in under 3 minutes on 2 cores.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writePythonJsonItemsFile } from "../lib/json/index";
import { readRecords } from "../lib/json/index";
import { countFileTokens } from "../lib/token-counting/index";
import { writeSyntheticTokenMix } from "../test/fixtures/synthetic-token-mix";

interface Run {
  label: string;
  records: number;
  tokens: number;
  /** Tokens the tokenizer produced (text + template; visual tokens are arithmetic). */
  tokenized: number;
  wall: number;
  cpu: number;
}

async function countRun(
  label: string,
  path: string,
  options: Parameters<typeof countFileTokens>[1],
): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  let tokens = 0;
  let tokenized = 0;
  for await (const row of countFileTokens(path, options)) {
    records++;
    tokens += row.total_tokens;
    tokenized += row.text_tokens + row.template_tokens;
    if (records % 200000 === 0) process.stderr.write(`  ${label}: ${records} records\n`);
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  return { label, records, tokens, tokenized, wall, cpu: (c.user + c.system) / 1e6 };
}

function print(r: Run): void {
  const perCore = r.tokenized / r.cpu;
  console.log(
    `${r.label.padEnd(34)} ${String(r.records).padStart(8)} rec ${String(r.tokens).padStart(11)} tok ` +
      `${r.wall.toFixed(1).padStart(7)} s wall ${(r.cpu / r.wall).toFixed(2)} cores ` +
      `${Math.round(r.tokenized / r.wall)
        .toLocaleString("en")
        .padStart(11)} tokenized/s ` +
      `${Math.round(perCore).toLocaleString("en").padStart(11)} tokenized/CPU-s`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { records: { type: "string" }, sample: { type: "string" }, keep: { type: "boolean" } },
  });
  const n = Number(values.records ?? 1_000_000);
  const sample = Math.min(n, Number(values.sample ?? 20_000));
  const dir = mkdtempSync(join(tmpdir(), "t3kit-bench-tokens-"));
  try {
    const path = join(dir, "mix.json");
    let t0 = performance.now();
    const bytes = await writeSyntheticTokenMix(path, n);
    console.log(
      `built ${n} records, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const samplePath = join(dir, "sample.json");
    async function* firstRecords() {
      for await (const { index, record } of readRecords(path)) {
        if (index >= sample) return;
        yield record;
      }
    }
    await writePythonJsonItemsFile(samplePath, firstRecords(), {});

    t0 = performance.now();
    const full = await countRun("qwen2 cached (default), longva", path, { template: "longva" });
    print(full);
    console.log(`full count of ${n} records: ${full.wall.toFixed(1)} s wall (target < 180 s)`);

    console.log(`\nimplementations on the first ${sample} records (text + template + visual):`);
    const runs: [string, Parameters<typeof countFileTokens>[1]][] = [
      ["qwen2 cached, 2 workers (default)", {}],
      ["qwen2 cached, main thread", { workers: 0 }],
      ["qwen2 rust, main thread + rayon", { qwen2Implementation: "rust" }],
      ["qwen2 rust, 2 workers", { qwen2Implementation: "rust", workers: 2 }],
      ["qwen2 js, 2 workers", { qwen2Implementation: "js" }],
      ["cl100k, 2 workers", { tokenizer: "cl100k" }],
      ["o200k, 2 workers", { tokenizer: "o200k" }],
      ["words, 2 workers", { tokenizer: "words" }],
    ];
    for (const [label, options] of runs)
      print(await countRun(label, samplePath, { template: "longva", ...options }));
    console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
