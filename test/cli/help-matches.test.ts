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
  return help.split("\n").some((l) => new RegExp(`^\\s+${flag}\\b`).test(l));
}

test("synthesize: --pool-size is in the usage line and described", () => {
  const help = cli(["synthesize", "--help"]).stdout;
  const usageLines = help.split("\n\n")[0];
  assert.match(usageLines, /--pool-size N/);
  assert.ok(described(help, "--pool-size"));
});

test("tokens: --report FILE and report's --out DIR are described", () => {
  const help = cli(["tokens", "--help"]).stdout;
  assert.match(help, /tokens report .*--out DIR/);
  assert.ok(described(help, "--report FILE"), help);
  assert.ok(described(help, "--out DIR"), help);
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
