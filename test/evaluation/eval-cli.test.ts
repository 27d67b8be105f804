import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { dataDir } from "../../lib/paths/index";
import { tempDir, writeFiles } from "./result-fixtures";

const run = promisify(execFile);
const EXAMPLES = join(dataDir, "evaluation", "examples");

async function t3kit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ["scripts/t3kit.cjs", ...args], {
      encoding: "utf8",
      env: { ...process.env, T3KIT_OUT: tempDir("cli-out") },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)],
    );

test("eval ingest --json prints {rows} with every field; bad files exit 1 naming the file", async () => {
  const files = filesUnder(join(EXAMPLES, "longva-baseline"));
  const r = await t3kit("eval", "ingest", ...files, "--run", "base", "--json");
  assert.equal(r.code, 0, r.stderr);
  const { rows } = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
  for (const k of ["run", "benchmark", "dimension", "metric", "value", "evaluator", "source"]) {
    assert.ok(
      rows.every((row) => k in row),
      `every row has ${k}`,
    );
  }
  assert.ok(
    rows.some((row) => row.benchmark === "videomme" && row.dimension === "temporal_reasoning"),
  );
  assert.ok(rows.every((row) => row.run === "base"));
  const [bad] = writeFiles("cli-bad", { "x.json": '{"hello": 1}' });
  const b = await t3kit("eval", "ingest", bad, "--run", "x");
  assert.equal(b.code, 1);
  assert.match(
    b.stderr,
    new RegExp(
      `t3kit eval ingest: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: JSON in no known format`,
    ),
  );
  const u = await t3kit("eval", "ingest", bad);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /^t3kit eval ingest: --run NAME is required/);
});

test("eval correlate prints {benchmark: {r, p, n}}; fewer than three runs exits 1 naming file and column", async () => {
  const r = await t3kit("eval", "correlate", join(EXAMPLES, "correlation-points-approx.csv"));
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, { r: number; p: number; n: number }>;
  assert.deepEqual(Object.keys(out), ["tempcompass", "mlvu", "videomme"]);
  assert.equal(out.mlvu.n, 12);
  assert.ok(
    Math.abs(out.mlvu.r - 0.85) < 0.01,
    `MLVU r from the approximate points: ${out.mlvu.r}`,
  );
  const [two] = writeFiles("cli-two", { "two.csv": "run,textual,mlvu\na,50,40\nb,60,45\n" });
  const t = await t3kit("eval", "correlate", two);
  assert.equal(t.code, 1);
  assert.match(
    t.stderr,
    /two\.csv, field mlvu: 2 runs with values; a correlation needs at least 3/,
  );
});

test("eval compare --json: paper rows, the runs, and intervals only where per-question results exist", async () => {
  const base = filesUnder(join(EXAMPLES, "longva-baseline")).join(",");
  const t3 = filesUnder(join(EXAMPLES, "longva-t3")).join(",");
  const sheet = join(EXAMPLES, "longva-t3-spreadsheet.csv");
  const r = await t3kit(
    "eval",
    "compare",
    "--run",
    `base=${base}`,
    "--run",
    `t3=${t3}`,
    "--run",
    `sheet=${sheet}`,
    "--baseline",
    "base",
    "--bootstrap",
    "200",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    comparisons: { benchmark: string; rows: { label: string; origin: string }[] }[];
    differences: {
      run: string;
      benchmark: string;
      dimension: string;
      low: number | null;
      note: string;
    }[];
  };
  assert.deepEqual(
    out.comparisons.map((c) => c.benchmark),
    ["tempcompass", "videomme", "mlvu"],
  );
  const t3Overall = out.differences.find(
    (d) => d.run === "t3" && d.benchmark === "videomme" && d.dimension === "overall",
  )!;
  assert.equal(typeof t3Overall.low, "number");
  const sheetOverall = out.differences.find(
    (d) => d.run === "sheet" && d.benchmark === "videomme",
  )!;
  assert.equal(sheetOverall.low, null);
  assert.match(sheetOverall.note, /no interval: run sheet has only aggregate numbers/);
  const again = await t3kit(
    "eval",
    "compare",
    "--run",
    `base=${base}`,
    "--run",
    `t3=${t3}`,
    "--baseline",
    "base",
    "--bootstrap",
    "200",
    "--json",
  );
  const first = JSON.parse(r.stdout).differences.filter((d: { run: string }) => d.run === "t3");
  assert.deepEqual(
    JSON.parse(again.stdout).differences,
    first,
    "same inputs and seed, same intervals",
  );
});

interface Seen {
  model: string;
  temperature: number;
  messages: { role: string; content: string }[];
}

test("eval textual: questions reach a real 127.0.0.1 server unchanged; accuracy per file from the shared scoring", async () => {
  const options = [
    "(A) a cat, a dog (B) a dog, a cat (C) a bird, a cat",
    '(A) 星空 🌌 (B) dark (C) bright "quoted"',
  ];
  const items = Array.from({ length: 8 }, (_, i) => ({
    question: `Captions:\n(A) caption that looks like an option\nrow ${i} 時間 🎬 \\ "esc"\nQuestion: which?\n${options[i % 2]}\n\nOnly give the best option:\n`,
    answer: i % 2 === 0 ? "(B) a dog, a cat" : '(C) bright "quoted"',
    qid: `val-${i}`,
  }));
  // By construction: items 0-3 answered right (letter, text, "The best answer is", bracket),
  // items 4-5 wrong, items 6-7 unreadable.
  const replies = [
    "B",
    'bright "quoted"',
    "The best answer is B.",
    "(C)",
    "A",
    "(A) 星空 🌌",
    "I am not sure.",
    "",
  ];
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const parsed = JSON.parse(body) as Seen;
    seen.push(parsed);
    const i = items.findIndex((it) => it.question === parsed.messages[0].content);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        choices: [
          { index: 0, message: { role: "assistant", content: replies[i] }, finish_reason: "stop" },
        ],
      }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  try {
    const [f1, f2] = writeFiles("textual", {
      "first_val.jsonl": `${items
        .slice(0, 4)
        .map((x) => JSON.stringify(x))
        .join("\n")}\n`,
      "second_val.json": JSON.stringify(items.slice(4)),
    });
    const r = await t3kit(
      "eval",
      "textual",
      "--endpoint",
      `http://127.0.0.1:${port}/v1`,
      "--model",
      "m-7b",
      "--files",
      `${f1},${f2}`,
      "--no-cache",
      "--json",
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      files: [
        { file: f1, n: 4, accuracy: 1 },
        { file: f2, n: 4, accuracy: 0 },
      ],
    });
    assert.equal(seen.length, 8);
    for (const s of seen) {
      assert.equal(s.model, "m-7b");
      assert.equal(s.temperature, 0);
      assert.equal(s.messages.length, 1);
      assert.equal(s.messages[0].role, "user");
      assert.ok(
        items.some((it) => it.question === s.messages[0].content),
        "the question, byte for byte",
      );
    }
    const [noAnswer, twice, noOption] = writeFiles("textual-bad", {
      "a.jsonl": `${JSON.stringify(items[0])}\n${JSON.stringify({ question: items[1].question, qid: "x" })}\n`,
      "b.jsonl": `${JSON.stringify(items[0])}\n${JSON.stringify(items[0])}\n`,
      "c.jsonl": `${JSON.stringify({ ...items[0], answer: "(D) nothing" })}\n`,
    });
    const a = await t3kit(
      "eval",
      "textual",
      "--endpoint",
      `http://127.0.0.1:${port}`,
      "--model",
      "m",
      "--files",
      noAnswer,
      "--no-cache",
    );
    assert.equal(a.code, 1);
    assert.match(
      a.stderr,
      /a\.jsonl, line 2, field answer: expected a non-empty string, got undefined/,
    );
    const b = await t3kit(
      "eval",
      "textual",
      "--endpoint",
      `http://127.0.0.1:${port}`,
      "--model",
      "m",
      "--files",
      twice,
      "--no-cache",
    );
    assert.match(b.stderr, /b\.jsonl, line 2, field qid: qid val-0 appears twice/);
    const c = await t3kit(
      "eval",
      "textual",
      "--endpoint",
      `http://127.0.0.1:${port}`,
      "--model",
      "m",
      "--files",
      noOption,
      "--no-cache",
    );
    assert.match(c.stderr, /c\.jsonl, line 1, field answer: names no option of the question/);
    assert.equal(seen.length, 8, "nothing is asked when a file is bad");
  } finally {
    server.close();
  }
});
