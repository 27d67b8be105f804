/**
 * LongVA's run folder and launch, as the released `t3_sft/longva_exp/longva_t3.sh` does it
 * and as clusters without Slurm do it:
 * - one machine: `torchrun --nnodes 1 --nproc_per_node G … longva/train/train_mem.py --deepspeed
 *   scripts/zero3.json …` from the checkout's `longva/` folder (the script's relative paths);
 * - Slurm: an sbatch script whose `srun --jobid $SLURM_JOBID bash -c '…'` runs torchrun once per
 *   node with `--node_rank $SLURM_NODEID` and MASTER_ADDR from `scontrol show hostnames`;
 * - a DeepSpeed hostfile (`host slots=G`) for `deepspeed --hostfile …`.
 * The folder always holds the sbatch script and the hostfile, whichever launcher runs it.
 */
import { join } from "node:path";
import { type TrainingPlan, planEnv } from "../plan/plan-training";
import type { CodebaseRun, RenderTarget } from "./codebase-run";
import { cliWord } from "./format-arg-value";
import type { LaunchPlan } from "./launch-plan";
import { exportLines, sbatchScript } from "./one-task-per-node-sbatch";
import { SBATCH_FILE, sbatchLaunch } from "./sbatch-launch";
import { shellQuote as quote } from "./shell-quote";

export const LONGVA_ENTRY = "longva/train/train_mem.py";
const HOSTFILE = "hostfile";

/** The run folder's files and the launch for `t.launcher`. */
export function renderLongva(plan: TrainingPlan, t: RenderTarget): CodebaseRun {
  const files = {
    [SBATCH_FILE]: longvaSbatchScript(plan, t.codebase),
    [HOSTFILE]: deepspeedHostfile(plan, t.hosts),
  };
  const launch =
    t.launcher === "slurm"
      ? sbatchLaunch(plan)
      : t.launcher === "deepspeed"
        ? longvaDeepspeedLaunch(plan, t.codebase, join(plan.runDir, HOSTFILE))
        : longvaTorchrunLaunch(plan, t.codebase);
  return { files, launch };
}

/** The checkout folder the released script runs from: `<LongVA clone>/longva`. */
export function longvaWorkDir(codebase: string): string {
  return join(codebase, "longva");
}

/** `longva/train/train_mem.py --deepspeed scripts/zero3.json --model_name_or_path …`. */
export function longvaTrainArgs(plan: TrainingPlan): string[] {
  const out = [LONGVA_ENTRY];
  for (const a of plan.args) out.push(`--${a.key}`, cliWord(a.kind, a.value, "Python"));
  return out;
}

function masterPort(plan: TrainingPlan): string {
  return String(plan.env.find((e) => e.key === "MASTER_PORT")?.value ?? 29500);
}

/** Environment of the training process (the released script's exports, PYTHONPATH to the checkout). */
export function longvaEnv(plan: TrainingPlan, workDir: string): Record<string, string> {
  // MASTER_PORT goes to the launcher as --master_port. The released script puts its
  // checkout on PYTHONPATH; the kit names the checkout it runs.
  const { MASTER_PORT: _port, ...env } = planEnv(plan);
  return { ...env, PYTHONPATH: workDir };
}

/** `program …launcherArgs longva/train/train_mem.py …` from the checkout's longva/ folder. */
function longvaProcess(
  plan: TrainingPlan,
  codebase: string,
  program: string,
  launcherArgs: string[],
): LaunchPlan {
  const cwd = longvaWorkDir(codebase);
  return {
    program,
    args: [...launcherArgs, "--master_port", masterPort(plan), ...longvaTrainArgs(plan)],
    env: longvaEnv(plan, cwd),
    cwd,
    logFile: join(plan.runDir, "train.log"),
  };
}

/** One machine, all its GPUs. */
export function longvaTorchrunLaunch(plan: TrainingPlan, codebase: string): LaunchPlan {
  return longvaProcess(plan, codebase, "torchrun", [
    "--nnodes",
    "1",
    "--nproc_per_node",
    String(plan.hardware.gpusPerNode),
    "--node_rank",
    "0",
    "--master_addr",
    "127.0.0.1",
  ]);
}

/** `deepspeed --hostfile FILE --num_nodes N --num_gpus G --master_port P longva/train/train_mem.py …`. */
export function longvaDeepspeedLaunch(
  plan: TrainingPlan,
  codebase: string,
  hostfile: string,
): LaunchPlan {
  return longvaProcess(plan, codebase, "deepspeed", [
    "--hostfile",
    hostfile,
    "--num_nodes",
    String(plan.hardware.nodes),
    "--num_gpus",
    String(plan.hardware.gpusPerNode),
  ]);
}

/** The sbatch script: header as released (job name, one task per node, all GPUs), srun + torchrun. */
export function longvaSbatchScript(plan: TrainingPlan, codebase: string): string {
  const cwd = longvaWorkDir(codebase);
  const g = plan.hardware.gpusPerNode;
  // Inside the single-quoted bash -c body the per-node variables stay unexpanded until
  // each node's shell runs it; every other word is quoted by zx's rules.
  const torchrun = [
    "torchrun",
    "--nnodes",
    "$NNODES",
    "--nproc_per_node",
    "$GPUS_PER_NODE",
    "--node_rank",
    "$SLURM_NODEID",
    "--master_addr",
    "$MASTER_ADDR",
    "--master_port",
    "$MASTER_PORT",
  ].join(" ");
  return sbatchScript(plan, {
    directives: [
      "#SBATCH --cpus-per-task=100",
      `#SBATCH --gres=gpu:${g}`,
      "#SBATCH --mem=0",
      "# Rendered by t3kit from the released t3_sft/longva_exp/longva_t3.sh (its --partition is site-specific: add yours).",
    ],
    exports: [
      `export NNODES=${plan.hardware.nodes}`,
      `export GPUS_PER_NODE=${g}`,
      `export MASTER_PORT=${masterPort(plan)}`,
      ...exportLines(longvaEnv(plan, cwd)),
    ],
    cwd,
    body: `${torchrun} ${longvaTrainArgs(plan)
      .map((w) => quote(w))
      .join(" ")}`,
  });
}

/** A DeepSpeed hostfile: one `host slots=G` line per node (placeholders when no hosts are given). */
export function deepspeedHostfile(plan: TrainingPlan, hosts?: string[]): string {
  const names = hosts ?? Array.from({ length: plan.hardware.nodes }, (_, i) => `node-${i + 1}`);
  return `${names.map((h) => `${h} slots=${plan.hardware.gpusPerNode}`).join("\n")}\n`;
}
