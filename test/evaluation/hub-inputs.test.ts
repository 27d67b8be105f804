// Hub mode for evaluation: every `t3kit eval` file argument takes a `hub:` path (fetched
// from a real HTTP stand-in of the Hub on 127.0.0.1 into a temp cache), with the same
// output as the local file gives; and notebook 07's textual files are the released
// tobiaslee/text_temporal ones when T3KIT_SOURCE=hub.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join, relative } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { evaluationExamples, evaluationInputs } from "../../lib/evaluation/index";
import { dataSource } from "../../lib/hub/index";
import { projectRoot } from "../../lib/paths/index";
import { STAGE_SOURCES } from "../../lib/records/index";
import { HubStandIn, commitId } from "../hub/hub-stand-in";
import { tempDir } from "./result-fixtures";

const ex = evaluationExamples();
const hub = new HubStandIn();
let home = "";
let endpoint = "";
const answered: string[] = [];
const chat = createServer(async (req: IncomingMessage, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  const q = (JSON.parse(body) as { messages: { content: string }[] }).messages[0].content;
  answered.push(q);
  res.writeHead(200, { "content-type": "application/json" });
  // "A" for every question: a file's accuracy is its share of answers "(A) …".
  const message = { role: "assistant", content: "A" };
  res.end(JSON.stringify({ choices: [{ index: 0, message, finish_reason: "stop" }] }));
});

// The example runs under their own relative paths (one LFS file among them), and the two
// textual validation files under their released names.
const runFiles = [...ex.baseline, ex.correlation].map((f) => relative(projectRoot, f));

before(async () => {
  const runs = commitId("eval-runs");
  hub.addRepo({
    type: "dataset",
    id: "t3kit/eval-runs",
    commits: new Map([
      [runs, runFiles.map((path, i) => ({ path, data: readFileSync(path), lfs: i === 0 }))],
    ]),
    refs: new Map([["main", runs]]),
  });
  const released = commitId("text_temporal");
  hub.addRepo({
    type: "dataset",
    id: "tobiaslee/text_temporal",
    commits: new Map([
      [released, ex.textual.map((f) => ({ path: basename(f), data: readFileSync(f), lfs: false }))],
    ]),
    refs: new Map([["main", released]]),
  });
  await hub.start();
  home = tempDir("hub-home");
  await new Promise<void>((ok) => chat.listen(0, "127.0.0.1", ok));
  endpoint = `http://127.0.0.1:${(chat.address() as AddressInfo).port}/v1`;
});

after(async () => {
  await hub.stop();
  chat.close();
});

const hubEnv = () => ({
  ...process.env,
  HF_ENDPOINT: hub.url,
  HF_HOME: home,
  HF_TOKEN: "",
  HF_HUB_CACHE: "",
});

async function t3kit(args: string[]) {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "scripts", "t3kit.cjs"), ...args],
      { env: hubEnv(), maxBuffer: 1 << 26, cwd: projectRoot },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const hubPath = (file: string) => `hub:t3kit/eval-runs/${relative(projectRoot, file)}`;
const local = (file: string) => relative(projectRoot, file);

test("eval ingest, compare and correlate read hub: paths: the same numbers as the local files, sources in the Hub cache", async () => {
  const fromHub = await t3kit([
    "eval",
    "ingest",
    ...ex.baseline.map(hubPath),
    "--run",
    "b",
    "--json",
  ]);
  assert.equal(fromHub.code, 0, fromHub.stderr);
  const fromDisk = await t3kit([
    "eval",
    "ingest",
    ...ex.baseline.map(local),
    "--run",
    "b",
    "--json",
  ]);
  type Row = Record<string, unknown> & { source: string };
  const hubRows = (JSON.parse(fromHub.stdout) as { rows: Row[] }).rows;
  const diskRows = (JSON.parse(fromDisk.stdout) as { rows: Row[] }).rows;
  assert.equal(hubRows.length, diskRows.length);
  hubRows.forEach((row, i) => {
    assert.ok(row.source.startsWith(join(home, "hub")), row.source);
    assert.ok(row.source.endsWith(basename(diskRows[i].source)), row.source);
    assert.deepEqual({ ...row, source: "" }, { ...diskRows[i], source: "" });
  });

  const run = (files: string[]) => `b=${files.join(",")}`;
  const compareHub = await t3kit(["eval", "compare", "--run", run(ex.baseline.map(hubPath))]);
  const compareDisk = await t3kit(["eval", "compare", "--run", run(ex.baseline.map(local))]);
  assert.equal(compareHub.code, 0, compareHub.stderr);
  assert.equal(compareHub.stdout, compareDisk.stdout);

  const corrHub = await t3kit(["eval", "correlate", hubPath(ex.correlation)]);
  const corrDisk = await t3kit(["eval", "correlate", local(ex.correlation)]);
  assert.equal(corrHub.code, 0, corrHub.stderr);
  assert.equal(corrHub.stdout, corrDisk.stdout);

  const missing = await t3kit(["eval", "correlate", "hub:t3kit/eval-runs/no-such.csv"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^t3kit eval correlate: .*no-such\.csv.*\n$/);
});

test("eval textual --files hub:tobiaslee/text_temporal/…: every released question asked once, accuracy as for the local files", async () => {
  const specs = ex.textual.map((f) => `hub:tobiaslee/text_temporal/${basename(f)}`);
  answered.length = 0;
  const r = await t3kit([
    ...["eval", "textual", "--endpoint", endpoint, "--model", "m"],
    ...["--files", specs.join(","), "--no-cache", "--json"],
  ]);
  assert.equal(r.code, 0, r.stderr);
  const rows = ex.textual.map((f) =>
    readFileSync(f, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { question: string; answer: string }),
  );
  assert.deepEqual(
    answered.sort(),
    rows
      .flat()
      .map((q) => q.question)
      .sort(),
  );
  const out = JSON.parse(r.stdout) as { files: { file: string; n: number; accuracy: number }[] };
  out.files.forEach((f, i) => {
    assert.ok(f.file.startsWith(join(home, "hub")), f.file);
    assert.ok(f.file.endsWith(basename(ex.textual[i])), f.file);
    assert.equal(f.n, rows[i].length);
    const share = rows[i].filter((q) => q.answer.startsWith("(A)")).length / rows[i].length;
    assert.equal(f.accuracy, share);
  });
  // Progress is the command line's one reporter: "done / total answers" lines on stderr.
  const total = rows.flat().length;
  assert.match(r.stderr, new RegExp(`^${total} / ${total} answers$`, "m"));
});

test("with T3KIT_SOURCE=hub, notebook 07's textual files are the released validation files", async () => {
  assert.deepEqual(STAGE_SOURCES.evaluation.hub, [
    "hub:tobiaslee/text_temporal/attribute_val_long.jsonl",
    "hub:tobiaslee/text_temporal/order_val_long.jsonl",
  ]);
  const env = { ...hubEnv(), T3KIT_SOURCE: "hub" };
  assert.match(
    dataSource("evaluation", env),
    /Hugging Face Hub .*tobiaslee\/text_temporal\/order_val_long\.jsonl/,
  );
  const saved = { HF_ENDPOINT: process.env.HF_ENDPOINT, HF_HOME: process.env.HF_HOME };
  process.env.HF_ENDPOINT = hub.url;
  process.env.HF_HOME = home;
  try {
    const inputs = await evaluationInputs(env);
    assert.deepEqual(
      inputs.textual.map((f) => readFileSync(f, "utf8")),
      ex.textual.map((f) => readFileSync(f, "utf8")),
    );
    for (const f of inputs.textual) assert.ok(f.startsWith(join(home, "hub")), f);
    assert.deepEqual(inputs.baseline, ex.baseline, "the example runs stay embedded");
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  assert.deepEqual((await evaluationInputs({})).textual, ex.textual);
});
