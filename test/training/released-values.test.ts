// Every rendered value of the three presets against the released scripts' values, written
// out here by hand from llyx97/video-t3 (t3_sft/longva_exp/longva_t3.sh,
// t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml, t3_sft/qwen_exp/72b/run_72b_video.sh),
// not from the presets. Values are compared as the codebases read them: command-line words
// by Python's float()/int()/bool-string rules, YAML through PyYAML.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  llamafactoryYaml,
  longvaTorchrunLaunch,
  planTraining,
  presetSpec,
  renderRun,
  swiftLaunch,
} from "../../lib/training/index";
import { pyyamlTyped } from "../oracle/debian-python";
import { LONGVA_TORCHRUN_HEAD } from "./longva-torchrun-head";

/** `--flag value` pairs after the entry point, as a map (each flag once). */
function flagsAfter(argv: string[], entry: string): Map<string, string> {
  const i = argv.indexOf(entry);
  assert.ok(i >= 0, `${entry} in ${argv.join(" ")}`);
  const m = new Map<string, string>();
  for (let j = i + 1; j < argv.length; j += 2) {
    assert.ok(argv[j].startsWith("--"), `flag expected at ${argv[j]}`);
    assert.ok(!m.has(argv[j]), `${argv[j]} twice`);
    m.set(argv[j].slice(2), argv[j + 1]);
  }
  return m;
}

/** The released text and the rendered word mean the same to Python's argparse + HF's parser. */
function samePythonValue(released: string, rendered: string): boolean {
  if (/^-?[0-9.]+(e-?[0-9]+)?$/i.test(released)) return Number(released) === Number(rendered);
  return released === rendered;
}

// longva_t3.sh, every train_mem.py flag (BATCH_SIZE=1, GRADIENT_ACCU_STEPS = 64/1/8/1 = 8).
const LONGVA_RELEASED: Record<string, string> = {
  deepspeed: "scripts/zero3.json",
  model_name_or_path: "lmms-lab/LongVA-7B",
  version: "qwen_1_5",
  mm_tunable_parts: "mm_vision_tower,mm_mlp_adapter,mm_language_model",
  mm_vision_tower_lr: "2e-6",
  vision_tower: "openai/clip-vit-large-patch14-336",
  mm_projector_type: "mlp2x_gelu",
  mm_vision_select_layer: "-2",
  mm_use_im_start_end: "False",
  mm_use_im_patch_token: "False",
  group_by_modality_length: "True",
  image_aspect_ratio: "anyres",
  mm_patch_merge_type: "unires",
  bf16: "True",
  num_train_epochs: "1",
  per_device_train_batch_size: "1",
  per_device_eval_batch_size: "4",
  gradient_accumulation_steps: "8",
  evaluation_strategy: "no",
  save_strategy: "steps",
  save_steps: "3000",
  save_total_limit: "1",
  learning_rate: "1e-5",
  weight_decay: "0.",
  warmup_ratio: "0.03",
  lr_scheduler_type: "cosine",
  logging_steps: "1",
  tf32: "True",
  model_max_length: "32768",
  gradient_checkpointing: "True",
  dataloader_num_workers: "16",
  lazy_preprocess: "True",
  report_to: "wandb",
  torch_compile: "True",
  torch_compile_backend: "inductor",
  dataloader_drop_last: "True",
  attn_implementation: "sdpa",
};
/** Flags whose released value is a path or name on the authors' machines: the kit fills them. */
const LONGVA_FILLED = ["data_path", "image_folder", "run_name", "output_dir"];

test("longva-7b-t3 renders every released train_mem.py flag and torchrun's hardware", () => {
  const plan = planTraining(presetSpec("longva-7b-t3"), {
    data: "/data/t3/mix.json",
    imageFolder: "/data/images",
    runDir: "/runs/longva",
  });
  const launch = longvaTorchrunLaunch(plan, "/src/LongVA");
  assert.equal(launch.program, "torchrun");
  assert.equal(launch.cwd, "/src/LongVA/longva");
  const flags = flagsAfter(launch.args, "longva/train/train_mem.py");
  assert.deepEqual(
    [...flags.keys()].sort(),
    [...Object.keys(LONGVA_RELEASED), ...LONGVA_FILLED].sort(),
  );
  for (const [k, v] of Object.entries(LONGVA_RELEASED))
    assert.ok(samePythonValue(v, flags.get(k)!), `${k}: released ${v}, rendered ${flags.get(k)}`);
  assert.equal(flags.get("data_path"), "/data/t3/mix.json");
  assert.equal(flags.get("image_folder"), "/data/images");
  assert.equal(flags.get("run_name"), "longva-7b-t3");
  assert.equal(flags.get("output_dir"), "/runs/longva/checkpoints");
  // torchrun: NNODES=1, GPUS_PER_NODE=8, MASTER_PORT=32456; env exports of the script.
  const head = launch.args.slice(0, launch.args.indexOf("longva/train/train_mem.py"));
  assert.deepEqual(head, LONGVA_TORCHRUN_HEAD);
  assert.equal(launch.env.CUDA_DEVICE_MAX_CONNECTIONS, "1");
  assert.equal(launch.env.NCCL_NET_PLUGIN, "none");
});

test("longva-7b-t3 Slurm form: the released sbatch header, scontrol MASTER_ADDR, SLURM_NODEID rank", () => {
  const plan = planTraining(presetSpec("longva-7b-t3"), { data: "/d/m.json", runDir: "/runs/x" });
  const script = renderRun(plan, { codebase: "/src/LongVA", launcher: "slurm" }).files[
    "train.sbatch"
  ];
  for (const line of [
    "#SBATCH --nodes=1",
    "#SBATCH --ntasks-per-node=1",
    "#SBATCH --cpus-per-task=100",
    "#SBATCH --gres=gpu:8",
    "#SBATCH --mem=0",
    "export NNODES=1",
    "export GPUS_PER_NODE=8",
    "export MASTER_PORT=32456",
    "export CUDA_DEVICE_MAX_CONNECTIONS=1",
    "export NCCL_NET_PLUGIN=none",
    'export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
  ])
    assert.ok(script.split("\n").includes(line), `missing line: ${line}`);
  assert.match(
    script,
    /srun --jobid "\$SLURM_JOBID" bash -c 'torchrun --nnodes \$NNODES --nproc_per_node \$GPUS_PER_NODE --node_rank \$SLURM_NODEID --master_addr \$MASTER_ADDR --master_port \$MASTER_PORT longva\/train\/train_mem.py --deepspeed scripts\/zero3.json /,
  );
});

// llama_factory_7b_config.yaml, every key, with the type PyYAML gives the released file.
const LF_RELEASED: Record<string, [string, unknown]> = {
  stage: ["str", "sft"],
  do_train: ["bool", true],
  finetuning_type: ["str", "full"],
  deepspeed: ["str", "examples/deepspeed/ds_z2_config.json"],
  freeze_vision_tower: ["bool", true],
  template: ["str", "qwen2_vl"],
  cutoff_len: ["int", 8192],
  max_samples: ["int", 75000],
  overwrite_cache: ["bool", true],
  preprocessing_num_workers: ["int", 32],
  logging_steps: ["int", 10],
  save_steps: ["int", 200],
  plot_loss: ["bool", true],
  overwrite_output_dir: ["bool", true],
  per_device_train_batch_size: ["int", 1],
  gradient_accumulation_steps: ["int", 8],
  learning_rate: ["float", 1e-5],
  num_train_epochs: ["float", 1.0],
  lr_scheduler_type: ["str", "cosine"],
  warmup_ratio: ["float", 0.03],
  bf16: ["bool", true],
  ddp_timeout: ["int", 180000000],
  weight_decay: ["float", 0.05],
};

test("qwen2-vl-7b-t3 YAML: every released key, value and PyYAML type", () => {
  const plan = planTraining(presetSpec("qwen2-vl-7b-t3"), {
    data: "/data/T366K+VRatio2.0.noimage.valid.json",
    runDir: "/runs/q7",
  });
  const y = pyyamlTyped(llamafactoryYaml(plan));
  for (const [k, v] of Object.entries(LF_RELEASED)) assert.deepEqual(y[k], v, k);
  assert.deepEqual(y.model_name_or_path, ["str", "Qwen/Qwen2-VL-7B-Instruct"]);
  assert.deepEqual(y.dataset, ["str", "T366K+VRatio2.0.noimage.valid"]);
  assert.deepEqual(y.output_dir, ["str", "/runs/q7/checkpoints"]);
  assert.deepEqual(y.dataset_dir, ["str", "/runs/q7"]);
  assert.deepEqual(
    Object.keys(y).sort(),
    [
      ...Object.keys(LF_RELEASED),
      "model_name_or_path",
      "dataset",
      "output_dir",
      "dataset_dir",
    ].sort(),
  );
  const run = renderRun(plan, { codebase: "/src/LLaMA-Factory" });
  assert.equal(run.launch.program, "llamafactory-cli");
  assert.deepEqual(run.launch.args, ["train", "/runs/q7/train.yaml"]);
  assert.equal(run.launch.env.FORCE_TORCHRUN, "1");
  assert.equal(run.launch.cwd, "/src/LLaMA-Factory");
  const info = JSON.parse(run.files["dataset_info.json"]);
  assert.deepEqual(info["T366K+VRatio2.0.noimage.valid"].columns, {
    messages: "conversations",
    images: "images",
    videos: "videos",
  });
});

// run_72b_video.sh: every `swift sft` flag and the environment.
const SWIFT_RELEASED: Record<string, string> = {
  model_type: "qwen2-vl-72b-instruct",
  sft_type: "lora",
  freeze_vit: "true",
  learning_rate: "1e-5",
  weight_decay: "0.03",
  save_steps: "100",
  max_steps: "1000",
  gradient_accumulation_steps: "8",
  batch_size: "1",
  gradient_checkpointing: "true",
  max_length: "5120",
  dataloader_num_workers: "2",
  warmup_ratio: "0.03",
  deepspeed: "default-zero3",
  dtype: "bf16",
};

test("qwen2-vl-72b-t3: every released swift sft flag and SIZE_FACTOR / MAX_PIXELS / NFRAMES / NPROC_PER_NODE", () => {
  const plan = planTraining(
    { ...presetSpec("qwen2-vl-72b-t3"), data: { path: "/d/ms.jsonl", valPath: "/d/ms.val.jsonl" } },
    { runDir: "/runs/q72" },
  );
  const launch = swiftLaunch(plan);
  assert.equal(launch.program, "swift");
  assert.equal(launch.args[0], "sft");
  const flags = flagsAfter(launch.args, "sft");
  for (const [k, v] of Object.entries(SWIFT_RELEASED))
    assert.ok(samePythonValue(v, flags.get(k)!), `${k}: released ${v}, rendered ${flags.get(k)}`);
  assert.deepEqual(
    [...flags.keys()].sort(),
    [
      ...Object.keys(SWIFT_RELEASED),
      "model_id_or_path",
      "dataset",
      "val_dataset",
      "output_dir",
    ].sort(),
  );
  assert.equal(flags.get("dataset"), "/d/ms.jsonl");
  assert.equal(flags.get("val_dataset"), "/d/ms.val.jsonl");
  assert.deepEqual(launch.env, {
    SIZE_FACTOR: "8",
    MAX_PIXELS: "401408",
    NPROC_PER_NODE: "8",
    NFRAMES: "8",
    CUDA_VISIBLE_DEVICES: "0,1,2,3,4,5,6,7",
  });
});
