// `t3kit train launch` run for real (the CLI in a child process, zx, bash) against stand-in
// executables on PATH that record their argv, working directory and environment.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import {
  PreflightFailed,
  type TrainingPlan,
  launchTraining,
  planTraining,
  presetSpec,
} from "../../lib/training/index";
import { debianPythonJson } from "../oracle/debian-python";
import { LONGVA_TORCHRUN_HEAD } from "./longva-torchrun-head";
import { writeLongvaClone, writeStandIns } from "./stand-ins";

const CLI = join(projectRoot, "scripts", "t3kit.cjs");

function t3kit(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, "train", ...args], {
    env: { HOME: process.env.HOME ?? "/tmp", ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace whose paths carry spaces, quotes and `$`. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "t3kit launch "));
  const longva = writeLongvaClone(join(root, "Long VA's $clone"));
  const lf = join(root, "LLaMA Factory");
  mkdirSync(join(lf, "src", "llamafactory"), { recursive: true });
  mkdirSync(join(lf, "examples", "deepspeed"), { recursive: true });
  writeFileSync(join(lf, "src", "llamafactory", "cli.py"), "");
  writeFileSync(join(lf, "src", "llamafactory", "__init__.py"), "");
  mkdirSync(join(root, "pylib", "swift"), { recursive: true });
  writeFileSync(join(root, "pylib", "swift", "__init__.py"), "");
  writeFileSync(join(lf, "examples", "deepspeed", "ds_z2_config.json"), "{}");
  mkdirSync(join(root, "data dir"));
  const data = join(root, "data dir", `mix "a" 'b' $HOME.json`);
  writeFileSync(
    data,
    JSON.stringify([
      {
        id: 1,
        conversations: [
          { from: "human", value: "q" },
          { from: "gpt", value: "a" },
        ],
      },
    ]),
  );
  const images = join(root, "images $x");
  mkdirSync(images);
  return { root, longva, lf, data, images, run: join(root, "runs", "r 1") };
}

const GIB1 = ["--checkpoint-gib", "1"];

/** `launch --preset P --data D --codebase C --out R --checkpoint-gib 1`, then `extra`. */
function launchArgs(
  preset: string,
  w: ReturnType<typeof workspace>,
  codebase: string,
  ...extra: string[]
): string[] {
  return [
    "launch",
    "--preset",
    preset,
    "--data",
    w.data,
    "--codebase",
    codebase,
    "--out",
    w.run,
    ...GIB1,
    ...extra,
  ];
}

test("LongVA on one machine: the exact torchrun command line, quoting intact, log streamed, manifest", () => {
  const s = writeStandIns();
  const w = workspace();
  const r = t3kit(
    launchArgs("longva-7b-t3", w, w.longva, "--image-folder", w.images, "--gpus", "8"),
    { PATH: s.path, T3KIT_STANDIN_LOG: s.log },
  );
  assert.equal(r.code, 0, r.stderr);
  const calls = s.records().filter((c) => c.prog !== "nvidia-smi");
  assert.equal(calls.length, 1);
  const [call] = calls;
  assert.equal(call.prog, "torchrun");
  assert.equal(call.cwd, join(w.longva, "longva"));
  assert.deepEqual(call.argv.slice(0, 11), [...LONGVA_TORCHRUN_HEAD, "longva/train/train_mem.py"]);
  const flag = (k: string) => call.argv[call.argv.indexOf(`--${k}`) + 1];
  assert.equal(flag("data_path"), w.data);
  assert.equal(flag("image_folder"), w.images);
  assert.equal(flag("output_dir"), join(w.run, "checkpoints"));
  assert.equal(flag("learning_rate"), "1e-5");
  assert.equal(flag("gradient_accumulation_steps"), "8");
  assert.deepEqual(call.env, {
    CUDA_DEVICE_MAX_CONNECTIONS: "1",
    NCCL_NET_PLUGIN: "none",
    PYTHONPATH: join(w.longva, "longva"),
  });
  const log = readFileSync(join(w.run, "train.log"), "utf8");
  assert.match(log, /stand-in torchrun: \{'loss': 1\.25, 'step': 1\}/);
  assert.match(log, /stand-in warning on stderr/);
  assert.match(r.stdout, /stand-in torchrun/); // streamed to the terminal too
  const manifest = JSON.parse(readFileSync(join(w.run, "manifest.json"), "utf8"));
  const sha = execFileSync("sha256sum", [w.data], { encoding: "utf8" }).split(" ")[0];
  assert.deepEqual(manifest.data, [
    { path: w.data, bytes: readFileSync(w.data).length, sha256: sha },
  ]);
  assert.equal(manifest.kit.name, "t3kit");
  // command.sh, run by bash, makes the same call.
  const again = writeStandIns();
  execFileSync("bash", [join(w.run, "command.sh")], {
    env: { PATH: again.path, T3KIT_STANDIN_LOG: again.log },
  });
  assert.deepEqual(again.records()[0].argv, call.argv);
  assert.equal(again.records()[0].cwd, call.cwd);
});

test("preflight refuses before anything starts, naming what to do", async () => {
  const w = workspace();
  const plan = (preset: string, o: { gpus?: number; data?: string } = {}) =>
    planTraining(presetSpec(preset), { data: o.data ?? w.data, gpus: o.gpus, runDir: w.run });
  const cases: [() => TrainingPlan, string, Record<string, string>, RegExp, number?][] = [
    [
      () => plan("longva-7b-t3"),
      w.longva,
      { T3KIT_FAKE_GPUS: "4" },
      /GPUs +4 found .*8 needed[\s\S]*--gpus 4/,
    ],
    [() => plan("longva-7b-t3"), w.longva, { T3KIT_FAKE_GPUS: "fail" }, /nvidia-smi failed/],
    [() => plan("longva-7b-t3"), w.root, {}, /--codebase must be the root of a LongVA clone/],
    [
      () => plan("longva-7b-t3", { data: join(w.root, "missing.json") }),
      w.longva,
      {},
      /FAIL data .*missing\.json is missing or unreadable/,
    ],
    [() => plan("qwen2-vl-7b-t3"), w.root, {}, /FAIL codebase .*src\/llamafactory\/cli\.py/],
    [
      () => plan("qwen2-vl-72b-t3"),
      w.root,
      { PYTHONPATH: "" },
      /FAIL import .*import swift failed: ModuleNotFoundError: No module named 'swift'/,
    ],
    [() => plan("longva-7b-t3"), w.longva, {}, /FAIL disk/, 1e18],
    [
      () => plan("qwen2-vl-72b-t3"),
      w.root,
      { T3KIT_FAKE_GPU_MIB: "16000" },
      /FAIL GPU memory +model states 17\.0 GiB per GPU \(2Ψ\/N \+ 16Ψ_L\/N\); smallest GPU 15\.6 GiB/,
    ],
  ];
  for (const [makePlan, codebase, env, message, bytes] of cases) {
    const s = writeStandIns();
    Object.assign(process.env, {
      T3KIT_STANDIN_LOG: s.log,
      T3KIT_FAKE_GPUS: "8",
      T3KIT_FAKE_GPU_MIB: "81559",
      PYTHONPATH: join(w.root, "pylib"),
      ...env,
    });
    await assert.rejects(
      launchTraining(makePlan(), { codebase, path: s.path, checkpointBytes: bytes ?? 2 ** 30 }),
      (e: unknown) => e instanceof PreflightFailed && message.test(e.message),
      String(message),
    );
    assert.deepEqual(
      s.records().filter((c) => c.prog !== "nvidia-smi"),
      [],
      "nothing started",
    );
    assert.equal(existsSync(join(w.run, "manifest.json")), false);
  }
  assert.throws(
    () => plan("longva-7b-t3", { gpus: 3 }),
    /global batch 64 cannot be split over 1 per device x 3 GPUs/,
  );
  // From the command line: the refusal is printed with what to do, exit 1.
  const bare = writeStandIns(["torchrun"]);
  const r = t3kit(launchArgs("longva-7b-t3", w, w.longva), {
    PATH: bare.path,
    T3KIT_STANDIN_LOG: bare.log,
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /FAIL nvidia-smi +not found on PATH\n +→ run on a GPU machine/);
  assert.deepEqual(bare.records(), []);
  const unknown = t3kit(["plan", "--preset", "nope"], { PATH: bare.path });
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /unknown preset "nope"/);
});

test("LLaMA-Factory: FORCE_TORCHRUN launch, and --resume from the last checkpoint-N despite overwrite_output_dir", () => {
  const s = writeStandIns();
  const w = workspace();
  const args = launchArgs("qwen2-vl-7b-t3", w, w.lf, "--gpus", "4");
  for (const n of [100, 250, 99])
    mkdirSync(join(w.run, "checkpoints", `checkpoint-${n}`), { recursive: true });
  mkdirSync(join(w.run, "checkpoints", "checkpoint-300-tmp"));
  const refused = t3kit(args, { PATH: s.path, T3KIT_STANDIN_LOG: s.log });
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /checkpoint-250: the released config sets overwrite_output_dir: true[\s\S]*pass --resume/,
  );
  const r = t3kit([...args, "--resume"], { PATH: s.path, T3KIT_STANDIN_LOG: s.log });
  assert.equal(r.code, 0, r.stderr);
  const [call] = s.records().filter((c) => c.prog === "llamafactory-cli");
  assert.deepEqual(call.argv, ["train", join(w.run, "train.yaml")]);
  assert.equal(call.cwd, w.lf);
  assert.deepEqual(call.env, { FORCE_TORCHRUN: "1", NPROC_PER_NODE: "4" });
  const yaml = debianPythonJson<Record<string, unknown>>(
    "import json,sys,yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))",
    readFileSync(join(w.run, "train.yaml"), "utf8"),
  );
  assert.equal(yaml.resume_from_checkpoint, join(w.run, "checkpoints", "checkpoint-250"));
  assert.equal(yaml.overwrite_output_dir, true);
  assert.equal(yaml.gradient_accumulation_steps, 8);
  const info = JSON.parse(readFileSync(join(w.run, "dataset_info.json"), "utf8"));
  assert.equal(info[yaml.dataset as string].file_name, w.data);
  assert.match(r.stderr, /resumed from .*checkpoint-250/);
});

test("ms-swift: swift sft with its environment; a failing run exits non-zero; resume finds nested checkpoints", () => {
  const s = writeStandIns();
  const w = workspace();
  const args = launchArgs("qwen2-vl-72b-t3", w, w.root, "--gpus", "2");
  const pylib = { PYTHONPATH: join(w.root, "pylib") };
  const failed = t3kit(args, {
    PATH: s.path,
    T3KIT_STANDIN_LOG: s.log,
    T3KIT_STANDIN_EXIT: "3",
    ...pylib,
  });
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /exit 3/);
  const [call] = s.records().filter((c) => c.prog === "swift");
  assert.equal(call.argv[0], "sft");
  assert.equal(call.argv[call.argv.indexOf("--dataset") + 1], w.data);
  assert.deepEqual(call.env, {
    SIZE_FACTOR: "8",
    MAX_PIXELS: "401408",
    NPROC_PER_NODE: "2",
    NFRAMES: "8",
    CUDA_VISIBLE_DEVICES: "0,1",
    PYTHONPATH: join(w.root, "pylib"), // inherited, not set by the kit
  });
  const nested = join(w.run, "checkpoints", "qwen2-vl-72b-instruct", "v0-20241122-135916");
  for (const n of [50, 550]) mkdirSync(join(nested, `checkpoint-${n}`), { recursive: true });
  const s2 = writeStandIns();
  const r = t3kit([...args, "--resume"], { PATH: s2.path, T3KIT_STANDIN_LOG: s2.log, ...pylib });
  assert.equal(r.code, 0, r.stderr);
  const [resumed] = s2.records().filter((c) => c.prog === "swift");
  assert.deepEqual(resumed.argv.slice(-2), [
    "--resume_from_checkpoint",
    join(nested, "checkpoint-550"),
  ]);
});

test("Slurm: sbatch script → srun per node → torchrun with --node_rank $SLURM_NODEID and MASTER_ADDR from scontrol", () => {
  const s = writeStandIns();
  const w = workspace();
  const r = t3kit(
    launchArgs("longva-7b-t3", w, w.longva, "--image-folder", w.images, "--nodes", "2"),
    { PATH: s.path, T3KIT_STANDIN_LOG: s.log },
  );
  assert.equal(r.code, 0, r.stderr);
  const calls = s.records();
  assert.deepEqual(
    calls.map((c) => c.prog),
    ["sbatch", "srun", "torchrun", "torchrun"],
  );
  assert.deepEqual(calls[0].argv, ["--parsable", join(w.run, "train.sbatch")]);
  assert.deepEqual(calls[1].argv.slice(0, 3), ["--jobid", "42", "bash"]);
  for (const [rank, call] of calls.slice(2).entries()) {
    assert.deepEqual(call.argv.slice(0, 10), [
      "--nnodes",
      "2",
      "--nproc_per_node",
      "8",
      "--node_rank",
      String(rank),
      "--master_addr",
      "gpu-node-1",
      "--master_port",
      "32456",
    ]);
    assert.equal(call.argv[call.argv.indexOf("--data_path") + 1], w.data);
    assert.equal(call.argv[call.argv.indexOf("--image_folder") + 1], w.images);
    assert.equal(call.argv[call.argv.indexOf("--gradient_accumulation_steps") + 1], "4");
    assert.equal(call.cwd, join(w.longva, "longva"));
    assert.equal(call.env.PYTHONPATH, join(w.longva, "longva"));
  }
});

test("DeepSpeed hostfile launch for clusters without Slurm", () => {
  const s = writeStandIns();
  const w = workspace();
  const r = t3kit(
    launchArgs(
      "longva-7b-t3",
      w,
      w.longva,
      ...["--nodes", "2", "--launcher", "deepspeed", "--hosts", "10.0.0.1,10.0.0.2"],
    ),
    { PATH: s.path, T3KIT_STANDIN_LOG: s.log },
  );
  assert.equal(r.code, 0, r.stderr);
  const [call] = s.records().filter((c) => c.prog === "deepspeed");
  assert.deepEqual(call.argv.slice(0, 9), [
    "--hostfile",
    join(w.run, "hostfile"),
    "--num_nodes",
    "2",
    "--num_gpus",
    "8",
    "--master_port",
    "32456",
    "longva/train/train_mem.py",
  ]);
  assert.equal(
    readFileSync(join(w.run, "hostfile"), "utf8"),
    "10.0.0.1 slots=8\n10.0.0.2 slots=8\n",
  );
});
