// Defect 12: every option a command takes is in its usage line and described, and
// `tokens report` writes where --out says rather than always into the kit's out/.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["scripts/t3kit.cjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

/** The lines of a usage text that describe `--flag` (start with it, after spaces). */
function described(help: string, flag: string): boolean {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return help.split("\n").some((l) => new RegExp(`^\\s+${escaped}(\\s|$)`).test(l));
}

test("synthesize: --pool-size is described with its default", () => {
  const help = cli(["synthesize", "--help"]).stdout;
  assert.ok(described(help, "--pool-size <N>"));
  assert.match(
    help,
    /--pool-size <N> +captions held in memory per split to draw from\s+\(default:\s+4096\)/,
  );
});

test("tokens: filter's --report FILE and report's --out DIR are described", () => {
  const filter = cli(["tokens", "filter", "--help"]).stdout;
  assert.ok(described(filter, "--report <FILE>"), filter);
  const report = cli(["tokens", "report", "--help"]).stdout;
  assert.ok(described(report, "--out <DIR>"), report);
  assert.match(report, /where tables\/ and figures\/ go/);
});

test("tokens report --out DIR writes its tables and figures there, nothing to $T3KIT_OUT", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-report-out-"));
  const kitOut = join(dir, "kit-out");
  const out = join(dir, "mine");
  const r = cli(
    [
      "tokens",
      "report",
      "--tokenizer",
      "words",
      "--workers",
      "0",
      "--out",
      out,
      "data/llava/llava-sample.json",
    ],
    { T3KIT_OUT: kitOut },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readdirSync(join(out, "tables")).includes("tokens-by-mix.csv"));
  assert.ok(readdirSync(join(out, "figures")).some((f) => f.startsWith("tokens-histogram")));
  assert.ok(!existsSync(kitOut), "report wrote into the kit's out/");
});
