/**
 * Checks made before any GPU hour is spent: the GPUs (nvidia-smi found, enough of them,
 * enough memory for the plan's model states), the codebase (its entry point and configs),
 * the data files, the output folder (checkpoints already there and what the codebase would
 * do with them) and free disk for checkpoints. Each failed check says what to do.
 */
import { constants, accessSync, existsSync, statSync, statfsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import type * as Zx from "zx";

// zx loads with the first program run, not with the library (about 0.2 s).
const zx = (): typeof Zx => require("zx");
import { planModelStateMemory } from "../plan/memory-estimate";
import type { TrainingPlan } from "../plan/plan-training";
import type { Codebase } from "../presets/training-preset";
import type { Launcher } from "../render/codebase-run";
import type { Checkpoint } from "./find-last-checkpoint";

export interface PreflightCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do when the check failed. */
  fix?: string;
}

export interface PreflightOptions {
  codebase: string;
  launcher: Launcher;
  resume: boolean;
  /** The last checkpoint under the plan's output folder (launch-training.ts finds it once). */
  lastCheckpoint: Checkpoint | undefined;
  /** PATH to search programs on (default: the process's). */
  path?: string;
  env?: Record<string, string | undefined>;
  /** Disk one checkpoint needs (bytes); default: the estimate of `checkpointBytes`. */
  checkpointBytes?: number;
}

export interface GpuInfo {
  index: number;
  name: string;
  memoryMiB: number;
}

/** The file of `program` on PATH, or undefined. */
export function findProgram(program: string, path = process.env.PATH ?? ""): string | undefined {
  if (program.includes("/")) return isExecutable(program) ? program : undefined;
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const p = join(dir, program);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits`, parsed. */
export function parseNvidiaSmi(csv: string): GpuInfo[] {
  return csv
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const parts = l.split(",").map((x) => x.trim());
      return {
        index: Number(parts[0]),
        name: parts.slice(1, -1).join(","),
        memoryMiB: Number(parts[parts.length - 1]),
      };
    })
    .filter((g) => Number.isFinite(g.index) && Number.isFinite(g.memoryMiB));
}

/** What preflight knows of each codebase's checkout. */
interface Checkout {
  /** The launcher program on PATH. */
  program: string;
  /** The entry point and the files the released arguments name relative to the checkout. */
  files(plan: TrainingPlan, codebase: string): string[];
  /** The Python module the entry point imports, and the PYTHONPATH it runs with. */
  module: string;
  pythonPath?: (codebase: string) => string;
  /** What --codebase must be. */
  hint: string;
}

const CHECKOUTS: Record<Codebase, Checkout> = {
  longva: {
    program: "torchrun",
    files: (_plan, codebase) => [
      join(codebase, "longva", "longva", "train", "train_mem.py"),
      join(codebase, "longva", "scripts", "zero3.json"),
    ],
    module: "longva.train.train",
    pythonPath: (codebase) => join(codebase, "longva"),
    hint: "the root of a LongVA clone (it holds longva/longva/train/train_mem.py)",
  },
  llamafactory: {
    program: "llamafactory-cli",
    files: (plan, codebase) => {
      const ds = plan.args.find((a) => a.key === "deepspeed")?.value;
      const files = [join(codebase, "src", "llamafactory", "cli.py")];
      if (typeof ds === "string") files.push(ds.startsWith("/") ? ds : join(codebase, ds));
      return files;
    },
    module: "llamafactory",
    pythonPath: (codebase) => join(codebase, "src"),
    hint: "a LLaMA-Factory checkout (src/llamafactory, examples/deepspeed)",
  },
  "ms-swift": {
    program: "swift",
    files: () => [],
    module: "swift",
    hint: "any folder (ms-swift is an installed package)",
  },
};

/** The codebase's entry point and the files its released arguments name relative to it. */
export function codebaseFiles(
  plan: TrainingPlan,
  codebase: string,
): { program: string; files: string[] } {
  const c = CHECKOUTS[plan.codebase];
  return { program: c.program, files: c.files(plan, codebase) };
}

export async function preflight(
  plan: TrainingPlan,
  o: PreflightOptions,
): Promise<PreflightCheck[]> {
  const path = o.path ?? process.env.PATH ?? "";
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck) => checks.push(c);
  // GPUs: on this machine for a local run; a Slurm job's GPUs are on its nodes.
  if (o.launcher === "slurm") {
    const sbatch = findProgram("sbatch", path);
    add({
      name: "sbatch",
      ok: sbatch !== undefined,
      detail: sbatch ?? "not found on PATH",
      fix: "run the launch on a Slurm login node, or use --launcher local / deepspeed",
    });
  } else {
    for (const c of await gpuChecks(plan, path, o.env)) add(c);
  }
  const { program, files } = codebaseFiles(plan, o.codebase);
  const found = findProgram(o.launcher === "deepspeed" ? "deepspeed" : program, path);
  add({
    name: "entry point",
    ok: found !== undefined,
    detail: found ?? `${o.launcher === "deepspeed" ? "deepspeed" : program} not found on PATH`,
    fix: `activate the environment that has ${plan.codebase}'s launcher (${program}) on PATH`,
  });
  for (const f of files)
    add({
      name: "codebase",
      ok: existsSync(f),
      detail: f,
      fix: `--codebase must be ${CHECKOUTS[plan.codebase].hint}; ${f} is missing`,
    });
  if (found !== undefined && files.every((f) => existsSync(f)))
    add(await importCheck(plan, o.codebase, path, o.env));
  for (const f of plan.dataFiles)
    add(readable("data", f, "convert or mix the data first (t3kit train convert / t3kit mix run)"));
  if (plan.dataFiles.length === 0)
    add({
      name: "data",
      ok: false,
      detail: "no data file",
      fix: "give --data FILE or data.path in the spec",
    });
  for (const [name, dir] of [
    ["image folder", plan.imageFolder],
    ["video folder", plan.videoFolder],
  ] as const)
    if (dir !== undefined) add(readable(name, dir, `check --${name.replace(" ", "-")}`));
  add(checkpointCheck(plan, o.resume, o.lastCheckpoint));
  add(diskCheck(plan, o.checkpointBytes ?? checkpointBytes(plan)));
  return checks;
}

/**
 * `python3 -c "import MODULE"` when a python3 is on PATH: a checkout whose dependencies are
 * not installed fails here, not minutes into a GPU job. Without python3 it is not checked.
 */
async function importCheck(
  plan: TrainingPlan,
  codebase: string,
  path: string,
  env?: Record<string, string | undefined>,
): Promise<PreflightCheck> {
  const python = findProgram("python3", path);
  const { module, pythonPath: pythonPathOf } = CHECKOUTS[plan.codebase];
  const pythonPath = pythonPathOf?.(codebase);
  if (!python)
    return {
      name: "import",
      ok: true,
      detail: `python3 not on PATH: import ${module} not checked`,
    };
  const base: Record<string, string | undefined> = { ...process.env, ...env, PATH: path };
  const PYTHONPATH = pythonPath
    ? [pythonPath, base.PYTHONPATH].filter((p) => p).join(delimiter)
    : base.PYTHONPATH;
  const r = await zx().$({
    nothrow: true,
    quiet: true,
    timeout: "120s",
    env: { ...base, PYTHONPATH },
  })`${python} -c ${`import ${module}`}`;
  const last = r.stderr.trim().split("\n").pop() ?? "";
  return {
    name: "import",
    ok: r.exitCode === 0,
    detail:
      r.exitCode === 0
        ? `${python}: import ${module}`
        : `${python}: import ${module} failed: ${last}`,
    fix: `install ${plan.codebase}'s Python dependencies in the environment whose python3 is on PATH`,
  };
}

function readable(name: string, p: string, fix: string): PreflightCheck {
  try {
    accessSync(p, constants.R_OK);
    return { name, ok: true, detail: p };
  } catch {
    return { name, ok: false, detail: `${p} is missing or unreadable`, fix };
  }
}

async function gpuChecks(
  plan: TrainingPlan,
  path: string,
  env?: Record<string, string | undefined>,
): Promise<PreflightCheck[]> {
  const smi = findProgram("nvidia-smi", path);
  if (!smi)
    return [
      {
        name: "nvidia-smi",
        ok: false,
        detail: "not found on PATH",
        fix: "run on a GPU machine with the NVIDIA driver, or use --launcher slurm from a login node",
      },
    ];
  const r = await zx().$({
    nothrow: true,
    quiet: true,
    env: { ...process.env, ...env, PATH: path },
  })`${smi} --query-gpu=index,name,memory.total --format=csv,noheader,nounits`;
  const gpus = r.exitCode === 0 ? parseNvidiaSmi(r.stdout) : [];
  const need = plan.hardware.gpusPerNode;
  const checks: PreflightCheck[] = [
    {
      name: "GPUs",
      ok: gpus.length >= need,
      detail:
        r.exitCode === 0
          ? `${gpus.length} found (${gpus.map((g) => g.name).join(", ") || "none"}), ${need} needed`
          : `nvidia-smi failed: ${r.stderr.trim()}`,
      fix: `run on a machine with ${need} GPUs, or plan for ${gpus.length} with --gpus ${gpus.length}`,
    },
  ];
  if (gpus.length > 0) {
    const est = planModelStateMemory(plan);
    const smallest = Math.min(...gpus.slice(0, need).map((g) => g.memoryMiB)) / 1024;
    checks.push({
      name: "GPU memory",
      ok: smallest >= est.gibPerGpu,
      detail: `model states ${est.gibPerGpu.toFixed(1)} GiB per GPU (${est.formula}); smallest GPU ${smallest.toFixed(1)} GiB; activations come on top`,
      fix: "use more GPUs or nodes (ZeRO shards by their number), or GPUs with more memory",
    });
  }
  return checks;
}

function checkpointCheck(
  plan: TrainingPlan,
  resume: boolean,
  last: Checkpoint | undefined,
): PreflightCheck {
  if (resume)
    return {
      name: "resume",
      ok: last !== undefined,
      detail: last
        ? `from ${last.path} (step ${last.step})`
        : `no checkpoint-N under ${plan.outputDir}`,
      fix: "drop --resume to start fresh",
    };
  const what: Record<string, string> = {
    longva: "LongVA's train.py resumes from them on its own",
    llamafactory:
      "the released config sets overwrite_output_dir: true, so LLaMA-Factory would train from scratch over them",
    "ms-swift": "ms-swift would start a new version folder beside them",
  };
  return {
    name: "output folder",
    ok: last === undefined,
    detail: last
      ? `${plan.outputDir} holds ${last.path}: ${what[plan.codebase]}`
      : `${plan.outputDir} (no checkpoints)`,
    fix: "pass --resume to continue from the last checkpoint, or choose another run name / outputDir",
  };
}

/** Bytes of one saved checkpoint: bf16 weights plus, for full fine-tuning, fp32 optimizer states. */
export function checkpointBytes(plan: TrainingPlan): number {
  const P = plan.preset.parametersB * 1e9;
  if (plan.preset.method === "lora") return 16 * (plan.preset.lora?.trainableB ?? 0) * 1e9;
  return 2 * P + 12 * P;
}

function diskCheck(plan: TrainingPlan, need: number): PreflightCheck {
  let dir = plan.outputDir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    const s = statfsSync(dir);
    const free = s.bavail * s.bsize;
    return {
      name: "disk",
      ok: free >= need,
      detail: `${(free / 1024 ** 3).toFixed(0)} GiB free at ${dir}; one checkpoint ≈ ${(need / 1024 ** 3).toFixed(0)} GiB`,
      fix: "free disk, set outputDir on a larger volume, or state the size with --checkpoint-gib",
    };
  } catch (e) {
    return {
      name: "disk",
      ok: false,
      detail: `cannot stat ${dir}: ${(e as Error).message}`,
      fix: "check outputDir",
    };
  }
}

/** One line per check: `ok   GPUs  8 found …` / `FAIL GPUs  … → fix`. */
export function formatPreflight(checks: PreflightCheck[]): string {
  return checks
    .map(
      (c) =>
        `${c.ok ? "ok  " : "FAIL"} ${c.name.padEnd(13)} ${c.detail}${c.ok || !c.fix ? "" : `\n     → ${c.fix}`}`,
    )
    .join("\n");
}
