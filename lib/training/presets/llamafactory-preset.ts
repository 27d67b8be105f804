/**
 * Qwen2-VL-7B + T3 with LLaMA-Factory: the released `t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml`
 * (identical to `qwen2vl_full_t3_7b_v20.yaml` but for two comment lines) of llyx97/video-t3,
 * launched by `run.sh` as `FORCE_TORCHRUN=1 llamafactory-cli train CONFIG`. Full fine-tuning,
 * vision tower frozen, DeepSpeed ZeRO-2. The released files do not say how many GPUs ran it.
 */
import { type TrainingPreset, releasedArgs } from "./training-preset";

const CONFIG = "llyx97/video-t3 t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml";
const RUN = "llyx97/video-t3 t3_sft/qwen_exp/7b/run.sh";

const arg = releasedArgs(CONFIG);

export const llamafactoryPreset: TrainingPreset = {
  name: "qwen2-vl-7b-t3",
  codebase: "llamafactory",
  model: "Qwen2-VL-7B-Instruct",
  summary:
    "Qwen2-VL-7B-Instruct, full fine-tuning, vision tower frozen, 1 epoch (LLaMA-Factory, ZeRO-2)",
  releasedFiles: [CONFIG, "llyx97/video-t3 t3_sft/qwen_exp/7b/qwen2vl_full_t3_7b_v20.yaml", RUN],
  hardware: { nodes: 1, gpusPerNode: 8 },
  hardwareSource:
    "kit: the released files do not state the GPU count; 8 GPUs on one node as the other two runs",
  batch: { hold: "accumulation", source: `${CONFIG} (gradient_accumulation_steps: 8)` },
  args: [
    arg("model_name_or_path", "str", "/home/lilei/Qwen2-VL-7B-Instruct", "model"),
    arg("stage", "str", "sft"),
    arg("do_train", "bool", true),
    arg("finetuning_type", "str", "full"),
    arg("deepspeed", "str", "examples/deepspeed/ds_z2_config.json"),
    arg("freeze_vision_tower", "bool", true),
    arg("dataset", "str", "T3-66kk-VRatio2.0", "dataset-name"),
    arg("template", "str", "qwen2_vl"),
    arg("cutoff_len", "int", 8192),
    arg("max_samples", "int", 75000),
    arg("overwrite_cache", "bool", true),
    arg("preprocessing_num_workers", "int", 32),
    arg("output_dir", "str", "saves/qwen2_vl-7b/full/T3-66kk-VRatio2.0", "output-dir"),
    arg("logging_steps", "int", 10),
    arg("save_steps", "int", 200),
    arg("plot_loss", "bool", true),
    arg("overwrite_output_dir", "bool", true),
    arg("per_device_train_batch_size", "int", 1, "per-device-batch"),
    arg("gradient_accumulation_steps", "int", 8, "gradient-accumulation"),
    arg("learning_rate", "float", 1e-5),
    arg("num_train_epochs", "float", 1.0),
    arg("lr_scheduler_type", "str", "cosine"),
    arg("warmup_ratio", "float", 0.03),
    arg("bf16", "bool", true),
    arg("ddp_timeout", "int", 180000000),
    arg("weight_decay", "float", 0.05),
  ],
  env: [releasedArgs(RUN)("FORCE_TORCHRUN", "str", "1")],
  lengthKey: "cutoff_len",
  lengthPreset: "qwen2vl-7b",
  parametersB: 7,
  method: "full",
  zeroStage: 2,
};
