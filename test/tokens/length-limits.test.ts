// The paper's three length limits, and the boundary of a filter: planted bugs in the
// preset values or in `<=` once went unnoticed because no test record came near a limit.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { lengthPresets } from "../../lib/token-counting/index";

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", "tokens", ...args], { encoding: "utf8" });

test("the presets are the released scripts' values", () => {
  // llyx97/video-t3: longva_t3.sh --model_max_length 32768; llama_factory_7b_config.yaml
  // cutoff_len 8192; run_72b_video.sh --max_length 5120 with MAX_PIXELS=401408.
  assert.equal(lengthPresets.longva.maxTokens, 32768);
  assert.equal(lengthPresets["qwen2vl-7b"].maxTokens, 8192);
  assert.equal(lengthPresets["qwen2vl-72b"].maxTokens, 5120);
  assert.equal(lengthPresets["qwen2vl-72b"].visual.maxPixels, 401408);
  assert.equal(lengthPresets.longva.template, "longva");
  assert.equal(lengthPresets["qwen2vl-7b"].template, "qwen2vl");
});

const dir = mkdtempSync(join(tmpdir(), "t3kit-limits-"));
const file = join(dir, "mix.jsonl");
const turn = (from: string, value: string) => ({ from, value });
writeFileSync(
  file,
  [
    {
      id: "short-1",
      conversations: [turn("human", "What happens first?"), turn("gpt", "The dog runs.")],
    },
    // About 6,000 Qwen2 tokens (" word" is one token): over 5120, under 8192.
    {
      id: "long-1",
      conversations: [turn("human", `Summarise:${" word".repeat(6000)}`), turn("gpt", "Words.")],
    },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n"),
);

function filter(args: string[]): { kept: number; dropped: number; out: string } {
  const out = join(dir, `out-${args.join("-")}.jsonl`);
  const report = join(dir, `report-${args.join("-")}.json`);
  const r = cli(["filter", ...args, "--workers", "0", "--out", out, "--report", report, file]);
  assert.equal(r.status, 0, r.stderr);
  const rep = JSON.parse(readFileSync(report, "utf8"));
  return { kept: rep.kept, dropped: rep.dropped, out: readFileSync(out, "utf8") };
}

test("a record of about 6k tokens is dropped under the 72B preset and kept under the others", () => {
  const big = filter(["--preset", "qwen2vl-72b"]);
  assert.deepEqual([big.kept, big.dropped], [1, 1]);
  assert.doesNotMatch(big.out, /long-1/);
  for (const preset of ["qwen2vl-7b", "longva"]) {
    const r = filter(["--preset", preset]);
    assert.deepEqual([r.kept, r.dropped], [2, 0], preset);
  }
});

test("a record whose total equals --max-tokens is kept; one token less drops it", () => {
  const count = cli(["count", "--workers", "0", file]);
  assert.equal(count.status, 0, count.stderr);
  const rows = count.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const long = rows.find((r) => r.id === "long-1");
  assert.ok(long.total_tokens > 5120 && long.total_tokens < 8192, String(long.total_tokens));
  const at = filter(["--max-tokens", String(long.total_tokens)]);
  assert.deepEqual([at.kept, at.dropped], [2, 0]);
  const under = filter(["--max-tokens", String(long.total_tokens - 1)]);
  assert.deepEqual([under.kept, under.dropped], [1, 1]);
});
