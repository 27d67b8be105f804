// Stand-in executables for the launch tests, written into a temp dir put first on PATH:
// torchrun, deepspeed, srun, sbatch, scontrol, nvidia-smi, llamafactory-cli, swift. Each
// appends {prog, argv, cwd, env} as one JSON line to $T3KIT_STANDIN_LOG, prints a line on
// stdout and one on stderr (to check log streaming), and exits with $T3KIT_STANDIN_EXIT.
// sbatch runs the script as Slurm would (SLURM_* set); srun runs its command once per node
// with SLURM_NODEID; scontrol answers `show hostnames`; nvidia-smi lists $T3KIT_FAKE_GPUS
// GPUs of $T3KIT_FAKE_GPU_MIB MiB.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RECORD = `#!/usr/bin/python3
import json, os, sys
KEEP = ("FORCE_TORCHRUN", "NPROC_PER_NODE", "NNODES", "NODE_RANK", "MASTER_ADDR", "MASTER_PORT",
        "CUDA_DEVICE_MAX_CONNECTIONS", "CUDA_VISIBLE_DEVICES", "NCCL_NET_PLUGIN", "PYTHONPATH",
        "SIZE_FACTOR", "MAX_PIXELS", "NFRAMES", "SLURM_NODEID", "GPUS_PER_NODE")
def record():
    with open(os.environ["T3KIT_STANDIN_LOG"], "a") as f:
        f.write(json.dumps({"prog": os.path.basename(sys.argv[0]), "argv": sys.argv[1:], "cwd": os.getcwd(),
                            "env": {k: os.environ[k] for k in KEEP if k in os.environ}}) + "\\n")
`;

const TRAINER = `${RECORD}
record()
print("stand-in " + os.path.basename(sys.argv[0]) + ": {'loss': 1.25, 'step': 1}", flush=True)
print("stand-in warning on stderr", file=sys.stderr, flush=True)
sys.exit(int(os.environ.get("T3KIT_STANDIN_EXIT", "0")))
`;

const NVIDIA_SMI = `#!/usr/bin/python3
import os, sys
n = os.environ.get("T3KIT_FAKE_GPUS", "8")
if n == "fail":
    print("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.", file=sys.stderr)
    sys.exit(9)
mib = os.environ.get("T3KIT_FAKE_GPU_MIB", "81559")
for i in range(int(n)):
    print("%d, NVIDIA H100 80GB HBM3, %s" % (i, mib))
`;

const SBATCH = `${RECORD}
import re, subprocess
record()
script = sys.argv[-1]
nodes = int(re.search(r"^#SBATCH --nodes=(\\d+)", open(script).read(), re.M).group(1))
env = dict(os.environ, SLURM_JOBID="42", SLURM_JOB_NODELIST="gpu-node-[1-%d]" % nodes, SLURM_NNODES=str(nodes))
sys.exit(subprocess.call(["bash", script], env=env))
`;

const SRUN = `${RECORD}
import subprocess
record()
args = sys.argv[1:]
if args[:1] == ["--jobid"]:
    args = args[2:]
code = 0
for node in range(int(os.environ.get("SLURM_NNODES", "1"))):
    code = code or subprocess.call(args, env=dict(os.environ, SLURM_NODEID=str(node)))
sys.exit(code)
`;

const SCONTROL = `#!/usr/bin/python3
import os, sys
assert sys.argv[1:3] == ["show", "hostnames"], sys.argv
for i in range(int(os.environ.get("SLURM_NNODES", "1"))):
    print("gpu-node-%d" % (i + 1))
`;

export interface StandIns {
  dir: string;
  log: string;
  /** PATH with the stand-ins first, then the system's (python3, bash, git …). */
  path: string;
  records(): { prog: string; argv: string[]; cwd: string; env: Record<string, string> }[];
}

export function writeStandIns(
  programs = [
    "torchrun",
    "deepspeed",
    "llamafactory-cli",
    "swift",
    "srun",
    "sbatch",
    "scontrol",
    "nvidia-smi",
  ],
): StandIns {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-standins-"));
  const bin = join(dir, "bin");
  require("node:fs").mkdirSync(bin);
  const log = join(dir, "calls.jsonl");
  writeFileSync(log, "");
  const bodies: Record<string, string> = {
    "nvidia-smi": NVIDIA_SMI,
    sbatch: SBATCH,
    srun: SRUN,
    scontrol: SCONTROL,
  };
  for (const p of programs) {
    writeFileSync(join(bin, p), bodies[p] ?? TRAINER);
    chmodSync(join(bin, p), 0o755);
  }
  return {
    dir,
    log,
    path: `${bin}:/usr/bin:/bin`,
    records: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l)),
  };
}

/**
 * A stand-in LongVA clone at `root`: the entry point and DeepSpeed config preflight looks
 * for, and a `longva.train.train` package for its `python3 -c "import …"`. Returns `root`.
 */
export function writeLongvaClone(root: string): string {
  const pkg = join(root, "longva", "longva");
  mkdirSync(join(pkg, "train"), { recursive: true });
  mkdirSync(join(root, "longva", "scripts"), { recursive: true });
  writeFileSync(join(root, "longva", "scripts", "zero3.json"), "{}");
  for (const f of ["train/train_mem.py", "__init__.py", "train/__init__.py", "train/train.py"])
    writeFileSync(join(pkg, f), "");
  return root;
}
